import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Points where a polygon's boundary crosses or touches itself away from
 * neighbouring edges: what @turf/kinks finds, with the same intersection
 * rule, but through a spatial index instead of testing every pair of edges
 * (turf's loop took 6 s for a 30,000-vertex ring and would take hours for a
 * million). Each pair of edges is reported once.
 *
 * Pathological shapes (say, a star whose million spikes all overlap in their
 * boxes) could still need very many exact tests; past `maxTests` the search
 * stops and says so, so no file can hang the checks.
 */

export interface Kinks {
  readonly points: Position[];
  /** True when the search stopped at `maxTests` pairs: `points` is then incomplete. */
  readonly gaveUp: boolean;
}

export const DEFAULT_MAX_TESTS = 50_000_000;

/** Intersection of segments a–b and c–d by turf's rule (ends included, parallel never). */
function intersect(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): Position | null {
  const den = (dy - cy) * (bx - ax) - (dx - cx) * (by - ay);
  if (den === 0) return null;
  const p = ay - cy;
  const q = ax - cx;
  const ua = ((dx - cx) * p - (dy - cy) * q) / den;
  const ub = ((bx - ax) * p - (by - ay) * q) / den;
  if (ua < 0 || ua > 1 || ub < 0 || ub > 1) return null;
  return [ax + ua * (bx - ax), ay + ua * (by - ay)];
}

export function kinkPoints(geometry: Polygon | MultiPolygon, maxTests = DEFAULT_MAX_TESTS): Kinks {
  const rings: Position[][] =
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  // Segment s of ring r runs from rings[r][i] to rings[r][i + 1].
  const ringOf: number[] = [];
  const startOf: number[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      ringOf.push(r);
      startOf.push(i);
    }
  });
  const n = ringOf.length;
  const points: Position[] = [];
  if (n < 2) return { points, gaveUp: false };
  const index = new Flatbush(n);
  for (let s = 0; s < n; s++) {
    const a = rings[ringOf[s]!]![startOf[s]!]!;
    const b = rings[ringOf[s]!]![startOf[s]! + 1]!;
    index.add(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
  }
  index.finish();
  let tests = 0;
  let gaveUp = false;
  const closed = rings.map((ring) => ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]);
  for (let s = 0; s < n && !gaveUp; s++) {
    const r = ringOf[s]!;
    const i = startOf[s]!;
    const ring = rings[r]!;
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const last = ring.length - 2;
    // Candidates are tested in the search's filter, which keeps none: no array per segment.
    index.search(
      Math.min(a[0]!, b[0]!),
      Math.min(a[1]!, b[1]!),
      Math.max(a[0]!, b[0]!),
      Math.max(a[1]!, b[1]!),
      (t) => {
        if (t <= s || gaveUp) return false; // each pair once
        if (ringOf[t] === r) {
          const k = startOf[t]!;
          // Neighbours share a vertex by construction, as do the first and last edges of a closed ring.
          if (k - i === 1) return false;
          if (closed[r] && i === 0 && k === last) return false;
        }
        if (++tests > maxTests) {
          gaveUp = true;
          return false;
        }
        const c = rings[ringOf[t]!]![startOf[t]!]!;
        const d = rings[ringOf[t]!]![startOf[t]! + 1]!;
        const x = intersect(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!, d[0]!, d[1]!);
        if (x) points.push(x);
        return false;
      },
    );
  }
  return { points, gaveUp };
}

/**
 * Where a boundary really crosses itself: the kinks that are not vertices of the geometry
 * (rings and parts may touch at a vertex, as OGC simple features allow), each once. A geometry
 * with any has no meaningful area.
 */
export function crossingPoints(geometry: Polygon | MultiPolygon, maxTests = DEFAULT_MAX_TESTS): Position[] {
  // The checks and the report both ask of the same (immutable) geometry: worked out once.
  const known = crossings.get(geometry);
  if (known && known.maxTests === maxTests) return known.points;
  const kinks = kinkPoints(geometry, maxTests).points;
  const points = kinks.length === 0 ? [] : notAtVertices(geometry, kinks);
  crossings.set(geometry, { maxTests, points });
  return points;
}

const crossings = new WeakMap<object, { maxTests: number; points: Position[] }>();

function notAtVertices(geometry: Polygon | MultiPolygon, kinks: Position[]): Position[] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const vertices = new Set(rings.flatMap((r) => r.map((q) => `${q[0]},${q[1]}`)));
  const seen = new Set<string>();
  return kinks.filter((p) => {
    const key = `${p[0]},${p[1]}`;
    if (vertices.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
