import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { Polygon } from 'geojson';
import { readXlsx } from './xlsx';
import { ImportError } from './import-error';

// Fixtures written by GDAL's XLSX driver (ogr2ogr -f XLSX) from the *.source.csv beside them.
const bytes = (f: string) => new Uint8Array(readFileSync(`test/fixtures/xlsx/${f}`));

describe('readXlsx', () => {
  it('reads a WKT column and keeps the other columns as attributes', async () => {
    const fc = await readXlsx(bytes('wkt-blocks.xlsx'), 'wkt-blocks.xlsx');
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0]!.properties).toEqual({ 名称: '中关村测试区块', 编号: 'ZGC-01' });
    expect((fc.features[1]!.geometry as Polygon).coordinates[0]![2]).toEqual([116.5001, 39.9978]);
  });

  it('groups numeric lon/lat boundary points by id and closes the ring', async () => {
    const fc = await readXlsx(bytes('points.xlsx'), 'points.xlsx');
    expect(fc.features).toHaveLength(1);
    expect((fc.features[0]!.geometry as Polygon).coordinates[0]).toEqual([
      [116.3272, 39.9805],
      [116.3388, 39.9805],
      [116.3388, 39.9895],
      [116.3272, 39.9895],
      [116.3272, 39.9805],
    ]);
    expect(fc.features[0]!.properties).toMatchObject({ 地块编号: 'A1' });
  });

  it('refuses a zip that is not a workbook, and a renamed text file, with one message', async () => {
    const notBook = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    await expect(readXlsx(notBook, 'x.xlsx')).rejects.toThrow(/x\.xlsx is not a readable Excel workbook/);
    await expect(readXlsx(new TextEncoder().encode('a,b\n1,2'), 'y.xlsx')).rejects.toBeInstanceOf(
      ImportError,
    );
  });
});
