import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { geometryAreaM2 } from '../src/core/geo/area';

// public/geo/ must be what the pipeline makes from the repo's data, never hand-edited GeoJSON.
describe('build-geo', () => {
  it('reproduces the committed park layers from src/data and data/reference', { timeout: 120_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'parkplan-geo-'));
    execFileSync('npx', ['tsx', 'scripts/build-geo.ts', '--out', out], { stdio: 'pipe' });
    for (const file of [
      'zgc-scope.geojson',
      'zgc-subparks.geojson',
      'zgc-groups.geojson',
      'yizhuang.geojson',
    ]) {
      const built = JSON.parse(readFileSync(join(out, file), 'utf8')) as FeatureCollection;
      const committed = JSON.parse(readFileSync(join('public/geo', file), 'utf8')) as FeatureCollection;
      expect(
        built.features.map((f) => f.id),
        file,
      ).toEqual(committed.features.map((f) => f.id));
      built.features.forEach((f, i) => {
        const c = committed.features[i]!;
        expect(f.properties, `${file} ${String(f.id)}`).toEqual(c.properties);
        expect(Math.abs(geometryAreaM2(f.geometry) / geometryAreaM2(c.geometry) - 1)).toBeLessThan(1e-6);
      });
    }
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync('public/geo/manifest.json', 'utf8')),
    );
  });
});
