import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { exportKml } from './kml-export';
import type { ExportBlock } from './export-fields';
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
    const fc = readKml(kml, 'x.kml');
    expect(fc.features).toHaveLength(2);
    expect(geometryAreaM2(fc.features[0]!.geometry)).toBeCloseTo(geometryAreaM2(holed), 6);
    expect(geometryAreaM2(fc.features[1]!.geometry)).toBeCloseTo(geometryAreaM2(multi), 6);
    expect(fc.features[0]!.properties).toMatchObject({
      name: '甲 <script>alert(1)</script> & 乙',
      编号: 'A-1',
      面积: '12.5',
    });
    // A control character XML cannot hold is dropped, not written.
    expect(fc.features[1]!.properties).toMatchObject({ 编号: 'B-2' });
  });

  it('escapes text, so a name cannot inject markup', () => {
    expect(kml).not.toContain('<script>');
    expect(kml).toContain('&lt;script&gt;');
    expect(kml).toContain('<name>方案 &quot;一&quot;</name>');
  });
});
