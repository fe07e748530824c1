import type { BlockReport } from '../report/evaluate-blocks';
import { bboxOf, polygonsOf, type Areal } from '../overlay/zones';
import { haversineM } from '../geo/haversine';

/**
 * 3D columns for meetings: groups or blocks raised in proportion to a figure.
 * Heights are linear in the figure, so a column twice as tall stands for
 * twice the area (or score); the tallest column is sized to the extent being
 * shown, so the picture reads at any scale.
 */

export type ExtrudeTarget = 'groups' | 'blocks';
export type ExtrudeFigure = 'area' | 'score' | 'retained';

export interface ExtrudeSpec {
  readonly target: ExtrudeTarget;
  readonly figure: ExtrudeFigure;
}

/** The choices offered: groups have only their (schematic) area; blocks have the three figures. */
export const EXTRUDE_CHOICES: readonly ExtrudeSpec[] = [
  { target: 'groups', figure: 'area' },
  { target: 'blocks', figure: 'area' },
  { target: 'blocks', figure: 'score' },
  { target: 'blocks', figure: 'retained' },
];

export const extrudeKey = (s: ExtrudeSpec) => `${s.target}:${s.figure}`;

export function parseExtrude(key: string): ExtrudeSpec | null {
  return EXTRUDE_CHOICES.find((c) => extrudeKey(c) === key) ?? null;
}

/** Unit of each figure, for the legend. */
export const FIGURE_UNIT: Record<ExtrudeFigure, 'km²' | 'points'> = {
  area: 'km²',
  score: 'points',
  retained: 'km²',
};

/**
 * A block's figure: its ellipsoidal area, its evaluation score (null until
 * indicators are given), or the area it would keep under its verdict (0 when
 * removed; the whole block when no rule applies to it).
 */
export function blockFigure(r: BlockReport, figure: ExtrudeFigure): number | null {
  // A block that needs repair has no area to stand for: drawn flat.
  if (r.status === 'needs-repair') return null;
  switch (figure) {
    case 'area':
      return r.areaKm2;
    case 'score':
      return r.evaluation?.score ?? null;
    case 'retained':
      return r.retainedKm2 ?? r.areaKm2;
  }
}

export interface HeightScale {
  /** The largest figure among the features (0 when none has one). */
  readonly max: number;
  /** Column height in metres per unit of the figure. */
  readonly metresPerUnit: number;
  /** Height of the tallest column, in metres. */
  readonly tallestM: number;
}

/** Tallest column as a share of the shown extent's diagonal, within sensible bounds. */
const TALLEST_SHARE = 0.15;
const TALLEST_MIN_M = 200;
const TALLEST_MAX_M = 12_000;

/**
 * The scale for these figures over an extent whose diagonal is `diagonalM`
 * metres. Missing and negative figures are left out (drawn flat).
 */
export function heightScale(figures: readonly (number | null)[], diagonalM: number): HeightScale {
  let max = 0;
  for (const v of figures) if (v !== null && Number.isFinite(v) && v > max) max = v;
  const tallestM = Math.min(TALLEST_MAX_M, Math.max(TALLEST_MIN_M, TALLEST_SHARE * diagonalM));
  return { max, tallestM, metresPerUnit: max > 0 ? tallestM / max : 0 };
}

/** A feature's column height in metres; null (flat) when it has no figure. */
export function columnHeight(value: number | null, scale: HeightScale): number | null {
  if (value === null || !Number.isFinite(value) || value < 0) return null;
  return value * scale.metresPerUnit;
}

/** Length of a bbox's diagonal in metres. */
export function bboxDiagonalM(bbox: readonly [number, number, number, number]): number {
  const [w, s, e, n] = bbox;
  return haversineM([w, s], [e, n]);
}

export interface ColumnInput {
  readonly id: string;
  readonly geometry: Areal;
  readonly value: number | null;
  readonly color: string;
}

export interface Column {
  readonly id: string;
  readonly geometry: Areal;
  /** Metres; null draws the footprint flat (no figure). */
  readonly height: number | null;
  readonly color: string;
}

/** Columns for these features, scaled to their joint extent. */
export function columnsOf(items: readonly ColumnInput[]): { columns: Column[]; scale: HeightScale } {
  const polys = items.flatMap((i) => polygonsOf(i.geometry));
  const diagonal = polys.length ? bboxDiagonalM(bboxOf(polys)) : 0;
  const scale = heightScale(
    items.map((i) => i.value),
    diagonal,
  );
  return {
    scale,
    columns: items.map((i) => ({
      id: i.id,
      geometry: i.geometry,
      height: columnHeight(i.value, scale),
      color: i.color,
    })),
  };
}
