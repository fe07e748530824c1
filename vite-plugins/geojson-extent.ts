import type { GeoJSON } from 'geojson';

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
 * walks the arrays and allocates nothing. MapLibre is built with it in place
 * of `src/util/geojson_bounds.ts` (see maplibre-from-source.ts).
 */
export function geoJsonExtent(data: GeoJSON | null | undefined): [number, number, number, number] | null {
  const e = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
  let any = false;
  const position = (p: readonly number[]) => {
    // As MapLibre reads a position: its first two numbers.
    const [x, y] = p as [number, number];
    // NaN is kept (Math.min and Math.max pass it on), so a bad position fails as in MapLibre.
    e[0] = Math.min(e[0], x);
    e[1] = Math.min(e[1], y);
    e[2] = Math.max(e[2], x);
    e[3] = Math.max(e[3], y);
    any = true;
  };
  const walk = (c: unknown): void => {
    if (!Array.isArray(c) || c.length === 0) return;
    if (typeof c[0] === 'number') return position(c as number[]);
    for (const x of c) walk(x);
  };
  const geometry = (g: GeoJSON | null | undefined): void => {
    if (!g) return;
    switch (g.type) {
      case 'FeatureCollection':
        for (const f of g.features) geometry(f.geometry);
        return;
      case 'Feature':
        return geometry(g.geometry);
      case 'GeometryCollection':
        for (const x of g.geometries) geometry(x);
        return;
      default:
        return walk(g.coordinates);
    }
  };
  geometry(data);
  return any ? e : null;
}
