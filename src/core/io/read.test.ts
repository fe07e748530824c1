import { describe, expect, it } from 'vitest';
import { noteText } from './import-note';
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { readBlocks } from './read';
import { wgs84ToBd09, wgs84ToGcj02 } from '../crs/china-offsets';
import { geometryAreaKm2 } from '../geo/area';

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
const amap = readFileSync(new URL('../../../test/fixtures/import/amap-gcj02.geojson', import.meta.url));

describe('reading lon/lat files in GCJ-02 and BD-09', () => {
  it('puts a block traced on Amap where Wikipedia puts the same place in WGS84', () => {
    const r = readBlocks(amap, 'amap.geojson', { datum: 'gcj02' });
    const [lon, lat] = (r.blocks.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    // en.wikipedia (Gaode) 116.3414, 39.7269 → zh.wikipedia (WGS84) 116.33543, 39.7254; both rounded to 1e-4.
    expect(Math.abs(lon! - 116.33543)).toBeLessThan(3e-4);
    expect(Math.abs(lat! - 39.7254)).toBeLessThan(3e-4);
    expect(r.notes.map(noteText).join()).toMatch(/GCJ-02/);
  });

  it('read as WGS84 by mistake, the same block sits about 500 m east', () => {
    const r = readBlocks(amap, 'amap.geojson');
    const [lon] = (r.blocks.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    expect((lon! - 116.33543) * 85_400).toBeGreaterThan(400);
  });

  it.each([
    ['gcj02', wgs84ToGcj02],
    ['bd09', wgs84ToBd09],
  ] as const)('%s: exact inverse, so vertices and area survive the round trip', (datum, forward) => {
    const ring = [
      [116.5, 39.79],
      [116.516, 39.79],
      [116.516, 39.8025],
      [116.5, 39.8025],
      [116.5, 39.79],
    ] as [number, number][];
    const shifted = ring.map((p) => forward(p));
    const file = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [shifted] } }],
    };
    const g = readBlocks(enc(file), 'x.geojson', { datum }).blocks.features[0]!.geometry as Polygon;
    g.coordinates[0]!.forEach((p, i) => {
      expect(Math.abs(p[0]! - ring[i]![0])).toBeLessThan(1e-9);
      expect(Math.abs(p[1]! - ring[i]![1])).toBeLessThan(1e-9);
    });
    const original = geometryAreaKm2({ type: 'Polygon', coordinates: [ring] });
    expect(Math.abs(geometryAreaKm2(g) / original - 1)).toBeLessThan(1e-6);
  });

  it('still rejects NaN before converting, and names unknown formats', () => {
    const bad = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [116.4, 39.9],
                [116.5, 'x'],
                [116.5, 40],
                [116.4, 39.9],
              ],
            ],
          },
        },
      ],
    };
    expect(() => readBlocks(enc(bad), 'bad.geojson', { datum: 'gcj02' })).toThrow(/feature 1/);
    expect(() => readBlocks(new Uint8Array(3), 'blocks.dxf')).toThrow(/\.dxf files are not read yet/);
  });
});

describe('GeoJSON texts RFC 7946 allows besides a FeatureCollection', () => {
  const ring = [
    [116.3, 39.98],
    [116.31, 39.98],
    [116.31, 39.99],
    [116.3, 39.99],
    [116.3, 39.98],
  ];
  const read = (x: unknown) => readBlocks(new TextEncoder().encode(JSON.stringify(x)), 'x.geojson');
  it('reads a bare Polygon, a bare MultiPolygon and a single Feature as one block each', () => {
    for (const g of [
      { type: 'Polygon', coordinates: [ring] },
      { type: 'MultiPolygon', coordinates: [[ring]] },
      { type: 'Feature', properties: { name: '甲' }, geometry: { type: 'Polygon', coordinates: [ring] } },
    ]) {
      const r = read(g);
      expect(r.blocks.features).toHaveLength(1);
      expect(r.blocks.features[0]!.geometry.type).toBe(g.type === 'Feature' ? 'Polygon' : g.type);
    }
  });
  it('refuses a bare Point for being a point, not for not being a collection', () => {
    expect(() => read({ type: 'Point', coordinates: [116.3, 39.98] })).toThrow(
      expect.objectContaining({ code: 'not-polygon' }),
    );
  });
});
