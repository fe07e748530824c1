import type { Position } from 'geojson';
import type Flatbush from 'flatbush';
import { edgeExcess, halfTanAuthalic, wrapDeg } from '../geo/area';

/**
 * Area of A ∩ B without building the intersection polygon.
 *
 * By Green's theorem the boundary of A ∩ B is made of the pieces of ∂A that
 * lie inside B and the pieces of ∂B that lie inside A; the ellipsoidal area is
 * a sum of one excess term per boundary edge (see area.ts), so it is the sum
 * over those pieces. Inside/outside can only change where the boundaries
 * meet, so B is consulted once per run of A's edges between meeting points.
 * Pieces the two boundaries share (collinear edges, as snapping makes them)
 * count once, when both run the same way, and not at all when they run
 * opposite ways (A and B then touch from outside).
 *
 * Rings follow RFC 7946 winding (exterior counter-clockwise, holes
 * clockwise); the signed sum is then −area (see edgeExcess). Intersections
 * are computed in lon/lat, where a block's edges are straight to well under
 * a millimetre.
 */

const DEG = Math.PI / 180;

export interface Rings {
  readonly rings: readonly (readonly Position[])[];
  readonly bbox: readonly [number, number, number, number];
}

export interface IndexedRings extends Rings {
  /** Edge index over `edges`, in the same order. */
  readonly edgeIndex: Flatbush;
  readonly edges: readonly { readonly ring: number; readonly i: number }[];
}

/** A block's boundary in flat arrays, computed once and reused for every zone set. */
export interface FlatRings {
  /** Vertex coordinates; ring r spans vertices start[r] … start[r + 1] − 1 (closed: last = first). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** tan(β/2) per vertex. */
  readonly t: Float64Array;
  readonly start: Int32Array;
  /** Excess of edge v → v + 1 (undefined across ring ends). */
  readonly excess: Float64Array;
}

export function flatten(rings: readonly (readonly Position[])[]): FlatRings {
  let n = 0;
  for (const r of rings) n += r.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const t = new Float64Array(n);
  const excess = new Float64Array(n);
  const start = new Int32Array(rings.length + 1);
  let v = 0;
  for (let ri = 0; ri < rings.length; ri++) {
    const r = rings[ri]!;
    start[ri] = v;
    for (let i = 0; i < r.length; i++) {
      const p = r[i]!;
      x[v] = p[0]!;
      y[v] = p[1]!;
      t[v] = halfTanAuthalic(p[1]!);
      if (i > 0) excess[v - 1] = edgeExcess(wrapDeg(x[v]! - x[v - 1]!) * DEG, t[v - 1]!, t[v]!);
      v++;
    }
  }
  start[rings.length] = v;
  return { x, y, t, start, excess };
}

/** Area (m²) of flattened rings with RFC 7946 winding: −Σ excess × R². */
export function flatAreaM2(a: FlatRings, radius2: number): number {
  let sum = 0;
  for (let ri = 0; ri + 1 < a.start.length; ri++) {
    for (let k = a.start[ri]!; k + 1 < a.start[ri + 1]!; k++) sum += a.excess[k]!;
  }
  return Math.max(0, -sum * radius2);
}

interface Split {
  readonly t: number;
  readonly x: number;
  readonly y: number;
}

interface Overlap {
  readonly t0: number;
  readonly t1: number;
  readonly sameDirection: boolean;
}

const EPS = 1e-12;

interface Hit {
  t0: number;
  u0: number;
  t1: number;
  u1: number;
  count: 0 | 1 | 2;
  collinear: boolean;
  same: boolean;
}
const hit: Hit = { t0: 0, u0: 0, t1: 0, u1: 0, count: 0, collinear: false, same: false };

/** Meeting of segments AB and CD, written into `hit` (count 0 when they miss). */
function segmentHits(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): void {
  hit.count = 0;
  hit.collinear = false;
  const rx = bx - ax;
  const ry = by - ay;
  const sx = dx - cx;
  const sy = dy - cy;
  const denom = rx * sy - ry * sx;
  const qpx = cx - ax;
  const qpy = cy - ay;
  const scale = Math.max(Math.abs(rx), Math.abs(ry), Math.abs(sx), Math.abs(sy)) || 1;
  if (Math.abs(denom) <= EPS * scale * scale) {
    if (Math.abs(qpx * ry - qpy * rx) > EPS * scale * scale) return;
    const rr = rx * rx + ry * ry;
    const ss = sx * sx + sy * sy;
    if (rr === 0 || ss === 0) return;
    const tc = (qpx * rx + qpy * ry) / rr;
    const td = ((dx - ax) * rx + (dy - ay) * ry) / rr;
    const lo = Math.max(0, Math.min(tc, td));
    const hi = Math.min(1, Math.max(tc, td));
    if (hi - lo <= 1e-12) return;
    hit.t0 = lo;
    hit.t1 = hi;
    hit.u0 = ((ax + lo * rx - cx) * sx + (ay + lo * ry - cy) * sy) / ss;
    hit.u1 = ((ax + hi * rx - cx) * sx + (ay + hi * ry - cy) * sy) / ss;
    hit.count = 2;
    hit.collinear = true;
    hit.same = rx * sx + ry * sy > 0;
    return;
  }
  const t = (qpx * sy - qpy * sx) / denom;
  const u = (qpx * ry - qpy * rx) / denom;
  if (t < -1e-12 || t > 1 + 1e-12 || u < -1e-12 || u > 1 + 1e-12) return;
  hit.t0 = Math.min(1, Math.max(0, t));
  hit.u0 = Math.min(1, Math.max(0, u));
  hit.count = 1;
}

/** Even-odd point in flat rings, by ray casting over all edges. */
function insideFlat(px: number, py: number, a: FlatRings): boolean {
  let inside = false;
  const { x, y, start } = a;
  for (let ri = 0; ri + 1 < start.length; ri++) {
    for (let k = start[ri]!; k + 1 < start[ri + 1]!; k++) {
      const yi = y[k]!;
      const yj = y[k + 1]!;
      if (yi > py !== yj > py && px < ((x[k + 1]! - x[k]!) * (py - yi)) / (yj - yi) + x[k]!) inside = !inside;
    }
  }
  return inside;
}

/**
 * Even-odd point in indexed rings. The ray runs to the nearest side of the
 * rings' bbox, and only edges whose bbox meets it are tested.
 */
export function insideIndexed(x: number, y: number, z: IndexedRings): boolean {
  if (x < z.bbox[0] || x > z.bbox[2] || y < z.bbox[1] || y > z.bbox[3]) return false;
  let inside = false;
  const dx = Math.min(x - z.bbox[0], z.bbox[2] - x);
  const dy = Math.min(y - z.bbox[1], z.bbox[3] - y);
  if (dx <= dy) {
    const east = z.bbox[2] - x <= x - z.bbox[0];
    const hits = east ? z.edgeIndex.search(x, y, z.bbox[2], y) : z.edgeIndex.search(z.bbox[0], y, x, y);
    for (const k of hits) {
      const e = z.edges[k]!;
      const r = z.rings[e.ring]!;
      const a = r[e.i]!;
      const b = r[e.i + 1]!;
      const ya = a[1]!;
      const yb = b[1]!;
      if (ya > y !== yb > y) {
        const xc = ((b[0]! - a[0]!) * (y - ya)) / (yb - ya) + a[0]!;
        if (east ? x < xc : x > xc) inside = !inside;
      }
    }
  } else {
    const north = z.bbox[3] - y <= y - z.bbox[1];
    const hits = north ? z.edgeIndex.search(x, y, x, z.bbox[3]) : z.edgeIndex.search(x, z.bbox[1], x, y);
    for (const k of hits) {
      const e = z.edges[k]!;
      const r = z.rings[e.ring]!;
      const a = r[e.i]!;
      const b = r[e.i + 1]!;
      const xa = a[0]!;
      const xb = b[0]!;
      if (xa > x !== xb > x) {
        const yc = ((b[1]! - a[1]!) * (x - xa)) / (xb - xa) + a[1]!;
        if (north ? y < yc : y > yc) inside = !inside;
      }
    }
  }
  return inside;
}

/** Excess of a straight piece from longitude x1 (tan β/2 = t1) to x2 (t2). */
function pieceExcess(x1: number, t1: number, x2: number, t2: number): number {
  return edgeExcess(wrapDeg(x2 - x1) * DEG, t1, t2);
}

const bySplitT = (p: Split, q: Split) => p.t - q.t;
const onShared = (list: Overlap[] | undefined, t: number) => {
  if (!list) return undefined;
  for (const o of list) if (t > o.t0 && t < o.t1) return o;
  return undefined;
};

/**
 * Area (m², via `radius2`) of A ∩ B, where A is a block (flattened) and B an
 * indexed zone. Returns null when A's boundary meets no edge of B (the
 * caller's fast path decides containment then).
 */
export function intersectionAreaM2(
  a: FlatRings,
  aBBox: readonly [number, number, number, number],
  b: IndexedRings,
  radius2: number,
): number | null {
  const candidates = b.edgeIndex.search(aBBox[0], aBBox[1], aBBox[2], aBBox[3]);
  if (candidates.length === 0) return null;

  const { x, y, start } = a;
  const nv = x.length;
  let aSplits: (Split[] | undefined)[] | null = null;
  let aOverlaps: (Overlap[] | undefined)[] | null = null;
  const bSplits = new Map<number, Split[]>();
  const bOverlaps = new Map<number, Overlap[]>();

  // Candidate edges' coordinates, read once.
  const nc = candidates.length;
  const cx = new Float64Array(nc);
  const cy = new Float64Array(nc);
  const dx = new Float64Array(nc);
  const dy = new Float64Array(nc);
  for (let j = 0; j < nc; j++) {
    const e = b.edges[candidates[j]!]!;
    const r = b.rings[e.ring]!;
    cx[j] = r[e.i]![0]!;
    cy[j] = r[e.i]![1]!;
    dx[j] = r[e.i + 1]![0]!;
    dy[j] = r[e.i + 1]![1]!;
  }

  for (let ri = 0; ri + 1 < start.length; ri++) {
    for (let k = start[ri]!; k + 1 < start[ri + 1]!; k++) {
      const px = x[k]!;
      const py = y[k]!;
      const qx = x[k + 1]!;
      const qy = y[k + 1]!;
      const minX = px < qx ? px : qx;
      const maxX = px < qx ? qx : px;
      const minY = py < qy ? py : qy;
      const maxY = py < qy ? qy : py;
      for (let j = 0; j < nc; j++) {
        if ((cx[j]! > dx[j]! ? cx[j]! : dx[j]!) < minX || (cx[j]! < dx[j]! ? cx[j]! : dx[j]!) > maxX)
          continue;
        if ((cy[j]! > dy[j]! ? cy[j]! : dy[j]!) < minY || (cy[j]! < dy[j]! ? cy[j]! : dy[j]!) > maxY)
          continue;
        segmentHits(px, py, qx, qy, cx[j]!, cy[j]!, dx[j]!, dy[j]!);
        if (hit.count === 0) continue;
        aSplits ??= new Array<Split[] | undefined>(nv);
        const la = (aSplits[k] ??= []);
        const ke = candidates[j]!;
        let lb = bSplits.get(ke);
        if (!lb) bSplits.set(ke, (lb = []));
        const ts = hit.count === 2 ? [hit.t0, hit.t1] : [hit.t0];
        const us = hit.count === 2 ? [hit.u0, hit.u1] : [hit.u0];
        for (const t of ts) la.push({ t, x: px + t * (qx - px), y: py + t * (qy - py) });
        for (const u of us)
          lb.push({ t: u, x: cx[j]! + u * (dx[j]! - cx[j]!), y: cy[j]! + u * (dy[j]! - cy[j]!) });
        if (hit.collinear) {
          aOverlaps ??= new Array<Overlap[] | undefined>(nv);
          (aOverlaps[k] ??= []).push({ t0: hit.t0, t1: hit.t1, sameDirection: hit.same });
          let lo = bOverlaps.get(ke);
          if (!lo) bOverlaps.set(ke, (lo = []));
          lo.push({ t0: Math.min(hit.u0, hit.u1), t1: Math.max(hit.u0, hit.u1), sameDirection: hit.same });
        }
      }
    }
  }
  if (!aSplits) return null;

  // Pieces of ∂A inside B (or shared with ∂B, running the same way).
  let sum = 0;
  for (let ri = 0; ri + 1 < start.length; ri++) {
    let status: boolean | null = null;
    for (let k = start[ri]!; k + 1 < start[ri + 1]!; k++) {
      const splits = aSplits[k];
      if (!splits) {
        if (status === null) status = insideIndexed((x[k]! + x[k + 1]!) / 2, (y[k]! + y[k + 1]!) / 2, b);
        if (status) sum += a.excess[k]!;
        continue;
      }
      splits.sort(bySplitT);
      const overlaps = aOverlaps?.[k];
      let prevT = 0;
      let prevX = x[k]!;
      let prevY = y[k]!;
      let prevTan = a.t[k]!;
      status = null;
      for (let s = 0; s <= splits.length; s++) {
        const sp = s < splits.length ? splits[s]! : { t: 1, x: x[k + 1]!, y: y[k + 1]! };
        const tan = s < splits.length ? halfTanAuthalic(sp.y) : a.t[k + 1]!;
        if (sp.t - prevT > 1e-15) {
          const shared = onShared(overlaps, (prevT + sp.t) / 2);
          if (shared) {
            if (shared.sameDirection) sum += pieceExcess(prevX, prevTan, sp.x, tan);
            status = null;
          } else {
            if (status === null) status = insideIndexed((prevX + sp.x) / 2, (prevY + sp.y) / 2, b);
            if (status) sum += pieceExcess(prevX, prevTan, sp.x, tan);
          }
        }
        if (s < splits.length) status = null; // passed a meeting point
        prevT = sp.t;
        prevX = sp.x;
        prevY = sp.y;
        prevTan = tan;
      }
      // A meeting point at the edge's end changes status from the next edge on.
      if (splits[splits.length - 1]!.t >= 1 - 1e-12) status = null;
    }
  }

  // Pieces of ∂B inside A (shared pieces were counted from A's side). Only
  // candidate edges can reach into A.
  for (let j = 0; j < nc; j++) {
    const ke = candidates[j]!;
    const splits = bSplits.get(ke);
    if (!splits) {
      if (insideFlat((cx[j]! + dx[j]!) / 2, (cy[j]! + dy[j]!) / 2, a)) {
        sum += pieceExcess(cx[j]!, halfTanAuthalic(cy[j]!), dx[j]!, halfTanAuthalic(dy[j]!));
      }
      continue;
    }
    splits.sort(bySplitT);
    const overlaps = bOverlaps.get(ke);
    let prev: Split = { t: 0, x: cx[j]!, y: cy[j]! };
    for (let s = 0; s <= splits.length; s++) {
      const sp = s < splits.length ? splits[s]! : { t: 1, x: dx[j]!, y: dy[j]! };
      if (sp.t - prev.t > 1e-15 && !onShared(overlaps, (prev.t + sp.t) / 2)) {
        if (insideFlat((prev.x + sp.x) / 2, (prev.y + sp.y) / 2, a)) {
          sum += pieceExcess(prev.x, halfTanAuthalic(prev.y), sp.x, halfTanAuthalic(sp.y));
        }
      }
      prev = sp;
    }
  }
  // Counter-clockwise boundaries sum to −area with the equator-trapezoid excess.
  return Math.max(0, -sum * radius2);
}
