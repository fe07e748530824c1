import { describe, expect, it } from 'vitest';
import { noteText } from './import-note';
import { readFileSync } from 'node:fs';
import { readBlocks } from './read';
import { ImportError } from './import-error';
import { diagnoseCoordinates } from './plausibility';
import { geometryAreaKm2 } from '../geo/area';

const bytes = (f: string) => new Uint8Array(readFileSync(`test/fixtures/${f}`));
// PROJ 9.1 geodesic areas of the source polygons (test/fixtures/shapefile/expected.json).
const expected = JSON.parse(readFileSync('test/fixtures/shapefile/expected.json', 'utf8')) as {
  expected: Record<string, { projGeodesicKm2: number }>;
};

function thrown(f: () => unknown): ImportError {
  try {
    f();
  } catch (e) {
    return e as ImportError;
  }
  throw new Error('did not throw');
}

describe('plausibility: coordinates that miss Beijing', () => {
  it('recognises swapped latitude/longitude, refuses the file, and reads it when the fix is chosen', () => {
    const e = thrown(() => readBlocks(bytes('import/swapped.geojson'), 'swapped.geojson'));
    expect(e.code).toBe('misplaced');
    expect(JSON.parse(String(e.params.fix))).toEqual({ swap: true });
    expect(e.message).toMatch(/latitude and longitude swapped.*--swap-axes/);
    const ok = readBlocks(bytes('import/swapped.geojson'), 'swapped.geojson', { fix: { swap: true } });
    const straight = readBlocks(bytes('import/two-blocks.geojson'), 'two-blocks.geojson');
    expect(ok.blocks.features.map((f) => f.geometry)).toEqual(
      straight.blocks.features.map((f) => f.geometry),
    );
  });

  it('recognises CGCS2000 zone-39 metres with the zone prefix in a CSV written by GDAL, and gives QGIS areas', () => {
    const e = thrown(() => readBlocks(bytes('import/gk4527-no-crs.csv'), 'gk.csv'));
    expect(e.code).toBe('misplaced');
    expect(JSON.parse(String(e.params.fix))).toEqual({ swap: false, epsg: 4527 });
    const ok = readBlocks(bytes('import/gk4527-no-crs.csv'), 'gk.csv', { fix: { swap: false, epsg: 4527 } });
    expect(ok.crs).toBe('EPSG:4527');
    const [zgc, dzc] = ok.blocks.features;
    expect(geometryAreaKm2(zgc!.geometry) / expected.expected['ZGC-01']!.projGeodesicKm2).toBeCloseTo(1, 6);
    expect(geometryAreaKm2(dzc!.geometry) / expected.expected['DZC-02']!.projGeodesicKm2).toBeCloseTo(1, 6);
  });

  it('says nothing when coordinates are already in Beijing, and offers no guess for nonsense', () => {
    expect(diagnoseCoordinates({ type: 'FeatureCollection', features: [] })).toBeNull();
    const nonsense = thrown(() =>
      readBlocks(
        new TextEncoder().encode(
          JSON.stringify({
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: {},
                geometry: {
                  type: 'Polygon',
                  coordinates: [
                    [
                      [2, 48],
                      [2.1, 48],
                      [2.1, 48.1],
                      [2, 48],
                    ],
                  ],
                },
              },
            ],
          }),
        ),
        'paris.geojson',
      ),
    );
    expect(nonsense.code).toBe('geometry');
  });
});

describe('unclosed rings', () => {
  it('are refused with every place listed, and closed on request', () => {
    const e = thrown(() => readBlocks(bytes('import/unclosed.geojson'), 'unclosed.geojson'));
    expect(e.code).toBe('unclosed');
    expect(JSON.parse(String(e.params.fix))).toEqual({ swap: false, closeRings: true });
    expect(JSON.parse(String(e.params.list))).toEqual([
      [1, 'ring-unclosed', [116.3272, 39.9805]],
      [2, 'ring-unclosed', [116.3402, 39.9805]],
    ]);
    const ok = readBlocks(bytes('import/unclosed.geojson'), 'unclosed.geojson', {
      fix: { swap: false, closeRings: true },
    });
    const ring = (ok.blocks.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    expect(ok.notes.map(noteText).join()).toMatch(/rings closed, as chosen/);
  });
});
