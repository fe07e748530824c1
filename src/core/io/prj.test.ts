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

describe('.prj recognition', () => {
  it.each([4548, 4527, 4526, 4549])('EPSG:%i in OGC WKT1, ESRI WKT1 and WKT2', (epsg) => {
    for (const form of forms) {
      const r = recognisePrj(fixture.crs[String(epsg)]![form]);
      expect(r, form).toMatchObject({ ok: true, crs: { kind: 'gauss-kruger', epsg } });
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

  it('names what it cannot convert: UTM 50N, Beijing 1954 GK, Web Mercator', () => {
    for (const epsg of ['32650', '2436', '3857']) {
      const r = recognisePrj(fixture.crs[epsg]!.wkt1_esri);
      expect(r.ok, epsg).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
    }
    expect(recognisePrj('garbage')).toMatchObject({ ok: false });
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
