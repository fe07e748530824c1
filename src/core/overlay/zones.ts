import type { MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { clipPolygon } from 'lineclip';
import * as polyclip from 'polyclip-ts';
import { polygonAreaM2 } from '../geo/area';

/**
 * A set of polygonal zones (sub-parks, districts, …) that can tell, fast,
 * how much of a block lies in each zone.
 *
 * Most blocks lie wholly inside or outside a zone. A block whose bbox meets
 * no zone edge is decided by one point-in-polygon test; only blocks that
 * straddle a zone edge are clipped, and then against the zone trimmed to the
 * block's bbox, so a 1,000-vertex district costs little more than a square.
 */

export type Areal = Polygon | MultiPolygon;
type BBox = [number, number, number, number];

export interface Zone<P> {
  readonly id: string;
  readonly geometry: Areal;
  readonly props: P;
  readonly areaM2: number;
}

interface Prepared<P> extends Zone<P> {
  readonly polygons: Position[][][];
  readonly bbox: BBox;
  /** Index of every edge of every ring; item i is edge `edges[i]`. */
  readonly edgeIndex: Flatbush | null;
}

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

const intersects = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

function buildEdgeIndex(polys: Position[][][]): Flatbush | null {
  let count = 0;
  for (const rings of polys) for (const r of rings) count += Math.max(0, r.length - 1);
  if (count === 0) return null;
  const index = new Flatbush(count);
  for (const rings of polys) {
    for (const r of rings) {
      for (let i = 0; i + 1 < r.length; i++) {
        const a = r[i]!;
        const b = r[i + 1]!;
        index.add(
          Math.min(a[0]!, b[0]!),
          Math.min(a[1]!, b[1]!),
          Math.max(a[0]!, b[0]!),
          Math.max(a[1]!, b[1]!),
        );
      }
    }
  }
  index.finish();
  return index;
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

function areaOfPolygons(polys: Position[][][]): number {
  return polys.reduce((a, p) => a + polygonAreaM2(p), 0);
}

/** The zone's rings trimmed to a bbox grown by `margin`, so trimming artefacts lie outside the block. */
function trimToBBox(polys: Position[][][], bbox: BBox, margin: number): Position[][][] {
  const box: BBox = [bbox[0] - margin, bbox[1] - margin, bbox[2] + margin, bbox[3] + margin];
  const out: Position[][][] = [];
  for (const rings of polys) {
    if (!intersects(bboxOf([rings]), box)) continue;
    const trimmed: Position[][] = [];
    for (const [k, r] of rings.entries()) {
      const c = clipPolygon(r as [number, number][], box) as Position[];
      if (c.length < 3) {
        if (k === 0) break; // outer ring misses the box: the holes do too
        continue;
      }
      const first = c[0]!;
      const last = c[c.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) c.push([first[0]!, first[1]!]);
      trimmed.push(c);
    }
    if (trimmed.length > 0) out.push(trimmed);
  }
  return out;
}

export interface BlockShape {
  readonly polygons: Position[][][];
  readonly bbox: BBox;
  readonly areaM2: number;
}

export function blockShape(g: Areal): BlockShape {
  const polygons = polygonsOf(g);
  return { polygons, bbox: bboxOf(polygons), areaM2: areaOfPolygons(polygons) };
}

export class ZoneSet<P> {
  private readonly zones: Prepared<P>[];
  private readonly zoneIndex: Flatbush | null;

  constructor(zones: readonly { id: string; geometry: Areal; props: P }[]) {
    this.zones = zones.map((z) => {
      const polygons = polygonsOf(z.geometry);
      return {
        ...z,
        polygons,
        bbox: bboxOf(polygons),
        areaM2: areaOfPolygons(polygons),
        edgeIndex: buildEdgeIndex(polygons),
      };
    });
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

  /** m² of the block inside each zone it meets (zones it does not meet are omitted). */
  overlaps(block: BlockShape): { zone: Zone<P>; m2: number }[] {
    if (!this.zoneIndex) return [];
    const out: { zone: Zone<P>; m2: number }[] = [];
    for (const i of this.zoneIndex.search(...block.bbox)) {
      const z = this.zones[i]!;
      const m2 = this.overlapWith(z, block);
      if (m2 > 0) out.push({ zone: z, m2 });
    }
    return out.sort((a, b) => b.m2 - a.m2);
  }

  private overlapWith(z: Prepared<P>, block: BlockShape): number {
    const crossing = z.edgeIndex ? z.edgeIndex.search(...block.bbox).length > 0 : false;
    if (!crossing) {
      // No zone edge near the block: the block is wholly inside or wholly outside,
      // unless the whole zone sits inside the block.
      const blockVertex = block.polygons[0]![0]![0]!;
      if (pointInPolygons(blockVertex, z.polygons)) return block.areaM2;
      const zoneVertex = z.polygons[0]![0]![0]!;
      if (pointInPolygons(zoneVertex, block.polygons)) return z.areaM2;
      return 0;
    }
    const span = Math.max(block.bbox[2] - block.bbox[0], block.bbox[3] - block.bbox[1]);
    const trimmed = trimToBBox(z.polygons, block.bbox, Math.max(1e-6, span * 0.01));
    if (trimmed.length === 0) return 0;
    const inter = polyclip.intersection(
      block.polygons as polyclip.Geom,
      trimmed as polyclip.Geom,
    ) as Position[][][];
    return areaOfPolygons(inter);
  }
}
