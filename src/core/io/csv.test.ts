import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readBlocks } from './read';
import { parseWktPolygon } from './wkt';
import { geometryAreaKm2 } from '../geo/area';

// Same WGS84 polygons as the Shapefile and KML fixtures; expected areas from PROJ.
const fx = (f: string) => readFileSync(new URL(`../../../test/fixtures/${f}`, import.meta.url));
const expected = JSON.parse(fx('shapefile/expected.json').toString()).expected as Record<
  string,
  { name: string; projGeodesicKm2: number }
>;

describe('CSV import', () => {
  it('reads a WKT column (with a hole) and keeps the other columns as attributes', () => {
    const r = readBlocks(fx('csv/wkt.csv'), 'wkt.csv');
    expect(r.blocks.features).toHaveLength(2);
    for (const f of r.blocks.features) {
      const id = f.properties!['编号'] as string;
      expect(f.properties!['名称']).toBe(expected[id]!.name);
      expect(Math.abs(geometryAreaKm2(f.geometry) / expected[id]!.projGeodesicKm2 - 1)).toBeLessThan(1e-6);
    }
  });

  it('builds a block from boundary points (界址点) in a GBK table, closing the ring', () => {
    const r = readBlocks(fx('csv/points-gbk.csv'), 'points.csv');
    expect(r.blocks.features).toHaveLength(1);
    const f = r.blocks.features[0]!;
    expect(f.properties).toMatchObject({ 编号: 'ZGC-01', 名称: '中关村南区块' });
    expect(Math.abs(geometryAreaKm2(f.geometry) / expected['ZGC-01']!.projGeodesicKm2 - 1)).toBeLessThan(
      1e-6,
    );
  });

  it('names the row and column of broken WKT, and says how to give geometry when there is none', () => {
    expect(() => readBlocks(fx('csv/broken-wkt.csv'), 'b.csv')).toThrow(
      /b\.csv, row 3, column "wkt": the text ends early/,
    );
    expect(() => readBlocks(fx('csv/no-geometry.csv'), 'n.csv')).toThrow(
      /no geometry column: add a WKT column/,
    );
  });

  it('parses WKT strictly', () => {
    expect(parseWktPolygon('MULTIPOLYGON Z (((1 2 3, 3 4 5, 5 6 7, 1 2 3)))')).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [1, 2],
            [3, 4],
            [5, 6],
            [1, 2],
          ],
        ],
      ],
    });
    expect(() => parseWktPolygon('POINT(1 2)')).toThrow(/POINT is not a polygon/);
    expect(() => parseWktPolygon('POLYGON((1 2, 3 4, 5 6, 1 2)) extra')).toThrow();
  });
});
