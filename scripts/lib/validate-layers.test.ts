import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon } from 'geojson';
import { validateLayers, type Files, type Manifest } from './validate-layers';

const manifest = JSON.parse(readFileSync('public/geo/manifest.json', 'utf8')) as Manifest;
const load = (): Files =>
  Object.fromEntries(
    manifest.layers.map((l) => [
      l.id,
      JSON.parse(readFileSync(`public/geo/${l.file}`, 'utf8')) as FeatureCollection,
    ]),
  );

describe('validate-geo cross-layer checks', () => {
  it('pass on the embedded layers', () => {
    expect(validateLayers(manifest, load()).findings).toEqual([]);
  });

  it('catch a group moved outside its sub-park', () => {
    const files = load();
    const g = files['zgc-groups']!.features.find((f) => f.properties!.id === 'xicheng-park')!;
    const poly = g.geometry as Polygon;
    poly.coordinates = poly.coordinates.map((r) => r.map(([x, y]) => [x! + 0.05, y!]));
    const msgs = validateLayers(manifest, files)
      .findings.map((f) => f.message)
      .join('\n');
    expect(msgs).toMatch(/outside its sub-park 西城园/);
    expect(msgs).toMatch(/areaMeasuredKm2|does not contain its estimated location/);
  });

  it('catch a missing group, a wrong category count and a declared figure without source', () => {
    const files = load();
    files['zgc-groups']!.features.pop();
    files['zgc-subparks']!.features[0]!.properties!.areaDeclaredKm2 = 100;
    const msgs = validateLayers(
      { ...manifest, layers: manifest.layers.map((l) => ({ ...l, featureCount: null })) },
      files,
    ).findings.map((f) => f.message);
    expect(msgs).toContain('expected 31 groups, found 30');
    expect(msgs.some((m) => /category 生态涵养区: expected 4/.test(m))).toBe(true);
    expect(msgs).toContain('declared area without areaSource');
  });

  it('catch a Yizhuang split that is not marked as an estimate, and a missing file', () => {
    const files = load();
    files['yizhuang']!.features.find((f) => f.properties!.id === 'daxing')!.properties!.areaTargetStatus =
      'declared';
    delete files['district-labels'];
    const msgs = validateLayers(manifest, files).findings.map((f) => f.message);
    expect(msgs).toContain('the Daxing/Tongzhou split must be marked as an estimate');
    expect(msgs.some((m) => /district-labels\.geojson is missing/.test(m))).toBe(true);
  });
});
