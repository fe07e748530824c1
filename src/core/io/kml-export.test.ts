import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { exportKml } from './kml-export';
import type { ExportBlock } from './block-fields';
import { readKml } from './kml';
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
  coordinates: [square(116.3, 39.98, 0.0123456789), square(116.303, 39.983, 0.002).reverse()],
};
const multi: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[square(116.32, 39.98, 0.005)], [square(116.33, 39.98, 0.004)]],
};

describe('exportKml', () => {
  const blocks: ExportBlock[] = [
    {
      id: 'b1',
      name: '甲 <script>alert(1)</script> & 乙',
      geometry: holed,
      attributes: { 编号: 'A-1', 面积: 12.5 },
    },
    { id: 'b2', name: '丙', geometry: multi, attributes: { 编号: 'B\u0007-2' } },
  ];
  const kml = exportKml('方案 "一"', blocks, new Map());

  it('re-reads with the same areas, names and attributes', () => {
    const fc = readKml(kml, 'x.kml').collection;
    expect(fc.features).toHaveLength(2);
    expect(geometryAreaM2(fc.features[0]!.geometry)).toBeCloseTo(geometryAreaM2(holed), 6);
    expect(geometryAreaM2(fc.features[1]!.geometry)).toBeCloseTo(geometryAreaM2(multi), 6);
    // Typed data: the number reads back as a number; the name is ParkPlan's pp_name.
    expect(fc.features[0]!.properties).toMatchObject({
      pp_name: '甲 <script>alert(1)</script> & 乙',
      编号: 'A-1',
      面积: 12.5,
    });
    // A control character XML cannot hold is dropped, not written.
    expect(fc.features[1]!.properties).toMatchObject({ 编号: 'B-2' });
  });

  it('escapes text, so a name cannot inject markup', () => {
    expect(kml).not.toContain('<script>');
    expect(kml).toContain('&lt;script&gt;');
    expect(kml).toContain('<name>方案 &quot;一&quot;</name>');
    // #c62828 (remove) as KML's aabbggrr at 70 % opacity.
    expect(kml).toContain(
      '<Style id="remove"><LineStyle><color>ff333333</color><width>1.5</width></LineStyle><PolyStyle><color>b32828c6</color>',
    );
  });
});

// GDAL (what QGIS reads KML with) opens the export and sees both placemarks with their attributes.
describe.skipIf(!existsSync('/usr/bin/ogrinfo'))('exportKml in GDAL', () => {
  it('opens without complaint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-kml-'));
    const file = join(dir, 'blocks.kml');
    const blocks: ExportBlock[] = [{ id: 'b1', name: '甲', geometry: holed, attributes: { 编号: 'A-1' } }];
    writeFileSync(file, exportKml('方案', blocks, new Map()));
    const run = spawnSync('/usr/bin/ogrinfo', ['-al', '-ro', file], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Feature Count: 1/);
    // GDAL's LIBKML driver launders non-ASCII field names to "_"; the value survives.
    expect(run.stdout).toMatch(/\(String\) = A-1/);
    expect(run.stdout).toMatch(/Name \(String\) = 甲/);
    expect(run.stdout).toMatch(/POLYGON \(\(116\.3 39\.98/);
  });
});
