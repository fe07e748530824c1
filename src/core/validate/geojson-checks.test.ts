import { describe, expect, it } from 'vitest';
import { BEIJING_EXTENT, checkFeatureCollection } from './geojson-checks';

const fc = (coordinates: unknown, type = 'Polygon') => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: 'b1', properties: {}, geometry: { type, coordinates } }],
});
const square = [
  [116.4, 39.9],
  [116.41, 39.9],
  [116.41, 39.91],
  [116.4, 39.91],
  [116.4, 39.9],
];
const codes = (input: unknown, opts = {}) => checkFeatureCollection(input, opts).map((p) => p.code);

describe('GeoJSON checks', () => {
  it('accepts a valid counter-clockwise square in Beijing', () => {
    expect(checkFeatureCollection(fc([square]), { extent: BEIJING_EXTENT })).toEqual([]);
  });

  it('rejects what is not a FeatureCollection', () => {
    expect(codes(null)).toEqual(['structure']);
    expect(codes({ type: 'Feature' })).toEqual(['structure']);
  });

  it('reports structure problems found by geojson-validation, with the feature index', () => {
    const p = checkFeatureCollection({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null }],
    });
    expect(p[0]).toMatchObject({ code: 'structure', featureIndex: 0 });
  });

  it('reports NaN and Infinity, which geojson-validation lets through', () => {
    const bad = square.map((p, i) => (i === 1 ? [NaN, 39.9] : p));
    expect(codes(fc([bad]))).toContain('not-finite');
    expect(codes(fc([square.map((p, i) => (i === 2 ? [Infinity, 39.91] : p))]))).toContain('not-finite');
  });

  it('reports projected metres and swapped axes as out of range, with a hint', () => {
    const metres = square.map(([x, y]) => [x! * 4000, y! * 100000]);
    const p = checkFeatureCollection(fc([metres]));
    expect(p.map((x) => x.code)).toEqual(expect.arrayContaining(['lon-range', 'lat-range']));
    expect(p[0]!.message).toMatch(/projected metres/);
    const swapped = square.map(([x, y]) => [y, x]);
    expect(codes(fc([swapped]))).toContain('lat-range');
  });

  it('reports coordinates outside Beijing when an extent is given', () => {
    const shanghai = square.map(([x, y]) => [x! + 5, y! - 8.7]);
    expect(codes(fc([shanghai]), { extent: BEIJING_EXTENT })).toContain('outside-extent');
  });

  it('reports unclosed and too-short rings', () => {
    expect(codes(fc([square.slice(0, 4)]))).toContain('ring-unclosed');
    expect(codes(fc([[square[0], square[1], square[0]]]))).toContain('ring-too-short');
  });

  it('reports clockwise exterior rings as a warning (an error when asked)', () => {
    const cw = [...square].reverse();
    const p = checkFeatureCollection(fc([cw]));
    expect(p).toEqual([expect.objectContaining({ code: 'winding', severity: 'warning' })]);
    expect(checkFeatureCollection(fc([cw]), { windingIsError: true })[0]!.severity).toBe('error');
  });

  it('reports repeated vertices and self-intersections (a bow-tie) with a place', () => {
    const dup = [square[0], square[1], square[1], square[2], square[3], square[0]];
    expect(codes(fc([dup]))).toContain('duplicate-vertex');
    const bowtie = [
      [116.4, 39.9],
      [116.41, 39.91],
      [116.41, 39.9],
      [116.4, 39.91],
      [116.4, 39.9],
    ];
    const p = checkFeatureCollection(fc([bowtie])).find((x) => x.code === 'self-intersection')!;
    expect(p.severity).toBe('error');
    expect(p.at![0]).toBeCloseTo(116.405, 6);
    expect(p.at![1]).toBeCloseTo(39.905, 6);
  });

  it('never throws on malformed coordinates', () => {
    expect(() => checkFeatureCollection(fc('nonsense'))).not.toThrow();
    expect(() => checkFeatureCollection(fc([[['a', 'b']]]))).not.toThrow();
    expect(codes(fc([[['a', 'b']]]))).toContain('structure');
  });
});
