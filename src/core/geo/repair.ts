import type { MultiPolygon, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { rewind } from './rings';

/**
 * Rebuilds a polygonal geometry as the union of itself: removes spikes
 * (A→B→A), self-crossings and overlaps between parts, and merges parts that
 * share edges. The area covered is unchanged except for zero-width spikes.
 * Returns RFC 7946 winding, a Polygon when one part remains; null if nothing
 * with area remains.
 */
export function repairAreal(g: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const input = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as polyclip.Geom;
  const out = polyclip.union(input) as Position[][][];
  if (out.length === 0) return null;
  const geom: Polygon | MultiPolygon =
    out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
  return rewind(geom);
}
