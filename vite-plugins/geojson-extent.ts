import type { GeoJSON } from 'geojson';
import { packedExtent } from '../src/core/geo/packed';

/**
 * The extent [west, south, east, north] of every position in GeoJSON data, or
 * null if it has none: what MapLibre's `getGeoJSONBounds` computes, without
 * its garbage.
 *
 * Why: MapLibre computes the bounds of every feature an `updateData` adds or
 * changes, to know which tiles to reload. Its version flattens the
 * coordinates into a new list and makes a LngLat for every position: ≈ 45 MB
 * on the page over an import of 100,000 blocks (sampling heap profiler), in
 * the stretch where the collector's pauses were the longest tasks. This one
 * walks the arrays and allocates nothing, and reads a packed geometry (an
 * import's, src/core/geo/packed.ts) from its pack rather than build its
 * coordinates. MapLibre is built with it in place of
 * `src/util/geojson_bounds.ts` (see maplibre-from-source.ts).
 */
export function geoJsonExtent(data: GeoJSON | null | undefined): [number, number, number, number] | null {
  const e: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  return extendBy(e, data) ? e : null;
}

/** Extends `e` by the positions of `g`; whether it had any. */
function extendBy(e: [number, number, number, number], g: GeoJSON | null | undefined): boolean {
  if (!g) return false;
  switch (g.type) {
    case 'FeatureCollection': {
      let any = false;
      for (const f of g.features) any = extendBy(e, f.geometry) || any;
      return any;
    }
    case 'Feature':
      return extendBy(e, g.geometry);
    case 'GeometryCollection': {
      let any = false;
      for (const x of g.geometries) any = extendBy(e, x) || any;
      return any;
    }
    default: {
      const packed = packedExtent(g);
      if (packed === undefined) return walk(e, g.coordinates);
      if (!packed) return false;
      extendByPosition(e, packed[0], packed[1]);
      extendByPosition(e, packed[2], packed[3]);
      return true;
    }
  }
}

/** Extends `e` by every position in nested coordinate arrays; whether there was one. */
function walk(e: [number, number, number, number], c: unknown): boolean {
  if (!Array.isArray(c) || c.length === 0) return false;
  // As MapLibre reads a position: its first two numbers.
  if (typeof c[0] === 'number') {
    extendByPosition(e, c[0], c[1] as number);
    return true;
  }
  let any = false;
  for (let k = 0; k < c.length; k++) any = walk(e, c[k]) || any;
  return any;
}

function extendByPosition(e: [number, number, number, number], x: number, y: number) {
  // NaN is kept (Math.min and Math.max pass it on), so a bad position fails as in MapLibre.
  e[0] = Math.min(e[0], x);
  e[1] = Math.min(e[1], y);
  e[2] = Math.max(e[2], x);
  e[3] = Math.max(e[3], y);
}
