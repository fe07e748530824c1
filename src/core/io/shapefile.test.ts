import { describe, expect, it } from 'vitest';
import { noteText } from './import-note';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { readZippedShapefile } from './shapefile';
import { checkBlocks } from './geojson';
import { geometryAreaKm2 } from '../geo/area';
import { ImportError } from './import-error';

// Fixtures written by GDAL (ogr2ogr) from WGS84 polygons; expected areas are PROJ's geodesic areas
// of those polygons, i.e. what QGIS reports. See test/fixtures/shapefile/expected.json.
const dir = new URL('../../../test/fixtures/shapefile/', import.meta.url);
const zip = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')).expected as Record<
  string,
  { name: string; projGeodesicKm2: number }
>;

describe('zipped Shapefile import', () => {
  it.each([
    ['CGCS2000 GK CM 117E (EPSG:4548), GBK attributes with .cpg', 'gk117-gbk.zip', 4548, 'gbk'],
    ['CGCS2000 GK zone 39 with zone prefix (EPSG:4527), UTF-8', 'gk39-utf8.zip', 4527, 'utf-8'],
  ])('%s: Chinese attributes, CRS from the .prj, QGIS areas', (_label, file, epsg, encoding) => {
    const r = readZippedShapefile(zip(file), file);
    expect(r.crs).toMatchObject({ kind: 'projected', epsg });
    expect(r.encoding).toBe(encoding);
    const fc = checkBlocks(r.collection, file);
    expect(fc.features).toHaveLength(2);
    for (const f of fc.features) {
      const id = f.properties!['编号'] as string;
      expect(f.properties!['名称']).toBe(expected[id]!.name);
      expect(Math.abs(geometryAreaKm2(f.geometry) / expected[id]!.projGeodesicKm2 - 1), id).toBeLessThan(
        1e-6,
      );
    }
  });

  it('reads GBK attributes without a .cpg, and says it guessed', () => {
    const r = readZippedShapefile(zip('gk117-gbk-nocpg.zip'), 'x.zip');
    expect(r.encoding).toBe('gbk');
    expect(r.collection.features.map((f) => f.properties!['名称'])).toEqual(['中关村南区块', '电子城北区块']);
    expect(r.notes.map(noteText).join('\n')).toMatch(/no \.cpg.*GBK/);
  });

  it('refuses a Shapefile without .prj, and one in Beijing 1954, saying what to do', () => {
    expect(() => readZippedShapefile(zip('no-prj.zip'), 'no-prj.zip')).toThrow(
      /\.prj is missing.*export the Shapefile with its \.prj/,
    );
    try {
      readZippedShapefile(zip('beijing54.zip'), 'beijing54.zip');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).code).toBe('crs');
      expect((e as Error).message).toMatch(/Beijing_1954.*CGCS2000 or WGS84/);
    }
  });

  it('bounds what a zip may unpack to (zip bomb) and refuses what is not a zip', () => {
    const bomb = zipSync({ 'a.shp': new Uint8Array(3 * 2 ** 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(50_000);
    expect(() => readZippedShapefile(bomb, 'bomb.zip', { maxUnzippedBytes: 2 ** 20 })).toThrow(
      /unpacks to more than 1 MB/,
    );
    expect(() => readZippedShapefile(new TextEncoder().encode('not a zip'), 'fake.zip')).toThrow(
      /not a readable zip/,
    );
    expect(() => readZippedShapefile(zipSync({ 'readme.txt': new Uint8Array(3) }), 'empty.zip')).toThrow(
      /no \.shp/,
    );
  });
});
