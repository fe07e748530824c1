import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { geometryAreaKm2 } from '../../src/core/geo/area';

// The embedded layers in public/geo/, checked against the documents' figures:
// 488 km² (seed 003), 60 + 165 = 225 km² (seed 000), the four sourced park areas
// (reference facts §1), ≥ 2 km² per group (seed 003), within the 0.5 %.
const read = (f: string) =>
  JSON.parse(readFileSync(`public/geo/${f}`, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const km2 = (f: Feature) => geometryAreaKm2(f.geometry);
const within = (measured: number, declared: number) => Math.abs(measured / declared - 1) <= 0.005;

describe('embedded park layers', () => {
  const manifest = JSON.parse(readFileSync('public/geo/manifest.json', 'utf8')) as {
    layers: {
      id: string;
      file: string;
      titleZh: string;
      titleEn: string;
      geometryQuality: string;
      sources: string[];
    }[];
  };

  it('are all described by the manifest with id, titles, file, quality and source', () => {
    expect(manifest.layers.map((l) => l.id).sort()).toEqual(
      ['district-labels', 'districts', 'yizhuang', 'zgc-groups', 'zgc-scope', 'zgc-subparks'].sort(),
    );
    for (const l of manifest.layers) {
      expect(l.titleZh && l.titleEn && l.file && l.geometryQuality).toBeTruthy();
      expect(l.sources.length).toBeGreaterThan(0);
      expect(() => read(l.file)).not.toThrow();
    }
  });

  it('ZGC scope measures 488 km² and is marked schematic', () => {
    const [scope] = read('zgc-scope.geojson').features;
    expect(within(km2(scope!), 488)).toBe(true);
    expect(scope!.properties).toMatchObject({
      geometryQuality: 'schematic',
      areaDeclaredKm2: 488,
      areaSource: 'seed003',
    });
  });

  it('sub-parks add up to 488 km² and hit the four sourced park areas', () => {
    const parks = read('zgc-subparks.geojson').features;
    expect(parks).toHaveLength(17);
    expect(
      within(
        parks.reduce((a, f) => a + km2(f), 0),
        488,
      ),
    ).toBe(true);
    const byName = (n: string) => parks.find((f) => f.properties!.nameZh === n)!;
    for (const [name, declared] of [
      ['朝阳园', 26.1],
      ['丰台园', 17.63],
      ['顺义园', 12.08],
      ['平谷园', 5.08],
    ] as const) {
      expect(within(km2(byName(name)), declared), name).toBe(true);
      expect(byName(name).properties!.areaDeclaredKm2).toBe(declared);
    }
    // No invented official figure: parks without a sourced area say null.
    expect(byName('海淀园').properties!.areaDeclaredKm2).toBeNull();
    expect(byName('西城园').properties!.areaDeclaredKm2).toBeNull();
  });

  it('has 31 groups of at least 2 km², none with an official area, all schematic', () => {
    const groups = read('zgc-groups.geojson').features;
    expect(groups).toHaveLength(31);
    for (const g of groups) {
      expect(km2(g), String(g.properties!.nameZh)).toBeGreaterThanOrEqual(2);
      expect(g.properties!.areaDeclaredKm2).toBeNull();
      expect(g.properties!.geometryQuality).toBe('schematic');
      expect(String(g.properties!.geometryNote)).toContain('示意');
    }
  });

  it('carries each group focus mapped onto the taxonomy, e.g. 良乡 石墨烯 under 新材料 with a note', () => {
    const groups = read('zgc-groups.geojson').features;
    const liangxiang = groups.find((f) => f.properties!.nameZh === '良乡组团')!.properties!;
    const graphene = (
      liangxiang.focusMapped as { text: string; industryZh: string; inTaxonomy: boolean; noteZh: string }[]
    ).find((f) => f.text === '石墨烯')!;
    expect(graphene).toMatchObject({ industryZh: '新材料', inTaxonomy: false });
    expect(graphene.noteZh).toContain('未列此领域');
    const yizhuang = groups.find((f) => f.properties!.nameZh === '亦庄园组团')!.properties!;
    expect(yizhuang.industries).toEqual(['manufacturing', 'ngit', 'bio', 'transport']);
  });

  it('Yizhuang: core 60, Daxing + Tongzhou 165, total 225, the split marked as an estimate', () => {
    const yz = read('yizhuang.geojson').features;
    const part = (id: string) => yz.find((f) => f.properties!.id === id)!;
    expect(within(km2(part('core')), 60)).toBe(true);
    expect(within(km2(part('daxing')) + km2(part('tongzhou')), 165)).toBe(true);
    expect(
      within(
        yz.reduce((a, f) => a + km2(f), 0),
        225,
      ),
    ).toBe(true);
    expect(part('core').properties!.areaDeclaredKm2).toBe(60);
    for (const id of ['daxing', 'tongzhou']) {
      expect(part(id).properties).toMatchObject({
        areaDeclaredKm2: null,
        areaTargetStatus: 'estimate',
        areaDeclaredCombinedKm2: 165,
      });
    }
  });

  it('districts: 16, WGS84, the 东城/西城 boundary on the central axis (GCJ-02 offset removed)', () => {
    const d = read('districts.geojson').features;
    expect(d).toHaveLength(16);
    const ring = (n: string) => {
      const g = d.find((f) => f.properties!.nameZh === n)!.geometry;
      return (g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!).map((p) => `${p[0]},${p[1]}`);
    };
    const xicheng = new Set(ring('西城区'));
    // South of Tiananmen the two districts meet on the central axis, ~116.3912°E in WGS84;
    // the GCJ-02 source had it ~0.006° further east.
    const shared = ring('东城区')
      .filter((p) => xicheng.has(p))
      .map((p) => p.split(',').map(Number) as [number, number])
      .filter(([, lat]) => lat > 39.87 && lat < 39.9)
      .map(([lon]) => lon)
      .sort();
    expect(shared.length).toBeGreaterThan(3);
    expect(Math.abs(shared[Math.floor(shared.length / 2)]! - 116.3912)).toBeLessThan(0.0025);
  });

  it('districts measure close to their published areas (海淀 431, 东城 41.84, 延庆 1994 km²)', () => {
    const d = read('districts.geojson').features;
    const a = (n: string) => km2(d.find((f) => f.properties!.nameZh === n)!);
    // The source is quantised to ~100 m, so allow 1.5 %.
    expect(Math.abs(a('海淀区') / 431 - 1)).toBeLessThan(0.015);
    expect(Math.abs(a('东城区') / 41.84 - 1)).toBeLessThan(0.015);
    expect(Math.abs(a('延庆区') / 1994 - 1)).toBeLessThan(0.015);
  });
});
