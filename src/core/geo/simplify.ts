import type { MultiPolygon, Polygon, Position } from 'geojson';
import { packedRings } from './packed';

/**
 * A polygon's outline thinned for display (Douglas–Peucker per ring): no
 * position moves the outline by more than `tolerance` degrees. For the map
 * only; every measurement uses the geometry itself. Steps (a generator that
 * yields every few tens of thousands of positions looked at) so a million
 * vertices never hold the page in one task; drive it with runInSlices.
 * A ring keeps at least its first, last and two more positions.
 */
export function* simplifyArealSteps(
  g: Polygon | MultiPolygon,
  tolerance: number,
): Generator<void, Polygon | MultiPolygon> {
  // A packed geometry is read from its pack: its million positions are never built as arrays.
  const packed = packedRings(g);
  const polys: RingSource[][] = packed
    ? packed.polygons.map((rings) =>
        rings.map(([start, end]) => ({
          n: end - start,
          x: (k: number) => packed.xy[2 * (start + k)]!,
          y: (k: number) => packed.xy[2 * (start + k) + 1]!,
        })),
      )
    : (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((rings) =>
        rings.map((ring) => ({
          n: ring.length,
          x: (k: number) => ring[k]![0]!,
          y: (k: number) => ring[k]![1]!,
        })),
      );
  const out: Position[][][] = [];
  for (const rings of polys) {
    const kept: Position[][] = [];
    for (const ring of rings) kept.push(yield* simplifyRingSteps(ring, tolerance));
    out.push(kept);
  }
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: out[0]! }
    : { type: 'MultiPolygon', coordinates: out };
}

interface RingSource {
  readonly n: number;
  readonly x: (k: number) => number;
  readonly y: (k: number) => number;
}

/** Positions looked at between yields. */
const STEP = 50_000;

function* simplifyRingSteps(ring: RingSource, tolerance: number): Generator<void, Position[]> {
  const { n, x, y } = ring;
  const all = () => Array.from({ length: n }, (_, k): Position => [x(k), y(k)]);
  if (n <= 5) return all();
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  // A closed ring's ends are the same point: split it at the position farthest from them first.
  const far = farthestFrom(ring);
  keep[far] = 1;
  const stack: number[] = [0, far, far, n - 1];
  const tol2 = tolerance * tolerance;
  let looked = 0;
  while (stack.length) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let max = 0;
    let at = -1;
    const [ax, ay, bx, by] = [x(first), y(first), x(last), y(last)];
    for (let k = first + 1; k < last; k++) {
      const d = segmentDistance2(x(k), y(k), ax, ay, bx, by);
      if (d > max) {
        max = d;
        at = k;
      }
    }
    looked += last - first;
    if (at >= 0 && max > tol2) {
      keep[at] = 1;
      stack.push(first, at, at, last);
    }
    if (looked >= STEP) {
      looked = 0;
      yield;
    }
  }
  const out: Position[] = [];
  for (let k = 0; k < n; k++) if (keep[k]) out.push([x(k), y(k)]);
  // Never thinner than a triangle (a ring of four positions).
  return out.length >= 4 ? out : all();
}

function farthestFrom({ n, x, y }: RingSource): number {
  const [x0, y0] = [x(0), y(0)];
  let max = -1;
  let at = Math.floor(n / 2);
  for (let k = 1; k < n - 1; k++) {
    const dx = x(k) - x0;
    const dy = y(k) - y0;
    const d = dx * dx + dy * dy;
    if (d > max) {
      max = d;
      at = k;
    }
  }
  return at;
}

/** Squared distance from (px, py) to the segment a–b, in degrees² (the map draws lon/lat). */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}
