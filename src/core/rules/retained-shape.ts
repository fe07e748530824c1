import buffer from '@turf/buffer';
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryAreaM2 } from '../geo/area';
import { rewind } from '../geo/rings';
import type { Areal } from '../overlay/zones';

/**
 * A suggested retained shape for a block the rule cuts back: the block shrunk
 * evenly from its boundary (an inward buffer) until its ellipsoidal area is
 * the retained area. The planner may adopt it, edit it or draw another;
 * the rule fixes how much is kept, not where.
 *
 * The buffer distance is found by a bracketed root search on the measured
 * area (Illinois-modified regula falsi, which keeps bisection's guarantee and
 * usually converges in under ten buffers). Areas are measured with the same
 * ellipsoidal core as everything else, so the buffer's own projection does
 * not matter.
 */

export interface RetainedSuggestion {
  readonly geometry: Areal;
  readonly areaM2: number;
  /** How far in from the boundary the shape runs (m). */
  readonly insetM: number;
  readonly iterations: number;
}

/** Relative area tolerance: 1e-5 of the target (20 m² on a 2 km² target). */
export const RETAINED_TOLERANCE = 1e-5;
const MAX_ITERATIONS = 60;

function inset(g: Areal, metres: number): Areal | null {
  if (metres <= 0) return g;
  const out = buffer({ type: 'Feature', properties: {}, geometry: g }, -metres, {
    units: 'meters',
    steps: 8,
  });
  const geom = out?.geometry;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) return null;
  const empty = geom.type === 'Polygon' ? geom.coordinates.length === 0 : geom.coordinates.length === 0;
  return empty ? null : rewind(geom as Polygon | MultiPolygon);
}

const areaOf = (g: Areal | null) => (g ? geometryAreaM2(g) : 0);

/**
 * The block shrunk inward to `targetM2`, or null when the target is not
 * strictly between 0 and the block's area.
 */
export function suggestRetainedShape(g: Areal, targetM2: number): RetainedSuggestion | null {
  const full = areaOf(g);
  if (!(targetM2 > 0) || targetM2 >= full * (1 - RETAINED_TOLERANCE)) return null;
  // No shape of area A has an inscribed circle wider than a disk of area A.
  let lo = 0;
  let fLo = full - targetM2; // > 0
  let hi = Math.sqrt(full / Math.PI) * 1.01;
  let fHi = areaOf(inset(g, hi)) - targetM2; // < 0
  let best: { d: number; g: Areal; err: number } | null = null;
  let side = 0;
  for (let k = 1; k <= MAX_ITERATIONS; k++) {
    let d = (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!(d > lo && d < hi)) d = (lo + hi) / 2;
    const shape = inset(g, d);
    const f = areaOf(shape) - targetM2;
    if (shape && (!best || Math.abs(f) < best.err)) best = { d, g: shape, err: Math.abs(f) };
    if (shape && Math.abs(f) <= targetM2 * RETAINED_TOLERANCE)
      return { geometry: shape, areaM2: f + targetM2, insetM: d, iterations: k };
    if (f > 0) {
      lo = d;
      fLo = f;
      if (side === 1) fHi /= 2; // Illinois step: stop the far end from sticking
      side = 1;
    } else {
      hi = d;
      fHi = f;
      if (side === -1) fLo /= 2;
      side = -1;
    }
    if (hi - lo < 1e-4) break;
  }
  // The area jumps where a narrow waist closes: return the nearest shape found, with its true area.
  return best && { geometry: best.g, areaM2: areaOf(best.g), insetM: best.d, iterations: MAX_ITERATIONS };
}
