import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geographicLibKm2 } from '../browser/oracle';
import { main } from '../../src/cli/report';

const FIX = 'test/fixtures/report';
const BLOCKS = `${FIX}/blocks.geojson`;
const SUBPARKS = `${FIX}/subparks.geojson`;

/**
 * Worked by hand from seed 002 (淘汰方式) and the fixture's PROJ areas:
 * 测试园A declares 10 km² (its drawn polygon measures 30.55: the declared figure wins);
 * 测试园B declares nothing and measures 2.1008 km² (PROJ).
 */
const EXPECTED = [
  // id, sub-park, share, denominator, size, mode, retained km², warnings
  ['b1', '测试园A', 1.0 / 10, 'declared', 'small', 'remove', 0, []],
  ['b2', '测试园A', 2.5 / 10, 'declared', 'large', 'cut25', 2.5 * 0.75, []],
  // 2.0005 km² is just large and 20.005 % just high: both thresholds within 0.1.
  [
    'b3',
    '测试园A',
    2.0005 / 10,
    'declared',
    'large',
    'cut25',
    2.0005 * 0.75,
    ['near-area-threshold', 'near-share-threshold'],
  ],
  ['b4', '测试园A', 2.5 / 10, 'declared', 'large', 'cut25', 2.5 * 0.75, []], // 3.0 with a 0.5 hole
  ['b5', '测试园A', 1.3 / 10, 'declared', 'small', 'remove', 0, []], // 0.6 + 0.7 multipolygon
  ['b6', '测试园B', 0.8 / 2.1007579, 'measured', 'small', 'cut50', 0.5, ['floor-applied']], // 50 % = 0.4 < 0.5
  ['b7', '测试园B', 0.45 / 2.1007579, 'measured', 'small', 'cut50', 0.45, ['below-floor']],
  ['b8', '测试园A', 0.2291596 / 10, 'declared', 'small', 'remove', 0, ['split-across-subparks']], // 0.153 in A, 0.076 in B
  ['b9', null, null, null, 'small', null, null, ['outside-subparks']],
] as const;

const PROJ_AREAS: Record<string, number> = {
  b1: 1.0,
  b2: 2.5,
  b3: 2.0005,
  b4: 2.5,
  b5: 1.3,
  b6: 0.8,
  b7: 0.45,
  b8: 0.22915963663387298,
  b9: 1.2,
};

type Row = Record<string, unknown> & { warnings: string[] };

async function reportJson(...extra: string[]): Promise<Row[]> {
  const r = await main([BLOCKS, '--subparks', SUBPARKS, '--json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Row[];
}

const rows = await reportJson();

describe('report command line: the hand-worked table', () => {
  it.each(EXPECTED)('%s', (id, subpark, share, denominator, size, mode, retained, warnings) => {
    const r = rows.find((x) => x.id === id)!;
    expect(r.subpark).toBe(subpark);
    expect(r.shareDenominator).toBe(denominator);
    if (share === null) expect(r.shareOfSubpark).toBeNull();
    else expect(Math.abs((r.shareOfSubpark as number) / share - 1)).toBeLessThan(1e-5);
    expect(r.sizeClass).toBe(size);
    expect(r.mode).toBe(mode);
    if (retained === null) expect(r.retainedKm2).toBeNull();
    else expect(r.retainedKm2 as number).toBeCloseTo(retained, 5);
    // Warnings the table names must be there; in-(partly-)ecological-district depends on the district layer.
    const ruleWarnings = r.warnings.filter((w) => !w.includes('ecological'));
    expect(ruleWarnings.sort()).toEqual([...warnings].sort());
  });

  it('measures every block as PROJ does (1e-6), and reports hectares, mu and GK planar area', async () => {
    for (const r of rows) {
      expect(Math.abs((r.areaKm2 as number) / PROJ_AREAS[r.id as string]! - 1), r.id as string).toBeLessThan(
        1e-6,
      );
      expect(r.areaHa as number).toBeCloseTo((r.areaKm2 as number) * 100, 9);
      expect(r.areaMu as number).toBeCloseTo((r.areaKm2 as number) * 1500, 6);
      expect((r.planarAreaKm2 as number) / (r.areaKm2 as number)).toBeGreaterThan(1);
      expect((r.planarAreaKm2 as number) / (r.areaKm2 as number)).toBeLessThan(1.0005);
    }
  });

  it('lists the split block overlaps as PROJ measures them', async () => {
    const b8 = rows.find((x) => x.id === 'b8')!;
    const overlaps = b8.subparkOverlaps as { id: string; km2: number }[];
    expect(overlaps.map((o) => o.id)).toEqual(['A', 'B']);
    expect(overlaps[0]!.km2).toBeCloseTo(0.15277309115457535, 6);
    expect(overlaps[1]!.km2).toBeCloseTo(0.07638654559659958, 6);
  });

  it('reads exactly 20 % as low when asked', async () => {
    // Shift the judgement for b3 (20.005 %): unaffected, it is not exactly 20 %.
    const low = await reportJson('--share-at-threshold', 'low');
    expect(low.find((x) => x.id === 'b3')!.mode).toBe('cut25');
  });

  it('gives totals: union, national-zone overlap, and the ~718 km² figure', async () => {
    const r = await main([BLOCKS, '--subparks', SUBPARKS, '--json', '--with-totals']);
    const { totals } = JSON.parse(r.stdout) as { totals: Record<string, unknown> };
    const sum = Object.values(PROJ_AREAS).reduce((a, b) => a + b, 0);
    expect(totals.unionKm2 as number).toBeCloseTo(sum, 5); // the blocks do not overlap
    expect(totals.integrationFigure).toMatchObject({ km2: 718, source: 'seed002' });
    expect(totals.netOfNationalKm2 as number).toBeCloseTo(
      (totals.unionKm2 as number) - (totals.nationalOverlapKm2 as number),
      9,
    );
  });

  it('prints a readable table by default and CSV on request', async () => {
    const table = await main([BLOCKS, '--subparks', SUBPARKS]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/b2\s+2\.5 km² in A\s+2\.5000/);
    expect(table.stdout).toContain('cut25 压减25%');
    expect(table.stdout).toContain('integration figure ~718 km²');
    const csv = await main([BLOCKS, '--subparks', SUBPARKS, '--csv']);
    const [head, ...lines] = csv.stdout.trim().split('\n');
    expect(head!.split(',')).toEqual(
      expect.arrayContaining(['id', 'areaKm2', 'shareOfSubpark', 'mode', 'retainedKm2', 'warnings']),
    );
    expect(lines).toHaveLength(9);
  });
});

describe('report command line: indicators and evaluation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parkplan-report-'));
  const csv = join(dir, 'indicators.csv');
  // b1, b2, b4, b5 in 测试园A (其他分园): b5 worst on everything; 4 blocks → ceil(0.2) = 1 in the bottom.
  writeFileSync(
    csv,
    [
      'id,当年新增总收入,地均产出,人均产出,科技服务业企业营业收入,qualityFirms,人均技术合同成交额,企业研发投入强度,newTechSmes,实缴税费,新晋独角兽企业数,整改后仍不达标',
      'b1,10,10,10,10,10,10,10,10,10,10,否',
      'b2,8,8,8,8,8,8,8,8,8,8,否',
      'b4,5,5,5,5,5,5,5,5,5,5,否',
      'b5,1,1,1,1,1,1,1,1,1,1,是',
    ].join('\n'),
  );

  it('ranks within the class and flags the bottom 5 %: b5 is due for its verdict', async () => {
    const r = await main([BLOCKS, '--subparks', SUBPARKS, '--indicators', csv, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    const get = (id: string) => rows.find((x) => x.id === id)!;
    expect((get('b1').evaluation as { score: number; rank: number }).score).toBeCloseTo(120, 9);
    expect((get('b5').evaluation as { rank: number; bottom: boolean }).rank).toBe(4);
    expect((get('b5').evaluation as { bottom: boolean }).bottom).toBe(true);
    expect(get('b5').status).toBe('due');
    expect(get('b1').status).toBe('kept');
    expect(get('b3').status).toBe('preview'); // no indicators given
  });

  it('rejects a non-numeric indicator with the row and column', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,地均产出\nb1,lots\n');
    const r = await main([BLOCKS, '--indicators', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report: indicators row 2, column "地均产出": "lots" is not a number\n');
  });
});

describe('report command line: bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parkplan-bad-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const square = (x: number, y: number, d = 0.01) => [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];

  it.each([
    [
      'a missing file',
      () => join(dir, 'nope.geojson'),
      /cannot read blocks file .*nope\.geojson: no such file/,
    ],
    [
      'broken JSON',
      () => write('broken.geojson', '{"type": "FeatureCollection", "features": ['),
      /is not valid JSON/,
    ],
    [
      'not GeoJSON',
      () => write('list.json', '[1,2,3]'),
      /is not GeoJSON: neither a FeatureCollection, a Feature nor a geometry/,
    ],
    [
      'projected metres',
      () =>
        write(
          'metres.geojson',
          JSON.stringify({
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: {},
                geometry: { type: 'Polygon', coordinates: [square(440000, 4420000, 1000)] },
              },
            ],
          }),
        ),
      /longitude 440000 is outside −180…180.*reproject to WGS84/,
    ],
    [
      'NaN coordinates',
      () =>
        write(
          'nan.geojson',
          '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[116.4,39.9],[116.5,39.9],[116.5,"x"],[116.4,39.9]]]}}]}',
        ),
      /feature 1/,
    ],
    [
      'a point instead of a polygon',
      () =>
        write(
          'point.geojson',
          JSON.stringify({
            type: 'FeatureCollection',
            features: [
              { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
            ],
          }),
        ),
      /feature 1 is a Point; blocks must be Polygon or MultiPolygon/,
    ],
    [
      'a block in Shanghai',
      () =>
        write(
          'shanghai.geojson',
          JSON.stringify({
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: {},
                geometry: { type: 'Polygon', coordinates: [square(121.4, 31.2)] },
              },
            ],
          }),
        ),
      /outside the expected extent.*WGS84 lon\/lat in Beijing/,
    ],
    [
      'a lone .shp (zip it with its parts)',
      () => write('blocks.shp', 'x'),
      /\.shp files are not read yet.*zipped Shapefile/,
    ],
  ])('%s: one line on stderr, exit 2, no stack trace', async (_label, make, message) => {
    const r = await main([make()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack with --debug', async () => {
    const r = await main([join(dir, 'nope.geojson'), '--debug']);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('runs as npm run report, with the exit code and one stderr line', async () => {
    const ok = execFileSync('npx', ['tsx', 'src/cli/report.ts', BLOCKS, '--subparks', SUBPARKS, '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(ok)).toHaveLength(9);
    const bad = spawnSync('npx', ['tsx', 'src/cli/report.ts', join(dir, 'nope.geojson')], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(
      bad.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('report:')),
    ).toHaveLength(1);
  });
});

describe('report command line: a CAD Shapefile in CGCS2000 Gauss-Krüger with GBK attributes', () => {
  // Expected areas: PROJ geodesic areas of the polygons GDAL projected (test/fixtures/shapefile/expected.json).
  const expected = JSON.parse(readFileSync('test/fixtures/shapefile/expected.json', 'utf8'))
    .expected as Record<string, { projGeodesicKm2: number }>;

  it('gives QGIS areas and the verdicts worked by hand', async () => {
    const r = await main(['test/fixtures/shapefile/gk117-gbk.zip', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/converted from EPSG:4548 .*GBK/);
    const rows = JSON.parse(r.stdout) as Row[];
    const zgc = rows.find((x) => x.name === '中关村南区块')!;
    const dzc = rows.find((x) => x.name === '电子城北区块')!;
    expect(Math.abs((zgc.areaKm2 as number) / expected['ZGC-01']!.projGeodesicKm2 - 1)).toBeLessThan(1e-6);
    expect(Math.abs((dzc.areaKm2 as number) / expected['DZC-02']!.projGeodesicKm2 - 1)).toBeLessThan(1e-6);
    // 0.99 km² in 海淀园 (no declared area): share under 1 %, ≤ 2 km² → removed.
    expect(zgc).toMatchObject({
      subpark: '海淀园',
      shareDenominator: 'measured',
      sizeClass: 'small',
      mode: 'remove',
    });
    // 2.78 km² (with a hole) in 朝阳园, declared 26.1 km²: 10.7 % → > 2 km² and < 20 % → cut by 50 %.
    expect(dzc).toMatchObject({
      subpark: '朝阳园',
      shareDenominator: 'declared',
      sizeClass: 'large',
      mode: 'cut50',
    });
    expect(dzc.shareOfSubpark as number).toBeCloseTo(expected['DZC-02']!.projGeodesicKm2 / 26.1, 6);
    expect(dzc.retainedKm2 as number).toBeCloseTo(expected['DZC-02']!.projGeodesicKm2 / 2, 6);
  });

  it('refuses a Beijing 1954 Shapefile with one line naming the datum', async () => {
    const r = await main(['test/fixtures/shapefile/beijing54.zip']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^report: .*Beijing_1954.*export the file in CGCS2000 or WGS84\n$/);
  });
});

describe('report command line: --crs', () => {
  it('reads a GCJ-02 file with --crs gcj02 and rejects an unknown datum', async () => {
    const r = await main(['test/fixtures/import/amap-gcj02.geojson', '--crs', 'gcj02', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/GCJ-02/);
    const bad = await main(['test/fixtures/import/amap-gcj02.geojson', '--crs', 'beijing54']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('report: --crs must be one of wgs84, gcj02, bd09 (got "beijing54")\n');
  });
});

describe('report command line: geometry checks', () => {
  it('reports a bow-tie and an overlap as notes on stderr, and still measures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkplan-checks-'));
    const file = join(dir, 'checks.geojson');
    const sq = (x0: number, x1: number) => [
      [
        [x0, 39.98],
        [x1, 39.98],
        [x1, 39.99],
        [x0, 39.99],
        [x0, 39.98],
      ],
    ];
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'A', name: '甲' },
            geometry: { type: 'Polygon', coordinates: sq(116.3, 116.32) },
          },
          {
            type: 'Feature',
            properties: { id: 'B', name: '乙' },
            geometry: { type: 'Polygon', coordinates: sq(116.31, 116.33) },
          },
          {
            type: 'Feature',
            properties: { id: 'C', name: '丙' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [116.34, 39.98],
                  [116.36, 39.99],
                  [116.36, 39.98],
                  [116.34, 39.99],
                  [116.34, 39.98],
                ],
              ],
            },
          },
        ],
      }),
    );
    const r = await main([file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(3);
    expect(r.stderr).toMatch(/report: note: check: 乙: overlaps 甲 by \d+\.\d m²/);
    expect(r.stderr).toMatch(
      /report: note: check: 丙: boundary crosses itself \(1 point\(s\), first near 116\.350000, 39\.985000\)/,
    );
    // The bow-tie's halves cancel in the ring formula: it has no area, share or verdict until
    // mended, and its mended area is the two triangles' (GeographicLib).
    const c = (JSON.parse(r.stdout) as Row[])[2]!;
    expect(c).toMatchObject({
      areaKm2: null,
      status: 'needs-repair',
      mode: null,
      subpark: null,
      sizeClass: null,
    });
    const triangles =
      geographicLibKm2([
        [116.34, 39.98],
        [116.35, 39.985],
        [116.34, 39.99],
        [116.34, 39.98],
      ]) +
      geographicLibKm2([
        [116.35, 39.985],
        [116.36, 39.98],
        [116.36, 39.99],
        [116.35, 39.985],
      ]);
    expect(Math.abs((c.mendedAreaKm2 as number) / triangles - 1)).toBeLessThan(1e-6);
    expect(c.warnings).toEqual(['self-intersection']);
  });
});

describe('report command line: XLSX', () => {
  it('measures the blocks of a GDAL-written workbook with a WKT column', async () => {
    const r = await main(['test/fixtures/xlsx/wkt-blocks.xlsx', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    expect(rows.map((x) => [x.name, x.subpark, x.mode])).toEqual([
      ['中关村测试区块', '海淀园', 'remove'],
      ['电子城测试区块', '朝阳园', 'cut50'],
    ]);
  });
});

describe('report command line: coordinates that miss Beijing', () => {
  it('names the likely reading and the flags for it, then measures with them', async () => {
    const bad = await main(['test/fixtures/import/gk4527-no-crs.csv', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/EPSG:4527.*--crs epsg:4527/);
    const ok = await main(['test/fixtures/import/gk4527-no-crs.csv', '--crs', 'epsg:4527', '--json']);
    expect(ok.code).toBe(0);
    const rows = JSON.parse(ok.stdout) as Row[];
    expect(rows[0]!.areaKm2 as number).toBeCloseTo(0.9901009168548583, 6);
    const swapped = await main(['test/fixtures/import/swapped.geojson', '--swap-axes', '--json']);
    expect(swapped.code).toBe(0);
    expect((JSON.parse(swapped.stdout) as Row[]).map((r) => r.subpark)).toEqual(['海淀园', '朝阳园']);
    const wrongZone = await main(['test/fixtures/import/gk4527-no-crs.csv', '--crs', 'epsg:3857']);
    expect(wrongZone.stderr).toMatch(/not a CGCS2000 Gauss-Krüger zone for Beijing/);
  });
});
