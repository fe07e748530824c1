import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readBlocks } from './read';
import { geometryAreaKm2 } from '../geo/area';

// blocks.kml was written by GDAL (ogr2ogr -f KML) from the same WGS84 polygons as the Shapefile
// fixtures; blocks.kmz zips it as doc.kml. Expected areas: PROJ (test/fixtures/shapefile/expected.json).
const fx = (f: string) => readFileSync(new URL(`../../../test/fixtures/${f}`, import.meta.url));
const expected = JSON.parse(fx('shapefile/expected.json').toString()).expected as Record<
  string,
  { name: string; projGeodesicKm2: number }
>;

describe('KML and KMZ import', () => {
  it.each(['kml/blocks.kml', 'kml/blocks.kmz'])('%s: Chinese attributes and PROJ areas', (file) => {
    const r = readBlocks(fx(file), file);
    expect(r.blocks.features).toHaveLength(2);
    for (const f of r.blocks.features) {
      const id = f.properties!['编号'] as string;
      expect(f.properties!['名称']).toBe(expected[id]!.name);
      expect(Math.abs(geometryAreaKm2(f.geometry) / expected[id]!.projGeodesicKm2 - 1), id).toBeLessThan(
        1e-6,
      );
    }
  });

  it('refuses KML with an external entity, without resolving it', () => {
    expect(() => readBlocks(fx('kml/xxe.kml'), 'xxe.kml')).toThrow(/declares a DOCTYPE or ENTITY/);
  });

  it('refuses broken XML and a KMZ without KML', () => {
    expect(() => readBlocks(new TextEncoder().encode('<kml><Placemark>'), 'broken.kml')).toThrow(
      /not readable KML/,
    );
    expect(() => readBlocks(fx('shapefile/gk117-gbk.zip'), 'x.kmz')).toThrow(/holds no \.kml/);
  });
});
