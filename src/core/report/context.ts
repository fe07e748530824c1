import type { Feature, FeatureCollection, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { geometryAreaM2 } from '../geo/area';
import { rewind } from '../geo/rings';
import Flatbush from 'flatbush';
import { bboxOf, polygonsOf, ZoneSet, type Areal, type BlockShape } from '../overlay/zones';
import { SUBPARKS, type EvaluationClass } from '../../data/subparks';
import { DISTRICTS } from '../../data/districts';

/**
 * The zones a block is measured against. Built from FeatureCollections so the
 * same code serves the app (embedded layers) and the command line (embedded
 * layers, or real sub-park boundaries the planner supplies).
 */

export interface SubparkZone {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Official area where one is declared; the share then uses it as denominator. */
  readonly areaDeclaredKm2: number | null;
  readonly areaMeasuredKm2: number;
  readonly evaluationClass: EvaluationClass | null;
}

export interface DistrictZone {
  readonly id: string;
  readonly short: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly ecological: 'wholly' | 'partly' | 'no';
}

export interface NamedZone {
  readonly id: string;
  readonly nameZh: string;
}

export interface ReportContext {
  /**
   * km² of a block in the ZGC scope and in the national zones, given its
   * sub-park overlaps (which these may reuse, see scopeIsSubparkUnion).
   */
  readonly scopeKm2: (block: BlockShape, subparkM2: number) => number;
  readonly nationalKm2: (block: BlockShape, subparkM2: number) => number;
  readonly subparks: ZoneSet<SubparkZone>;
  readonly districts: ZoneSet<DistrictZone>;
  readonly scope: ZoneSet<NamedZone>;
  readonly yizhuang: ZoneSet<NamedZone>;
  /** National zones: the areas deducted from the ~718 km² (seed 002, 四是空间构成). */
  readonly national: ZoneSet<NamedZone>;
  readonly nationalNote: string;
  readonly warnings: readonly string[];
}

export interface ContextLayers {
  readonly subparks: FeatureCollection;
  readonly districts: FeatureCollection;
  readonly scope: FeatureCollection;
  readonly yizhuang: FeatureCollection;
  /** Defaults to the ZGC scope ∪ the Yizhuang core (see DEFAULT_NATIONAL_NOTE). */
  readonly national?: FeatureCollection;
  /**
   * True when `scope` is the dissolve of `subparks`, as for the embedded layers
   * (build-geo dissolves it; validate-geo checks it). A block's share of the
   * scope is then the sum of its sub-park overlaps, and the national zones are
   * the sub-parks plus (Yizhuang core − scope): no need to clip against the
   * scope's 2,000 edges again. Checked by area when set.
   */
  readonly scopeIsSubparkUnion?: boolean;
}

export const DEFAULT_NATIONAL_NOTE =
  'National zones default to the ZGC scope (国家级高新区, 488 km²) and the Yizhuang new-town core (60 km², standing in for the national ETDZ 北京经济技术开发区, whose approved boundary is not public). Replace with --national for real boundaries.';

const isAreal = (f: Feature): f is Feature<Areal> =>
  f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
/** A non-empty string or a number from a feature's properties, as trimmed text. */
export const textProp = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;

/**
 * Reads sub-parks from the embedded layer or a planner's file: each feature
 * needs a name (nameZh / name / 名称); `areaDeclaredKm2` and `evaluationClass`
 * are optional and fall back to ParkPlan's data for a sub-park it knows.
 */
export function subparkZones(fc: FeatureCollection, warnings: string[] = []): ZoneSet<SubparkZone> {
  const zones = fc.features.filter(isAreal).map((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const nameZh =
      textProp(p.nameZh) ?? textProp(p.name) ?? textProp(p['名称']) ?? textProp(p.NAME) ?? `分园${i + 1}`;
    const id = textProp(p.id) ?? textProp(f.id) ?? nameZh;
    const known = SUBPARKS.find((s) => s.id === id || s.nameZh === nameZh);
    const declared =
      typeof p.areaDeclaredKm2 === 'number' && p.areaDeclaredKm2 > 0
        ? p.areaDeclaredKm2
        : 'areaDeclaredKm2' in p
          ? null
          : (known?.areaDeclaredKm2 ?? null);
    const cls =
      p.evaluationClass === '城六区与亦庄' || p.evaluationClass === '其他分园'
        ? p.evaluationClass
        : (known?.evaluationClass ?? null);
    if (!cls)
      warnings.push(
        `sub-park ${nameZh}: no evaluationClass (城六区与亦庄 / 其他分园); its blocks cannot be ranked`,
      );
    return {
      id,
      geometry: f.geometry,
      props: {
        id,
        nameZh,
        nameEn: textProp(p.nameEn) ?? known?.nameEn ?? nameZh,
        areaDeclaredKm2: declared,
        areaMeasuredKm2: geometryAreaM2(f.geometry) / 1e6,
        evaluationClass: cls,
      },
    };
  });
  return new ZoneSet(zones);
}

function named(fc: FeatureCollection): ZoneSet<NamedZone> {
  return new ZoneSet(
    fc.features.filter(isAreal).map((f, i) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const id = textProp(p.id) ?? textProp(f.id) ?? String(i + 1);
      return {
        id,
        geometry: f.geometry,
        props: { id, nameZh: textProp(p.nameZh) ?? textProp(p.name) ?? id },
      };
    }),
  );
}

/** Geometries handed to one union call: its arguments are spread, and a worker's stack is small. */
const UNION_CHUNK = 1_000;

/**
 * The union of blocks. Only polygons whose extents touch another's go through the exact
 * (and costly) union; a polygon clear of every other is its own union. So a district's
 * parcels side by side, or one block of a million vertices, cost an index, not a sweep.
 * The polygons are taken as valid (blocks whose boundary crosses itself are left out by
 * the caller, see assessBlocks).
 */
export function unionGeometry(geoms: readonly Areal[]): Areal | null {
  const parts = geoms.flatMap((g) => polygonsOf(g) as Position[][][]);
  if (parts.length === 0) return null;
  const out: Position[][][] = [];
  for (const group of touchingGroups(parts)) {
    if (group.length === 1) {
      out.push(parts[group[0]!]!);
      continue;
    }
    let run = group.map((k) => [parts[k]!] as polyclip.Geom);
    // In chunks, then the chunks' unions: many arguments overflow the stack of a worker.
    while (run.length > 1) {
      const next: polyclip.Geom[] = [];
      for (let k = 0; k < run.length; k += UNION_CHUNK) {
        const [first, ...rest] = run.slice(k, k + UNION_CHUNK);
        next.push(rest.length ? (polyclip.union(first!, ...rest) as polyclip.Geom) : first!);
      }
      run = next;
    }
    out.push(...(run[0] as Position[][][]));
  }
  if (out.length === 0) return null;
  return out.length === 1
    ? { type: 'Polygon', coordinates: out[0]! }
    : { type: 'MultiPolygon', coordinates: out };
}

/** Polygons grouped by touching extents (transitively): each group's indexes into `parts`. */
function touchingGroups(parts: readonly Position[][][]): number[][] {
  const n = parts.length;
  if (n === 1) return [[0]];
  const index = new Flatbush(n);
  const boxes = parts.map((p) => bboxOf([p]));
  for (const [w, s, e, nn] of boxes) index.add(w, s, e, nn);
  index.finish();
  const root = Int32Array.from({ length: n }, (_, k) => k);
  const find = (k: number): number => {
    while (root[k] !== k) k = root[k] = root[root[k]!]!;
    return k;
  };
  boxes.forEach(([w, s, e, nn], k) =>
    index.search(w, s, e, nn, (j) => {
      if (j > k) {
        const a = find(k);
        const b = find(j);
        if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
      }
      return false;
    }),
  );
  const groups = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const r = find(k);
    const g = groups.get(r);
    if (g) g.push(k);
    else groups.set(r, [k]);
  }
  return [...groups.values()];
}

export function intersectionGeometry(a: Areal, b: Areal): Areal | null {
  const i = polyclip.intersection(
    polygonsOf(a) as polyclip.Geom,
    polygonsOf(b) as polyclip.Geom,
  ) as Position[][][];
  if (i.length === 0) return null;
  return rewind(
    i.length === 1 ? { type: 'Polygon', coordinates: i[0]! } : { type: 'MultiPolygon', coordinates: i },
  );
}

export function differenceGeometry(a: Areal | null, b: Areal | null): Areal | null {
  if (!a) return null;
  if (!b) return a;
  const d = polyclip.difference(
    polygonsOf(a) as polyclip.Geom,
    polygonsOf(b) as polyclip.Geom,
  ) as Position[][][];
  if (d.length === 0) return null;
  return d.length === 1 ? { type: 'Polygon', coordinates: d[0]! } : { type: 'MultiPolygon', coordinates: d };
}

export function buildContext(layers: ContextLayers): ReportContext {
  const warnings: string[] = [];
  const districts = new ZoneSet(
    layers.districts.features.filter(isAreal).map((f) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const short = textProp(p.short) ?? '';
      const d = DISTRICTS.find((x) => x.short === short || x.nameZh === p.nameZh);
      const id = d?.id ?? textProp(p.id) ?? short;
      return {
        id,
        geometry: f.geometry,
        props: {
          id,
          short: d?.short ?? short,
          nameZh: d?.nameZh ?? String(p.nameZh ?? id),
          nameEn: d?.nameEn ?? String(p.nameEn ?? id),
          ecological: d?.ecological ?? 'no',
        },
      };
    }),
  );
  const subparks = subparkZones(layers.subparks, warnings);
  const scope = named(layers.scope);
  const sumM2 = (set: ZoneSet<unknown>, b: BlockShape) => set.overlaps(b).reduce((a, o) => a + o.m2, 0);
  const coreGeoms = layers.yizhuang.features
    .filter((f) => isAreal(f) && (f.properties as { id?: string })?.id === 'core')
    .map((f) => f.geometry as Areal);

  if (layers.scopeIsSubparkUnion) {
    const scopeM2 = scope.all.reduce((a, z) => a + z.areaM2, 0);
    const partsM2 = subparks.all.reduce((a, z) => a + z.areaM2, 0);
    if (Math.abs(scopeM2 / partsM2 - 1) > 1e-4) {
      throw new Error(
        `scopeIsSubparkUnion: scope measures ${scopeM2 / 1e6} km², the sub-parks ${partsM2 / 1e6} km²`,
      );
    }
  }

  let national: ZoneSet<NamedZone>;
  let nationalNote: string;
  let nationalKm2: ReportContext['nationalKm2'];
  if (layers.national) {
    national = named(layers.national);
    nationalNote = 'National zones from the file given.';
    nationalKm2 = (b) => sumM2(national, b) / 1e6;
  } else {
    nationalNote = DEFAULT_NATIONAL_NOTE;
    const u = unionGeometry([...scope.all.map((z) => z.geometry), ...coreGeoms]);
    national = new ZoneSet(
      u ? [{ id: 'national', geometry: u, props: { id: 'national', nameZh: '国家级园区（示意）' } }] : [],
    );
    if (layers.scopeIsSubparkUnion) {
      // National = scope ∪ core = (sub-parks, disjoint) + (core − scope).
      const coreOutside = differenceGeometry(
        unionGeometry(coreGeoms),
        unionGeometry(scope.all.map((z) => z.geometry)),
      );
      const extra = new ZoneSet(
        coreOutside ? [{ id: 'core-outside-scope', geometry: coreOutside, props: {} }] : [],
      );
      nationalKm2 = (b, subparkM2) => (subparkM2 + sumM2(extra, b)) / 1e6;
    } else nationalKm2 = (b) => sumM2(national, b) / 1e6;
  }
  const scopeKm2: ReportContext['scopeKm2'] = layers.scopeIsSubparkUnion
    ? (_b, subparkM2) => subparkM2 / 1e6
    : (b) => sumM2(scope, b) / 1e6;

  return {
    subparks,
    districts,
    scope,
    yizhuang: named(layers.yizhuang),
    national,
    nationalNote,
    scopeKm2,
    nationalKm2,
    warnings,
  };
}
