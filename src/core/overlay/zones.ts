import type { MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { authalicRadius2, polygonAreaM2 } from '../geo/area';
import { rewindPolygon } from '../geo/rings';
import {
  flatAreaM2,
  flatten,
  insideIndexed,
  intersectionAreaM2,
  type FlatRings,
  type IndexedRings,
} from './intersection-area';

/**
 * A set of polygonal zones (sub-parks, districts, …) that can tell, fast,
 * how much of a block lies in each zone.
 *
 * Most blocks lie wholly inside or outside a zone: a block whose bbox meets
 * no zone edge is decided by one point-in-polygon test. A block that
 * straddles a zone edge is measured by boundary integration against the
 * zone's edge index (intersection-area.ts), without building polygons.
 */

export type Areal = Polygon | MultiPolygon;

const RADIUS2 = authalicRadius2();
type BBox = [number, number, number, number];

export interface Zone<P> {
  readonly id: string;
  readonly geometry: Areal;
  readonly props: P;
  readonly areaM2: number;
}

interface Prepared<P> extends Zone<P>, IndexedRings {}

export function polygonsOf(g: Areal): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(polys: readonly (readonly (readonly Position[])[])[]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const rings of polys) {
    for (const p of rings[0] ?? []) {
      if (p[0]! < w) w = p[0]!;
      if (p[0]! > e) e = p[0]!;
      if (p[1]! < s) s = p[1]!;
      if (p[1]! > n) n = p[1]!;
    }
  }
  return [w, s, e, n];
}

/** Even-odd ray casting over all rings (holes included). */
export function pointInPolygons(pt: Position, polys: readonly (readonly (readonly Position[])[])[]): boolean {
  const x = pt[0]!;
  const y = pt[1]!;
  let inside = false;
  for (const rings of polys) {
    for (const r of rings) {
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const xi = r[i]![0]!;
        const yi = r[i]![1]!;
        const xj = r[j]![0]!;
        const yj = r[j]![1]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/** Closed rings with RFC 7946 winding, flattened over all polygons. */
function normalisedRings(polys: Position[][][]): Position[][] {
  return polys.flatMap((rings) =>
    rewindPolygon(
      rings.map((r) => {
        const a = r[0];
        const b = r[r.length - 1];
        return a && b && (a[0] !== b[0] || a[1] !== b[1]) ? [...r, a] : r;
      }),
    ),
  );
}

export interface BlockShape {
  readonly polygons: Position[][][];
  readonly rings: Position[][];
  readonly flat: FlatRings;
  readonly bbox: BBox;
  readonly areaM2: number;
}

export function blockShape(g: Areal): BlockShape {
  const polygons = polygonsOf(g);
  const rings = normalisedRings(polygons);
  const flat = flatten(rings);
  return { polygons, rings, flat, bbox: bboxOf(polygons), areaM2: flatAreaM2(flat, RADIUS2) };
}

function prepare<P>(z: { id: string; geometry: Areal; props: P }): Prepared<P> {
  const polygons = polygonsOf(z.geometry);
  const rings = normalisedRings(polygons);
  const edges: { ring: number; i: number }[] = [];
  rings.forEach((r, ring) => {
    for (let i = 0; i + 1 < r.length; i++) edges.push({ ring, i });
  });
  const edgeIndex = new Flatbush(Math.max(1, edges.length));
  for (const e of edges) {
    const a = rings[e.ring]![e.i]!;
    const b = rings[e.ring]![e.i + 1]!;
    edgeIndex.add(
      Math.min(a[0]!, b[0]!),
      Math.min(a[1]!, b[1]!),
      Math.max(a[0]!, b[0]!),
      Math.max(a[1]!, b[1]!),
    );
  }
  if (edges.length === 0) edgeIndex.add(0, 0, 0, 0);
  edgeIndex.finish();
  return {
    ...z,
    rings,
    edges,
    edgeIndex,
    bbox: bboxOf(polygons),
    areaM2: polygons.reduce((a, p) => a + polygonAreaM2(p), 0),
  };
}

export class ZoneSet<P> {
  private readonly zones: Prepared<P>[];
  private readonly zoneIndex: Flatbush | null;
  private readonly radius2 = RADIUS2;

  constructor(zones: readonly { id: string; geometry: Areal; props: P }[]) {
    this.zones = zones.map(prepare);
    if (this.zones.length > 0) {
      this.zoneIndex = new Flatbush(this.zones.length);
      for (const z of this.zones) this.zoneIndex.add(...z.bbox);
      this.zoneIndex.finish();
    } else this.zoneIndex = null;
  }

  get all(): readonly Zone<P>[] {
    return this.zones;
  }

  get(id: string): Zone<P> | undefined {
    return this.zones.find((z) => z.id === id);
  }

  /** m² of the block inside each zone it meets, largest first (zones it does not meet are omitted). */
  overlaps(block: BlockShape): { zone: Zone<P>; m2: number }[] {
    if (!this.zoneIndex) return [];
    const out: { zone: Zone<P>; m2: number }[] = [];
    for (const i of this.zoneIndex.search(...block.bbox)) {
      const z = this.zones[i]!;
      const m2 = this.overlapWith(z, block);
      if (m2 > 0) out.push({ zone: z, m2: Math.min(m2, block.areaM2, z.areaM2) });
    }
    return out.sort((a, b) => b.m2 - a.m2);
  }

  private overlapWith(z: Prepared<P>, block: BlockShape): number {
    const exact = intersectionAreaM2(block.flat, block.bbox, z, this.radius2);
    if (exact !== null) return exact;
    // The boundaries do not meet: the block is wholly inside or wholly outside,
    // unless the whole zone sits inside the block.
    const blockVertex = block.rings[0]![0]!;
    if (insideIndexed(blockVertex[0]!, blockVertex[1]!, z)) return block.areaM2;
    const zoneVertex = z.rings[0]![0]!;
    if (pointInPolygons(zoneVertex, [block.rings])) return z.areaM2;
    return 0;
  }
}
