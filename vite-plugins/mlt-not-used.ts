/**
 * Stands in for `@maplibre/mlt`, the decoder of MapLibre Tiles (MLT), in the
 * app build (see maplibre-from-source.ts). ParkPlan's sources are GeoJSON and
 * raster tiles; no style it builds has a vector source with `encoding: "mlt"`
 * (style.test.ts holds that), so the ≈ 64 KB decoder would be dead weight on
 * both threads. Should such a source ever appear, its tiles fail with this
 * message instead of rendering.
 */
export { GEOMETRY_TYPE } from '@maplibre/mlt/dist/vector/geometry/geometryType.js';

export function decodeTile(): never {
  throw new Error(
    'ParkPlan is built without the MapLibre Tiles (MLT) decoder: use Mapbox Vector Tiles (MVT).',
  );
}
