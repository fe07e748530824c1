import type { MultiPolygon, Polygon, Position } from 'geojson';
import { crossingPoints } from '../geo/self-intersections';
import * as polyclip from 'polyclip-ts';
import { isClosed, rewind, signedRingArea } from '../geo/rings';
import { repairAreal } from '../geo/repair';
import { bboxOf, blockShape, polygonsOf, ZoneSet, type Areal } from '../overlay/zones';
import type { BlockWarning } from '../report/evaluate-blocks';
import type { BlockProblem, BlockProblemCode, Repair } from './block-problems';
export { SAFE_REPAIRS, type BlockProblem, type BlockProblemCode, type Repair } from './block-problems';

/**
 * Checks over a scenario's blocks once they are in the document: what an
 * import lets through because a planner can mend it (self-crossings, repeated
 * vertices, winding, slivers, overlaps between blocks, blocks outside every
 * sub-park). Each problem names its block, has a place to zoom to and, when
 * a mend is safe to offer, the repair that mends it. Nothing is repaired
 * here; `applyRepair` computes the mended geometry for the planner to accept.
 */

export interface CheckedBlock {
  readonly id: string;
  readonly geometry: Areal;
}

/** A part or hole whose mean width (2·area / perimeter) is under this is a sliver. */
export const SLIVER_WIDTH_M = 0.5;
/** …or whose area is under this. */
export const SLIVER_AREA_M2 = 1;
/** Overlaps between blocks smaller than this are digitising noise, not a problem. */
export const OVERLAP_TOLERANCE_M2 = 1;

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQ = 111_320;

/** Area (m²) and perimeter (m) of a ring in a local equirectangular frame: enough to tell a sliver. */
function ringShapeM(ring: readonly Position[]): { area: number; perimeter: number } {
  const lat0 = ring[0]![1]!;
  const kx = M_PER_DEG_LON_EQ * Math.cos((lat0 * Math.PI) / 180);
  let perimeter = 0;
  for (let i = 1; i < ring.length; i++) {
    perimeter += Math.hypot(
      (ring[i]![0]! - ring[i - 1]![0]!) * kx,
      (ring[i]![1]! - ring[i - 1]![1]!) * M_PER_DEG_LAT,
    );
  }
  return { area: Math.abs(signedRingArea(ring)) * kx * M_PER_DEG_LAT, perimeter };
}

const pointBox = (p: Position): [number, number, number, number] => [p[0]!, p[1]!, p[0]!, p[1]!];

export interface CheckOptions {
  /** The analysis of each block (for the sub-park warnings), when known. */
  readonly warnings?: ReadonlyMap<string, readonly BlockWarning[]>;
  /** Display order: an overlap is reported on the later of two blocks. */
}

export function checkBlockSet(blocks: readonly CheckedBlock[], opts: CheckOptions = {}): BlockProblem[] {
  const out: BlockProblem[] = [];
  for (const b of blocks) checkOne(b, out);
  checkOverlaps(blocks, out);
  if (opts.warnings) {
    // A crossed block's measured overlaps are as unreliable as its area: those warnings wait for the mend.
    const crossed = new Set(out.filter((p) => p.code === 'self-intersection').map((p) => p.blockId));
    for (const b of blocks) {
      if (crossed.has(b.id)) continue;
      const w = opts.warnings.get(b.id) ?? [];
      for (const code of ['outside-subparks', 'partly-outside-subparks', 'split-across-subparks'] as const) {
        if (w.includes(code))
          out.push({
            code,
            severity: 'warning',
            blockId: b.id,
            bbox: bboxOf(polygonsOf(b.geometry)),
            repair: null,
            params: {},
          });
      }
    }
  }
  const order = new Map(blocks.map((b, i) => [b.id, i]));
  return out.sort((a, b) => order.get(a.blockId)! - order.get(b.blockId)!);
}

function checkOne(b: CheckedBlock, out: BlockProblem[]) {
  const polys = polygonsOf(b.geometry);
  const add = (
    code: BlockProblemCode,
    severity: 'error' | 'warning',
    bbox: BlockProblem['bbox'],
    repair: Repair | null,
    params: BlockProblem['params'] = {},
  ) => out.push({ code, severity, blockId: b.id, bbox, repair, params });

  let dup: Position | null = null;
  let dupCount = 0;
  let badWinding: Position | null = null;
  polys.forEach((rings) =>
    rings.forEach((ring, r) => {
      for (let k = 1; k < ring.length; k++)
        if (ring[k]![0] === ring[k - 1]![0] && ring[k]![1] === ring[k - 1]![1]) {
          dup ??= ring[k]!;
          dupCount++;
        }
      if (!badWinding && signedRingArea(ring) > 0 !== (r === 0)) badWinding = ring[0]!;
    }),
  );
  if (dup)
    add('duplicate-vertex', 'warning', pointBox(dup), { kind: 'remove-duplicates' }, { count: dupCount });

  const crossings = crossingPoints(b.geometry);
  if (crossings.length > 0) {
    const at = crossings[0]!;
    add('self-intersection', 'error', pointBox(at), { kind: 'make-valid' }, { count: crossings.length });
  } else if (badWinding) {
    // A crossed ring has no meaningful winding; mending the crossing rewinds it too.
    add('winding', 'warning', pointBox(badWinding), { kind: 'rewind' });
  }

  // A crossed ring's area is meaningless (its lobes cancel): slivers are judged after it is mended.
  if (crossings.length > 0) return;
  // Slivers: parts and holes thinner than SLIVER_WIDTH_M or smaller than SLIVER_AREA_M2.
  const parts = polys.length;
  polys.forEach((rings, p) =>
    rings.forEach((ring, r) => {
      if (ring.length < 4 || !isClosed(ring)) return;
      const { area, perimeter } = ringShapeM(ring);
      const width = perimeter > 0 ? (2 * area) / perimeter : 0;
      if (width >= SLIVER_WIDTH_M && area >= SLIVER_AREA_M2) return;
      const params = { areaM2: area, widthM: width };
      const box = bboxOf([[ring]]);
      if (r > 0) add('sliver-hole', 'warning', box, { kind: 'drop-ring', polygon: p, ring: r }, params);
      else if (parts > 1)
        add('sliver-part', 'warning', box, { kind: 'drop-ring', polygon: p, ring: 0 }, params);
      // A block that is nothing but a sliver has no safe mend: the planner deletes or redraws it.
      else add('sliver-block', 'warning', box, null, params);
    }),
  );
}

function checkOverlaps(blocks: readonly CheckedBlock[], out: BlockProblem[]) {
  if (blocks.length < 2) return;
  const set = new ZoneSet(blocks.map((b, i) => ({ id: b.id, geometry: b.geometry, props: i })));
  blocks.forEach((b, i) => {
    const shape = blockShape(b.geometry);
    for (const { zone, m2 } of set.overlaps(shape)) {
      // Each pair once, reported on the later block (the one a cut would change).
      if (zone.props >= i || m2 < OVERLAP_TOLERANCE_M2) continue;
      const inter = polyclip.intersection(
        polygonsOf(b.geometry) as polyclip.Geom,
        polygonsOf(zone.geometry) as polyclip.Geom,
      ) as Position[][][];
      out.push({
        code: 'overlap',
        severity: 'warning',
        blockId: b.id,
        bbox: inter.length ? bboxOf(inter) : shape.bbox,
        repair: { kind: 'cut-overlap', other: zone.id },
        params: { other: zone.id, areaM2: m2 },
      });
    }
  });
}

/**
 * The geometry `repair` makes of block `id`, or null when nothing with area
 * would remain (the caller then refuses the repair and says so).
 */
export function applyRepair(
  geometry: Areal,
  repair: Repair,
  others: ReadonlyMap<string, Areal> = new Map(),
): Areal | null {
  switch (repair.kind) {
    case 'make-valid':
      return repairAreal(geometry);
    case 'rewind':
      return rewind(geometry);
    case 'remove-duplicates': {
      const clean = (rings: Position[][]) => rings.map(dedupe);
      const g: Areal =
        geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: clean(geometry.coordinates) }
          : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(clean) };
      return tooShort(g) ? null : g;
    }
    case 'drop-ring': {
      const polys = polygonsOf(geometry)
        .map((rings, p) =>
          p !== repair.polygon ? rings : repair.ring === 0 ? null : rings.filter((_, r) => r !== repair.ring),
        )
        .filter((x): x is Position[][] => x !== null);
      return fromPolygons(polys);
    }
    case 'cut-overlap': {
      const other = others.get(repair.other);
      if (!other) return geometry;
      const d = polyclip.difference(
        polygonsOf(geometry) as polyclip.Geom,
        polygonsOf(other) as polyclip.Geom,
      ) as Position[][][];
      const g = fromPolygons(d);
      return g && rewind(g);
    }
  }
}

function dedupe(ring: Position[]): Position[] {
  const outRing: Position[] = [];
  for (const p of ring) {
    const last = outRing[outRing.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) outRing.push(p);
  }
  return outRing;
}

/** Rings of fewer than 4 positions after a repair: the repair would leave no valid polygon. */
const tooShort = (g: Areal) => polygonsOf(g).some((rings) => rings.some((r) => r.length < 4));

function fromPolygons(polys: Position[][][]): Polygon | MultiPolygon | null {
  if (polys.length === 0) return null;
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0]! }
    : { type: 'MultiPolygon', coordinates: polys };
}

/** One line of English for the command line (the app words it through i18n). */
export function describeBlockProblem(p: BlockProblem, nameOf: (id: string) => string = (id) => id): string {
  const m2 = (x: unknown) => `${Number(x).toFixed(1)} m²`;
  const at = `${p.bbox[0].toFixed(6)}, ${p.bbox[1].toFixed(6)}`;
  const text: Record<BlockProblemCode, string> = {
    'self-intersection': `boundary crosses itself (${p.params.count} point(s), first near ${at}); its area is unreliable until mended (make valid)`,
    'duplicate-vertex': `${p.params.count} repeated vertex(es), first near ${at} (remove duplicates)`,
    winding: `rings wind against RFC 7946 (rewind)`,
    'sliver-part': `a sliver part of ${m2(p.params.areaM2)}, ${Number(p.params.widthM).toFixed(2)} m wide on average (drop it)`,
    'sliver-hole': `a sliver hole of ${m2(p.params.areaM2)}, ${Number(p.params.widthM).toFixed(2)} m wide on average (drop it)`,
    'sliver-block': `the whole block is a sliver (${m2(p.params.areaM2)}); delete or redraw it`,
    overlap: `overlaps ${nameOf(String(p.params.other))} by ${m2(p.params.areaM2)} (cut the overlap out of this block)`,
    'outside-subparks': 'lies outside every sub-park',
    'partly-outside-subparks': 'lies partly outside every sub-park',
    'split-across-subparks': 'is split across sub-parks',
  };
  return `${nameOf(p.blockId)}: ${text[p.code]}`;
}

/**
 * Several repairs of one block, in an order where each keeps the next one's
 * meaning: duplicates first, then ring drops from the last index back (so the
 * earlier indices still point at the same rings), then make-valid, then rewind.
 * Null when nothing with area would remain.
 */
export function repairBlock(
  geometry: Areal,
  repairs: readonly Repair[],
  others: ReadonlyMap<string, Areal> = new Map(),
): Areal | null {
  const rank: Record<Repair['kind'], number> = {
    'remove-duplicates': 0,
    'drop-ring': 1,
    'cut-overlap': 2,
    'make-valid': 3,
    rewind: 4,
  };
  const sorted = [...repairs].sort((a, b) => {
    if (a.kind === 'drop-ring' && b.kind === 'drop-ring') return b.polygon - a.polygon || b.ring - a.ring;
    return rank[a.kind] - rank[b.kind];
  });
  let g: Areal | null = geometry;
  for (const r of sorted) {
    if (!g) return null;
    // make-valid rewinds as it rebuilds; a later rewind is then a no-op.
    g = applyRepair(g, r, others);
  }
  return g;
}
