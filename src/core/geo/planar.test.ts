import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { planarAreaM2 } from './planar';
import { geometryAreaM2 } from './area';
import { GK_ZONES, gkConverter } from '../crs/gauss-kruger';

const fc = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/ellipsoidal-areas.geojson', import.meta.url), 'utf8'),
) as FeatureCollection;

describe('planar area in CGCS2000 Gauss-Krüger zone 39', () => {
  it('matches PROJ (EPSG:4548 and EPSG:4527) to 1e-9 relative', () => {
    for (const f of fc.features) {
      const id = f.properties!.id as string;
      expect(
        Math.abs(planarAreaM2(f.geometry, 4548) / (f.properties!.projGk4548PlanarM2 as number) - 1),
        id,
      ).toBeLessThan(1e-9);
      expect(
        Math.abs(planarAreaM2(f.geometry, 4527) / (f.properties!.projGk4527PlanarM2 as number) - 1),
        id,
      ).toBeLessThan(1e-9);
    }
  });

  it('reads larger than the ellipsoidal area by the projection scale, k² ≈ 1 + (Δλ cos φ)²', () => {
    const block = fc.features.find((f) => f.properties!.id === 'square-1km-haidian')!.geometry;
    const ratio = planarAreaM2(block) / geometryAreaM2(block);
    // Block centre ~116.306°E, 39.9845°N: Δλ = 0.694° from the central meridian.
    const expected = 1 + ((0.694 * Math.PI) / 180) ** 2 * Math.cos((39.9845 * Math.PI) / 180) ** 2;
    expect(Math.abs(ratio - expected)).toBeLessThan(3e-6);
  });

  it('defines the 3-degree zones 38–40 and the 6-degree zone 20, with and without the zone prefix', () => {
    expect(GK_ZONES.map((z) => z.epsg).sort()).toEqual([4498, 4509, 4526, 4527, 4528, 4547, 4548, 4549]);
    expect(gkConverter(4498).forward([117, 40])[0]).toBeCloseTo(20_500_000, 3);
    const [x] = gkConverter(4527).forward([117, 40]);
    const [x2] = gkConverter(4548).forward([117, 40]);
    expect(x).toBeCloseTo(39_500_000, 3);
    expect(x2).toBeCloseTo(500_000, 3);
  });
});
