import type { MultiPolygon, Polygon } from 'geojson';

/** For tests: a small square in Beijing, a square with a hole, and a multipolygon of both. */
export const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116.3, 39.9],
      [116.31, 39.9],
      [116.31, 39.91],
      [116.3, 39.91],
      [116.3, 39.9],
    ],
  ],
};
export const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116, 40],
      [116.1, 40],
      [116.1, 40.1],
      [116, 40.1],
      [116, 40],
    ],
    [
      [116.02, 40.02],
      [116.02, 40.05],
      [116.05, 40.05],
      [116.02, 40.02],
    ],
  ],
};
export const two: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [square.coordinates, withHole.coordinates],
};
