import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import geodesic from 'geographiclib-geodesic';
import { blocksInZone } from './blocks-in-zone';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const oracleM2 = (g: Polygon) => {
  const p = geodesic.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of g.coordinates[0]!.slice(0, -1)) p.AddPoint(lat!, lon!);
  return Math.abs(p.Compute(false, true).area!);
};

describe('blocksInZone', () => {
  it('finds blocks inside, straddling and outside a zone, with their overlaps', () => {
    const zone = rect(116.3, 39.9, 116.4, 40.0);
    const r = blocksInZone(zone, [
      { id: 'inside', geometry: rect(116.31, 39.91, 116.32, 39.92) },
      { id: 'straddling', geometry: rect(116.39, 39.95, 116.41, 39.96) },
      { id: 'outside', geometry: rect(116.5, 39.95, 116.51, 39.96) },
    ]);
    // Largest overlap first: at 39.91° a 0.01° square is a little larger than at 39.95°.
    expect(r.map((x) => x.id)).toEqual(['inside', 'straddling']);
    expect(r.find((x) => x.id === 'inside')!.m2).toBeCloseTo(oracleM2(rect(116.31, 39.91, 116.32, 39.92)), 0);
    expect(r.find((x) => x.id === 'straddling')!.m2).toBeCloseTo(
      oracleM2(rect(116.39, 39.95, 116.4, 39.96)),
      0,
    );
  });
});
