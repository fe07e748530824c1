import { describe, expect, it } from 'vitest';
import type { GeoJSON, MultiPolygon, Polygon } from 'geojson';
import { geoJsonExtent } from './geojson-extent';
import { lazyAreal, packAreals } from '../src/core/geo/packed';
import { square } from '../src/core/geo/test-geometries';

interface Bounds {
  isEmpty(): boolean;
  getWest(): number;
  getSouth(): number;
  getEast(): number;
  getNorth(): number;
}
// MapLibre's own function, from the sources its package ships (imported by path, so that the
// type check does not take in MapLibre's sources, which are written for other compiler options).
const { getGeoJSONBounds } = (await import(
  /* @vite-ignore */ new URL('../node_modules/maplibre-gl/src/util/geojson_bounds.ts', import.meta.url)
    .pathname
)) as { getGeoJSONBounds: (data: GeoJSON) => Bounds };

// RFC 7946 allows a feature without geometry (null); @types/geojson does not.
const noGeometry = null as unknown as Polygon;

const cases: [string, GeoJSON, [number, number, number, number] | null][] = [
  ['a point', { type: 'Point', coordinates: [116.4, 39.9] }, [116.4, 39.9, 116.4, 39.9]],
  ['a polygon', square, [116.3, 39.9, 116.31, 39.91]],
  [
    'a multipolygon with a hole, and a third coordinate',
    {
      type: 'MultiPolygon',
      coordinates: [
        square.coordinates,
        [
          [
            [-10, -20, 5],
            [10, -20, 5],
            [10, 20, 5],
            [-10, -20, 5],
          ],
          [
            [0, 0],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      ],
    },
    [-10, -20, 116.31, 39.91],
  ],
  [
    'a feature collection with a geometry collection and a feature without geometry',
    {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: noGeometry },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'GeometryCollection',
            geometries: [
              {
                type: 'LineString',
                coordinates: [
                  [120, 30],
                  [121, 31],
                ],
              },
              { type: 'Point', coordinates: [100, 45] },
            ],
          },
        },
      ],
    },
    [100, 30, 121, 45],
  ],
  ['an empty polygon', { type: 'Polygon', coordinates: [] }, null],
  ['a feature without geometry', { type: 'Feature', properties: {}, geometry: noGeometry }, null],
];

describe("geoJsonExtent (MapLibre's getGeoJSONBounds without its garbage)", () => {
  it.each(cases)('gives the extent of %s', (_, data, expected) => {
    expect(geoJsonExtent(data)).toEqual(expected);
  });

  it.each(cases)("agrees with MapLibre's own getGeoJSONBounds on %s", (_, data, expected) => {
    const b = getGeoJSONBounds(data);
    expect(b.isEmpty() ? null : [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]).toEqual(expected);
  });

  it('gives a packed geometry (read from its pack) the extent of its coordinates', () => {
    const far: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-10, -20],
          [10, -20],
          [10, 20],
          [-10, -20],
        ],
      ],
    };
    const two: MultiPolygon = { type: 'MultiPolygon', coordinates: [square.coordinates, far.coordinates] };
    const pack = packAreals([square, two])!;
    expect(geoJsonExtent(lazyAreal(pack, 0))).toEqual([116.3, 39.9, 116.31, 39.91]);
    expect(geoJsonExtent(lazyAreal(pack, 1))).toEqual([-10, -20, 116.31, 39.91]);
    const empty = packAreals([{ type: 'Polygon', coordinates: [] }])!;
    expect(geoJsonExtent({ type: 'Feature', properties: {}, geometry: lazyAreal(empty, 0) })).toBeNull();
  });

  it('passes on a position MapLibre refuses, so the built bounds refuse it too', () => {
    expect(geoJsonExtent({ type: 'Point', coordinates: [116, NaN] })?.[1]).toBeNaN();
    expect(geoJsonExtent({ type: 'Point', coordinates: [116, 95] })?.[3]).toBe(95);
    expect(() => getGeoJSONBounds({ type: 'Point', coordinates: [116, 95] })).toThrow();
  });
});
