import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { encodingFromCpg, recognisePrj } from './prj';

// WKT as PROJ 9.1 writes it for each EPSG code (test/fixtures/prj-wkt.json).
const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/prj-wkt.json', import.meta.url), 'utf8'),
) as {
  crs: Record<string, { name: string; wkt1_gdal: string; wkt1_esri: string; wkt2: string }>;
};
const forms = ['wkt1_gdal', 'wkt1_esri', 'wkt2'] as const;

// The same from GDAL 3.6.2 (test/fixtures/prj-wkt-gdal.json), with positions it converted.
const gdal = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/prj-wkt-gdal.json', import.meta.url), 'utf8'),
) as {
  crs: Record<string, Record<(typeof forms)[number], string>>;
  towgs84: { wkt1_gdal: string; towgs84: number[]; point: { from: number[]; lonLat: number[] } };
  points: Record<string, { from: number[]; lonLat: number[] }>;
};

describe('.prj recognition by parameters', () => {
  it('CGCS2000 6-degree zone 20 (EPSG:4498) with the zone number, and 117°E without (named as the 3-degree 4548), converted as GDAL does', () => {
    for (const form of forms) {
      const r = recognisePrj(gdal.crs['4498']![form]);
      expect(r, form).toMatchObject({
        ok: true,
        crs: { epsg: 4498, gk: { width: 6, zone: 20, prefix: true } },
      });
      if (!r.ok) continue;
      const [lon, lat] = r.crs.toWgs84(gdal.points['4498']!.from);
      expect(Math.abs(lon! - gdal.points['4498']!.lonLat[0]!)).toBeLessThan(1e-9);
      expect(Math.abs(lat! - gdal.points['4498']!.lonLat[1]!)).toBeLessThan(1e-9);
      expect(recognisePrj(gdal.crs['4509']![form]), form).toMatchObject({ ok: true, crs: { epsg: 4548 } });
      expect(recognisePrj(gdal.crs['4547']![form]), form).toMatchObject({ ok: true, crs: { epsg: 4547 } });
      expect(recognisePrj(gdal.crs['4528']![form]), form).toMatchObject({ ok: true, crs: { epsg: 4528 } });
    }
  });

  it('GRS 1980 datums elsewhere (NAD83, SWEREF99, GDA94, NAD83 UTM) are read, not refused for being Beijing 1954', () => {
    for (const epsg of ['4269', '3006', '4283', '26910'])
      for (const form of forms)
        expect(recognisePrj(gdal.crs[epsg]![form]), `${epsg} ${form}`).toMatchObject({
          ok: true,
          crs: { epsg: null },
        });
  });

  it('Xian 1980 without its shift is refused saying it needs TOWGS84; Beijing 1954 with TOWGS84, in the file or given, converts as PROJ does', () => {
    for (const epsg of ['2383', '4610'])
      for (const form of forms)
        expect(recognisePrj(gdal.crs[epsg]![form]), `${epsg} ${form}`).toMatchObject({
          ok: false,
          refusal: 'needs-towgs84',
        });
    const { point } = gdal.towgs84;
    for (const r of [
      recognisePrj(gdal.towgs84.wkt1_gdal),
      recognisePrj(gdal.crs['2436']!.wkt1_esri, { towgs84: gdal.towgs84.towgs84 }),
    ]) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const [lon, lat] = r.crs.toWgs84(point.from);
      // Metres on the ground: 1e-7° is about a centimetre.
      expect(Math.abs(lon! - point.lonLat[0]!)).toBeLessThan(1e-7);
      expect(Math.abs(lat! - point.lonLat[1]!)).toBeLessThan(1e-7);
    }
  });
});

describe('.prj recognition', () => {
  it.each([4548, 4527, 4526, 4549])('EPSG:%i in OGC WKT1, ESRI WKT1 and WKT2', (epsg) => {
    for (const form of forms) {
      const r = recognisePrj(fixture.crs[String(epsg)]![form]);
      expect(r, form).toMatchObject({ ok: true, crs: { kind: 'projected', epsg, gk: { width: 3 } } });
    }
  });

  it('CGCS2000 and WGS84 geographic', () => {
    for (const form of forms) {
      expect(recognisePrj(fixture.crs['4490']![form]), form).toMatchObject({
        ok: true,
        crs: { kind: 'geographic', epsg: 4490 },
      });
      expect(recognisePrj(fixture.crs['4326']![form]), form).toMatchObject({
        ok: true,
        crs: { kind: 'geographic', epsg: 4326 },
      });
    }
  });

  it('converts other systems it can (UTM 50N, Web Mercator) and refuses Beijing 1954 without its shift, saying so', () => {
    for (const epsg of ['32650', '3857']) {
      const r = recognisePrj(fixture.crs[epsg]!.wkt1_esri);
      expect(r, epsg).toMatchObject({ ok: true, crs: { kind: 'projected', epsg: null, gk: null } });
    }
    for (const form of forms)
      expect(recognisePrj(fixture.crs['2436']![form]), form).toMatchObject({
        ok: false,
        refusal: 'needs-towgs84',
      });
    expect(recognisePrj('garbage')).toMatchObject({ ok: false, refusal: 'not-wkt' });
  });

  it('maps code pages to decoders', () => {
    expect(encodingFromCpg('GBK')).toBe('gbk');
    expect(encodingFromCpg('936')).toBe('gbk');
    expect(encodingFromCpg('ANSI 936')).toBe('gbk');
    expect(encodingFromCpg('UTF-8')).toBe('utf-8');
    expect(encodingFromCpg('65001')).toBe('utf-8');
    expect(encodingFromCpg('nonsense-encoding')).toBeNull();
  });
});
