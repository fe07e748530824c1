import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { bboxDiagonalM, blockFigure, columnsOf, heightScale, parseExtrude } from './extrusion';
import type { BlockReport } from '../report/evaluate-blocks';

const square = (lon: number, lat: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

describe('3D column heights', () => {
  it('are proportional to the figure: twice the area, twice the height', () => {
    const { columns, scale } = columnsOf([
      { id: 'a', geometry: square(116.3, 39.9, 0.02), value: 2, color: '#000000' },
      { id: 'b', geometry: square(116.4, 39.9, 0.01), value: 1, color: '#000000' },
    ]);
    expect(scale.max).toBe(2);
    expect(columns[0]!.height).toBeCloseTo(scale.tallestM, 9);
    expect(columns[0]!.height! / columns[1]!.height!).toBeCloseTo(2, 12);
  });

  it('size the tallest column to 15 % of the extent, within 200 m and 12 km', () => {
    // 1° of latitude is 111.0 km on the WGS84 ellipsoid at Beijing; the haversine on the mean sphere gives 111.2 km.
    expect(bboxDiagonalM([116, 39.5, 116, 40.5]) / 1000).toBeCloseTo(111.2, 1);
    expect(heightScale([5], 10_000).tallestM).toBe(1500);
    expect(heightScale([5], 100).tallestM).toBe(200);
    expect(heightScale([5], 1e7).tallestM).toBe(12_000);
  });

  it('leave features without a figure flat, and ignore negative and non-finite figures', () => {
    const s = heightScale([null, 4, Number.NaN, -3], 10_000);
    expect(s.max).toBe(4);
    const { columns } = columnsOf([
      { id: 'a', geometry: square(116.3, 39.9, 0.01), value: null, color: '#000000' },
      { id: 'b', geometry: square(116.4, 39.9, 0.01), value: 3, color: '#000000' },
    ]);
    expect(columns[0]!.height).toBeNull();
    expect(columns[1]!.height).toBeGreaterThan(0);
  });

  it('draws nothing tall when no feature has a figure', () => {
    const s = heightScale([null, null], 10_000);
    expect(s.max).toBe(0);
    expect(s.metresPerUnit).toBe(0);
  });
});

describe('block figures', () => {
  const report = (over: Partial<BlockReport>): BlockReport =>
    ({ areaKm2: 1.5, retainedKm2: null, evaluation: null, mode: null, ...over }) as BlockReport;
  it('area is the ellipsoidal area; score waits for indicators', () => {
    expect(blockFigure(report({}), 'area')).toBe(1.5);
    expect(blockFigure(report({}), 'score')).toBeNull();
  });
  it('retained area: 0 for a removed block, the kept part for a cut one, the whole block where no rule applies', () => {
    expect(blockFigure(report({ mode: 'remove', retainedKm2: 0 }), 'retained')).toBe(0);
    expect(blockFigure(report({ mode: 'cut50', retainedKm2: 0.75 }), 'retained')).toBe(0.75);
    expect(blockFigure(report({}), 'retained')).toBe(1.5);
  });
  it('choices parse from their keys and nothing else', () => {
    expect(parseExtrude('blocks:score')).toEqual({ target: 'blocks', figure: 'score' });
    expect(parseExtrude('groups:score')).toBeNull();
    expect(parseExtrude('off')).toBeNull();
  });
});
