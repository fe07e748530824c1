import type { Position } from 'geojson';
import Flatbush from 'flatbush';
import { polygonsOf, type Areal } from '../overlay/zones';

/**
 * Snapping to other shapes' vertices and edges while drawing or editing.
 * Distances are judged in screen pixels through the caller's projection, so
 * "within 10 px" means the same at every zoom; vertices win over edges, so
 * a corner is easy to hit exactly.
 */

export interface SnapIndex {
  readonly index: Flatbush | null;
  /** Segment k runs from (ax[k], ay[k]) to (bx[k], by[k]); a vertex is a zero-length segment. */
  readonly ax: Float64Array;
  readonly ay: Float64Array;
  readonly bx: Float64Array;
  readonly by: Float64Array;
}

export function buildSnapIndex(shapes: readonly Areal[]): SnapIndex {
  const segs: number[] = [];
  for (const g of shapes)
    for (const rings of polygonsOf(g))
      for (const ring of rings)
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i]!;
          const b = ring[i + 1]!;
          segs.push(a[0]!, a[1]!, b[0]!, b[1]!);
        }
  const n = segs.length / 4;
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  if (n === 0) return { index: null, ax, ay, bx, by };
  const index = new Flatbush(n);
  for (let k = 0; k < n; k++) {
    ax[k] = segs[4 * k]!;
    ay[k] = segs[4 * k + 1]!;
    bx[k] = segs[4 * k + 2]!;
    by[k] = segs[4 * k + 3]!;
    index.add(
      Math.min(ax[k]!, bx[k]!),
      Math.min(ay[k]!, by[k]!),
      Math.max(ax[k]!, bx[k]!),
      Math.max(ay[k]!, by[k]!),
    );
  }
  index.finish();
  return { index, ax, ay, bx, by };
}

export type Project = (lon: number, lat: number) => { x: number; y: number };
export type Unproject = (x: number, y: number) => { lng: number; lat: number };

export interface SnapResult {
  readonly position: Position;
  readonly kind: 'vertex' | 'edge';
  readonly distancePx: number;
}

/** The nearest vertex within `tolPx` of screen point (x, y), else the nearest edge point; null if none. */
export function snapPoint(
  idx: SnapIndex,
  x: number,
  y: number,
  tolPx: number,
  project: Project,
  unproject: Unproject,
): SnapResult | null {
  if (!idx.index) return null;
  // Search box: the screen square around the pointer, in lon/lat.
  const c1 = unproject(x - tolPx, y - tolPx);
  const c2 = unproject(x + tolPx, y + tolPx);
  // Candidates go to the screen by the projection's linear map at the pointer, not one by one:
  // two projections per segment cost most of a pointer move with 10,000 blocks loaded. Near the
  // pointer, where anything snapped to lies, the map agrees with the projection to second order
  // (exact for an affine screen; within a hundredth of a pixel in Web Mercator, see the tests).
  const o = unproject(x, y);
  const d = Math.max(Math.abs(c2.lng - c1.lng), Math.abs(c2.lat - c1.lat)) / 2 || 1e-9;
  const p0 = project(o.lng, o.lat);
  const pe = project(o.lng + d, o.lat);
  const pn = project(o.lng, o.lat + d);
  const jxl = (pe.x - p0.x) / d;
  const jyl = (pe.y - p0.y) / d;
  const jxp = (pn.x - p0.x) / d;
  const jyp = (pn.y - p0.y) / d;
  // Hundreds of candidates per move at city zooms: the loop allocates nothing per candidate
  // (garbage made on every move turned into collection pauses inside later moves).
  const { ax, ay, bx, by } = idx;
  let vk = -1; // best vertex: segment k, end (0 = a, 1 = b)
  let vEnd = 0;
  let vd = Infinity;
  let ek = -1; // best edge point: segment k at parameter et
  let et = 0;
  let ed = Infinity;
  idx.index.search(
    Math.min(c1.lng, c2.lng),
    Math.min(c1.lat, c2.lat),
    Math.max(c1.lng, c2.lng),
    Math.max(c1.lat, c2.lat),
    (k) => {
      const dax = ax[k]! - o.lng;
      const day = ay[k]! - o.lat;
      const dbx = bx[k]! - o.lng;
      const dby = by[k]! - o.lat;
      const sax = p0.x + jxl * dax + jxp * day;
      const say = p0.y + jyl * dax + jyp * day;
      const sbx = p0.x + jxl * dbx + jxp * dby;
      const sby = p0.y + jyl * dbx + jyp * dby;
      const da = Math.hypot(sax - x, say - y);
      if (da <= tolPx && da < vd) {
        vk = k;
        vEnd = 0;
        vd = da;
      }
      const db = Math.hypot(sbx - x, sby - y);
      if (db <= tolPx && db < vd) {
        vk = k;
        vEnd = 1;
        vd = db;
      }
      // Nearest point on the edge (straight on the linear map, so interpolated in lon/lat).
      const dx = sbx - sax;
      const dy = sby - say;
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) return false;
      const t = Math.max(0, Math.min(1, ((x - sax) * dx + (y - say) * dy) / len2));
      const de = Math.hypot(sax + t * dx - x, say + t * dy - y);
      if (de <= tolPx && de < ed) {
        ek = k;
        et = t;
        ed = de;
      }
      return false; // nothing to collect: the best candidates are kept above
    },
  );
  if (vk >= 0)
    return {
      position: vEnd === 0 ? [ax[vk]!, ay[vk]!] : [bx[vk]!, by[vk]!],
      kind: 'vertex',
      distancePx: vd,
    };
  if (ek >= 0)
    return {
      position: [ax[ek]! + et * (bx[ek]! - ax[ek]!), ay[ek]! + et * (by[ek]! - ay[ek]!)],
      kind: 'edge',
      distancePx: ed,
    };
  return null;
}
