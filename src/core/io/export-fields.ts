import type { MultiPolygon, Polygon } from 'geojson';
import type { BlockReport } from '../report/evaluate-blocks';

/**
 * The attribute table that geometry exports (Shapefile, KML) carry: each
 * block's own attributes, then ParkPlan's figures under short names that fit
 * a dBase field (≤ 10 bytes). Attributes that share a name with a figure are
 * prefixed with "src_" rather than silently overwritten.
 */

export interface ExportBlock {
  readonly id: string;
  readonly name: string;
  readonly geometry: Polygon | MultiPolygon;
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>;
}

export interface ExportField {
  readonly name: string;
  readonly type: 'C' | 'N';
  readonly get: (b: ExportBlock, r: BlockReport | undefined) => string | number | null;
}

const round = (x: number | null | undefined, d: number) =>
  x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d;

export const FIGURE_FIELDS: readonly ExportField[] = [
  { name: 'pp_id', type: 'C', get: (b) => b.id },
  { name: 'name', type: 'C', get: (b) => b.name },
  { name: 'area_km2', type: 'N', get: (_, r) => round(r?.areaKm2, 6) },
  { name: 'area_ha', type: 'N', get: (_, r) => round(r?.areaHa, 4) },
  { name: 'area_mu', type: 'N', get: (_, r) => round(r?.areaMu, 2) },
  { name: 'gk_km2', type: 'N', get: (_, r) => round(r?.planarAreaKm2, 6) },
  { name: 'subpark', type: 'C', get: (_, r) => r?.subpark ?? null },
  { name: 'share', type: 'N', get: (_, r) => round(r?.shareOfSubpark, 6) },
  { name: 'share_base', type: 'C', get: (_, r) => r?.shareDenominator ?? null },
  { name: 'size_class', type: 'C', get: (_, r) => r?.sizeClass ?? null },
  { name: 'mode', type: 'C', get: (_, r) => r?.mode ?? null },
  { name: 'retain_km2', type: 'N', get: (_, r) => round(r?.retainedKm2, 6) },
  { name: 'remove_km2', type: 'N', get: (_, r) => round(r?.removedKm2, 6) },
  { name: 'status', type: 'C', get: (_, r) => r?.status ?? null },
  { name: 'warnings', type: 'C', get: (_, r) => (r ? r.warnings.join(';') : null) },
];

export function exportFields(blocks: readonly ExportBlock[]): ExportField[] {
  const figureNames = new Set(FIGURE_FIELDS.map((f) => f.name.toLowerCase()));
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const b of blocks)
    for (const k of Object.keys(b.attributes))
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
  const attrFields: ExportField[] = keys.map((k) => {
    const numeric = blocks.every((b) => {
      const v = b.attributes[k];
      return v === undefined || v === null || typeof v === 'number';
    });
    return {
      name: figureNames.has(k.toLowerCase()) ? `src_${k}` : k,
      type: numeric ? 'N' : 'C',
      get: (b) => {
        const v = b.attributes[k];
        return v === undefined || v === null ? null : typeof v === 'number' ? v : String(v);
      },
    };
  });
  return [...attrFields, ...FIGURE_FIELDS];
}
