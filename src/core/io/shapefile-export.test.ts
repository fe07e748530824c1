import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { unzipSync } from 'fflate';
import { dbfFieldNames, writeShapefile } from './shapefile-export';
import { readZippedShapefile } from './shapefile';
import { geometryAreaM2 } from '../geo/area';

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const holed: Polygon = {
  type: 'Polygon',
  coordinates: [square(116.3, 39.98, 0.01), square(116.303, 39.983, 0.002).reverse()],
};
const multi: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[square(116.32, 39.98, 0.005)], [square(116.33, 39.98, 0.004)]],
};
const fields = [
  { name: '名称', type: 'C' as const },
  { name: 'area_km2', type: 'N' as const },
  { name: '地块编号很长的字段名', type: 'C' as const },
];
const records = [
  { geometry: holed, values: ['中关村甲地块', 0.987654321, 'A-1'] },
  { geometry: multi, values: ['=危险公式', null, 'B-2'] },
];

describe('writeShapefile', () => {
  const zip = writeShapefile('方案一', fields, records);

  it('re-reads (shpjs) with the same geometry, areas and UTF-8 attributes', () => {
    const r = readZippedShapefile(zip, '方案一.zip');
    expect(r.encoding).toBe('utf-8');
    expect(r.crs.epsg).toBe(4326);
    const [a, b] = r.collection.features;
    expect(geometryAreaM2(a!.geometry)).toBeCloseTo(geometryAreaM2(holed), 6);
    expect(geometryAreaM2(b!.geometry)).toBeCloseTo(geometryAreaM2(multi), 6);
    expect(b!.geometry.type).toBe('MultiPolygon');
    expect(a!.properties).toMatchObject({ 名称: '中关村甲地块', area_km2: 0.987654321 });
    // No value is no attribute (dBase has no null), not NaN.
    expect(b!.properties).not.toHaveProperty('area_km2');
    expect(b!.properties).toMatchObject({ 名称: '=危险公式' });
    // dBase holds 10-byte names (three Chinese characters are 9 bytes); the full name, written
    // beside the layer, is read back.
    expect(Object.keys(a!.properties!)).toContain('地块编号很长的字段名');
    expect(unzipSync(zip)['方案一.parkplan-fields.json']).toBeDefined();
  });

  it('shortens field names to 10 bytes without splitting a character, and keeps them unique', () => {
    expect(dbfFieldNames(['retained_area_km2', 'retained_area_ha', '区块名称'])).toEqual([
      'retained_a',
      'retained_1',
      '区块名',
    ]);
  });

  // GDAL is what QGIS reads Shapefiles with: it must open the file without a warning.
  const ogrinfo = '/usr/bin/ogrinfo';
  it.skipIf(!existsSync(ogrinfo))(
    'opens in GDAL (ogrinfo) without complaint, with Chinese text and two features',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'pp-shp-'));
      const file = join(dir, 'blocks.zip');
      writeFileSync(file, zip);
      const run = spawnSync(ogrinfo, ['-al', '-ro', `/vsizip/${file}`], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      const out = run.stdout;
      expect(out).toMatch(/Geometry: Polygon/);
      expect(out).toMatch(/Feature Count: 2/);
      expect(out).toMatch(/GEOGCRS\["WGS 84"|GEOGCS\["WGS 84"|WGS_1984/);
      expect(out).toMatch(/名称 \(String\) = 中关村甲地块/);
      expect(out).toMatch(/MULTIPOLYGON/);
    },
  );
});
