import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/universal';
import { idleCount, launch, offlinePage, openApp, waitForIdle } from './chromium';
import { IMPORT_LABEL, geographicLibKm2 } from './oracle';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

const rows = () => page.getByRole('table', { name: '候选区块列表' }).getByRole('row');
const bodyRows = async () => (await rows().count()) - 1;
const saved = () => page.getByRole('status').filter({ hasText: '已保存到本机' }).waitFor();

beforeAll(async () => {
  browser = await launch();
  ({ context, page, consoleErrors } = await offlinePage(browser, baseUrl));
  await page.goto(baseUrl);
  await waitForIdle(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('planner workflow: import, undo, persist, draw', () => {
  it('imports a GeoJSON file through the file picker and shows each block with its verdict', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/two-blocks.geojson');
    await page.getByRole('status').filter({ hasText: '已从 two-blocks.geojson 导入 2 个区块' }).waitFor();
    await page
      .getByRole('row', { name: /中关村测试区块/ })
      .getByText('直接淘汰')
      .waitFor();
    expect(await bodyRows()).toBe(2);
    // 1 km² in 海淀园 (share < 20 %, ≤ 2 km²): removed. ~3 km² in 朝阳园 (26.1 km² declared: 11.5 %): cut by 50 %.
    const fc = JSON.parse(readFileSync('test/fixtures/import/two-blocks.geojson', 'utf8')) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    const a1 = geographicLibKm2(fc.features[0]!.geometry.coordinates[0]!);
    const a2 = geographicLibKm2(fc.features[1]!.geometry.coordinates[0]!);
    const r1 = page.getByRole('row', { name: /中关村测试区块/ });
    const r2 = page.getByRole('row', { name: /电子城测试区块/ });
    await expect(r1.getByRole('cell').nth(0).textContent()).resolves.toBe('海淀园');
    expect(Number(await r1.getByRole('cell').nth(1).textContent())).toBeCloseTo(a1, 3);
    await r2.getByText('压减50%').waitFor();
    expect(Number(await r2.getByRole('cell').nth(1).textContent())).toBeCloseTo(a2, 3);
    expect(await r2.getByRole('cell').nth(2).textContent()).toBe(`${((a2 / 26.1) * 100).toFixed(1)}%`);
    // The block source's bounds, by MapLibre as built here (its getGeoJSONBounds is replaced: vite-plugins/).
    const all = fc.features.flatMap((f) => f.geometry.coordinates[0]!);
    const [xs, ys] = [all.map((p) => p[0]!), all.map((p) => p[1]!)];
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const source = window.__parkplan!.map.getSource('blocks') as unknown as {
            getBounds(): Promise<{ toArray(): number[][] }>;
          };
          return (await source.getBounds()).toArray().flat();
        }),
      )
      .toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  });

  it('names a block on the map only where its name fits inside it, and outlines the selected block', async () => {
    const fc = JSON.parse(readFileSync('test/fixtures/import/two-blocks.geojson', 'utf8')) as {
      features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[];
    };
    const ring = fc.features[0]!.geometry.coordinates[0]!;
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    /** At this zoom: the block's size on screen (MapLibre's own projection) and the names drawn. */
    const at = (zoom: number) =>
      page.evaluate(
        async ([z, box]) => {
          const map = window.__parkplan!.map;
          map.jumpTo({
            center: [(box[0] + box[1]) / 2, (box[2] + box[3]) / 2],
            zoom: z,
            bearing: 0,
            pitch: 0,
          });
          await new Promise<void>((r) => map.once('idle', () => r()));
          const a = map.project([box[0], box[3]]);
          const b = map.project([box[1], box[2]]);
          const names = map
            .queryRenderedFeatures(undefined, { layers: ['blocks-label'] })
            .map((f) => f.properties.name as string);
          return { width: b.x - a.x, height: b.y - a.y, names };
        },
        [zoom, [w, e, s, n]] as const,
      );
    const name = fc.features[0]!.properties.name;
    // Too small for a 48 × 16 px name at zoom 10; whole zooms where it fits carry the name.
    const far = await at(10);
    expect(far.width).toBeLessThan(48);
    expect(far.names).not.toContain(name);
    const near = await at(13);
    expect(near.width).toBeGreaterThanOrEqual(48);
    expect(near.height).toBeGreaterThanOrEqual(16);
    expect(near.names).toContain(name);

    // Selecting it draws its heavy outline (a source of its own); nothing else carries one.
    await page.getByRole('row', { name: new RegExp(name) }).click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            window.__parkplan!.map.queryRenderedFeatures(undefined, { layers: ['blocks-selected-line'] })
              .length,
        ),
      )
      .toBeGreaterThan(0);
    // …and deepens its colour with a fill of its own, in the colour of its verdict.
    const deepened = await page.evaluate(() => {
      const map = window.__parkplan!.map;
      const fill = map.queryRenderedFeatures(undefined, { layers: ['blocks-selected-fill'] });
      const id = fill[0]?.properties.id as string | undefined;
      const own = map.querySourceFeatures('blocks', { filter: ['==', ['get', 'id'], id ?? ''] });
      return {
        ids: [...new Set(fill.map((f) => f.properties.id))],
        mode: fill[0]?.properties.mode,
        blockMode: own[0]?.properties.mode,
      };
    });
    expect(deepened.ids).toHaveLength(1);
    expect(deepened.mode).toBe(deepened.blockMode);
    await page.keyboard.press('Escape');
  });

  it('refuses a broken file and a point file with a clear message, keeping the blocks', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/broken.geojson');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /^broken\.geojson：文件不是有效的 JSON（第 \d+ 行第 \d+ 列附近）/,
    );
    expect(await bodyRows()).toBe(2);
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/point.geojson');
    await page
      .getByRole('alert')
      .filter({ hasText: 'point.geojson：第 1 个要素是点（Point），区块必须是面' })
      .waitFor();
    expect(await bodyRows()).toBe(2);
  });

  it('undoes and redoes with the buttons and with Ctrl+Z / Ctrl+Shift+Z', async () => {
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(bodyRows).toBe(0);
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(bodyRows).toBe(2);
    await page.getByRole('heading', { name: '候选区块' }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(bodyRows).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(bodyRows).toBe(2);
  });

  it('assesses an imported block brought back by undo as it did before it was deleted', async () => {
    // The analysis worker lets go of a deleted block; undo sends it again, cut out of its import's pack.
    const fc = JSON.parse(readFileSync('test/fixtures/import/two-blocks.geojson', 'utf8')) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    const a2 = geographicLibKm2(fc.features[1]!.geometry.coordinates[0]!);
    await page.getByRole('row', { name: /电子城测试区块/ }).click();
    await page.getByRole('button', { name: '删除所选' }).click();
    await expect.poll(bodyRows).toBe(1);
    await page
      .getByRole('row', { name: /中关村测试区块/ })
      .getByText('直接淘汰')
      .waitFor();
    await page.getByRole('button', { name: '撤销' }).click();
    const r2 = page.getByRole('row', { name: /电子城测试区块/ });
    await r2.getByText('压减50%').waitFor();
    expect(Number(await r2.getByRole('cell').nth(1).textContent())).toBeCloseTo(a2, 3);
    expect(await bodyRows()).toBe(2);
  });

  it('finds every block again after a reload', async () => {
    await saved();
    await page.reload();
    await waitForIdle(page);
    await page
      .getByRole('row', { name: /电子城测试区块/ })
      .getByText('压减50%')
      .waitFor();
    expect(await bodyRows()).toBe(2);
  });

  it('draws a polygon with the mouse, shows a live readout, and measures it as GeographicLib does', async () => {
    let n = await idleCount(page);
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.36, 39.99], zoom: 13 }));
    await waitForIdle(page, n);
    // Snapping would move vertices near sub-park edges onto them; it has its own test (edit.test.ts).
    await page.getByRole('checkbox', { name: '吸附到区块和分园的顶点与边' }).uncheck();
    await page.getByRole('button', { name: '绘制多边形' }).click();
    // The drawing engine loads on first use: clicks before it is attached would be lost.
    await page.waitForFunction(() => !!window.__parkplan?.draw);
    const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2 - 60;
    // 100 × 80 px at zoom 13 (~14.6 m/px at 40°N): about 1.5 × 1.2 km.
    const pts: [number, number][] = [
      [cx - 50, cy - 40],
      [cx + 50, cy - 40],
      [cx + 50, cy + 40],
      [cx - 50, cy + 40],
    ];
    for (const [x, y] of pts) {
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.click(x, y);
    }
    await page.mouse.move(cx + 10, cy + 10, { steps: 4 });
    await page.getByRole('status', { name: '绘制读数' }).waitFor();
    await expect(page.getByRole('status', { name: '绘制读数' }).textContent()).resolves.toMatch(
      /km².*公顷.*亩/,
    );
    // Close the ring on its first vertex.
    await page.mouse.move(pts[0]![0], pts[0]![1], { steps: 4 });
    await page.mouse.click(pts[0]![0], pts[0]![1]);
    await expect.poll(bodyRows).toBe(3);
    // The vertices the map put under those pixels, measured independently.
    const ring = await page.evaluate(
      ([ps, left, top]) => {
        const m = window.__parkplan!.map;
        const r = (ps as [number, number][]).map(([x, y]) =>
          m.unproject([x - (left as number), y - (top as number)]).toArray(),
        );
        return [...r, r[0]!];
      },
      [pts, box.x, box.y] as const,
    );
    const expected = geographicLibKm2(ring);
    const row = page.getByRole('row', { name: /区块3/ });
    // ~1.7 km² (≤ 2) in 海淀园, a share far below 20 %: removed outright.
    expect(expected).toBeLessThan(2);
    await row.getByText('直接淘汰').waitFor();
    expect(Number(await row.getByRole('cell').nth(1).textContent())).toBeCloseTo(expected, 3);
    await page.getByRole('button', { name: '绘制多边形' }).click();
    n = await idleCount(page);
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.4, 40.1], zoom: 8 }));
    await waitForIdle(page, n);
  });

  it('deletes the selected block, undoably, and logs no console error', async () => {
    await page.getByRole('row', { name: /区块3/ }).click();
    await page.getByRole('button', { name: '删除所选' }).click();
    await expect.poll(bodyRows).toBe(2);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(bodyRows).toBe(3);
    expect(consoleErrors).toEqual([]);
    void context;
  });
});

describe('planner workflow: a CAD Shapefile', () => {
  it('imports a zipped CGCS2000 Gauss-Krüger Shapefile with GBK names and shows QGIS areas and verdicts', async () => {
    const expected = JSON.parse(readFileSync('test/fixtures/shapefile/expected.json', 'utf8'))
      .expected as Record<string, { projGeodesicKm2: number }>;
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/shapefile/gk117-gbk.zip');
    await page.getByRole('status').filter({ hasText: 'EPSG:4548' }).waitFor();
    const zgc = page.getByRole('row', { name: /中关村南区块/ });
    const dzc = page.getByRole('row', { name: /电子城北区块/ });
    await zgc.getByText('直接淘汰').waitFor();
    await dzc.getByText('压减50%').waitFor();
    expect(Number(await zgc.getByRole('cell').nth(1).textContent())).toBeCloseTo(
      expected['ZGC-01']!.projGeodesicKm2,
      3,
    );
    expect(Number(await dzc.getByRole('cell').nth(1).textContent())).toBeCloseTo(
      expected['DZC-02']!.projGeodesicKm2,
      3,
    );
  });
});

describe('planner workflow: a block traced on Amap', () => {
  it('lands where the place is in WGS84 when GCJ-02 is chosen', async () => {
    await page.getByLabel('导入坐标系').selectOption('gcj02');
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/amap-gcj02.geojson');
    await page.getByRole('status').filter({ hasText: 'GCJ-02' }).waitFor();
    await page.getByRole('row', { name: /高德描绘区块/ }).waitFor();
    // What the map draws (its data reaches the map a few tasks after the table).
    const drawn = () =>
      page.evaluate(async () => {
        const src = window.__parkplan!.map.getSource('blocks') as import('maplibre-gl').GeoJSONSource;
        const data = (await src.getData()) as GeoJSON.FeatureCollection;
        const f = data.features.find((x) => x.properties?.name === '高德描绘区块');
        return f ? (f.geometry as GeoJSON.Polygon).coordinates[0]![0]! : null;
      });
    await expect.poll(drawn).not.toBeNull();
    const first = (await drawn())!;
    // Wikipedia: Gaode 116.3414, 39.7269 is WGS84 116.33543, 39.7254.
    expect(Math.abs(first[0]! - 116.33543)).toBeLessThan(3e-4);
    expect(Math.abs(first[1]! - 39.7254)).toBeLessThan(3e-4);
    await page.getByLabel('导入坐标系').selectOption('wgs84');
  });

  it("the map's style, as the print reads it, holds every block in the table", async () => {
    const rows = (await page.getByRole('table', { name: '候选区块列表' }).getByRole('row').count()) - 1;
    // Through JSON, as a copy of the style would be made: the block source's data is built when read.
    const names = () =>
      page.evaluate(() => {
        const style = JSON.parse(JSON.stringify(window.__parkplan!.map.getStyle())) as {
          sources: Record<string, { data: GeoJSON.FeatureCollection }>;
        };
        return style.sources.blocks!.data.features.map((f) => String(f.properties?.name));
      });
    await expect.poll(async () => (await names()).length).toBe(rows);
    expect(await names()).toContain('高德描绘区块');
  });
});

describe('planner workflow: export', () => {
  it('exports GeoJSON that re-imports with identical areas, and CSV with the verdicts', async () => {
    const before = await page.getByRole('table', { name: '候选区块列表' }).getByRole('row').allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 GeoJSON' }).click(),
    ]);
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8')) as GeoJSON.FeatureCollection;
    expect(exported.features.length).toBe(before.length - 1);
    // The block's own attributes as they came; ParkPlan's fields beside them under pp_….
    const zgc = exported.features.find((f) => f.properties?.pp_name === '中关村南区块')!;
    expect(zgc.properties).toMatchObject({ pp_subpark: '海淀园', pp_mode: 'remove', 编号: 'ZGC-01' });

    // Re-import into a fresh page: same blocks, same areas.
    const fresh = await openApp(browser, baseUrl);
    await fresh.page.getByLabel(IMPORT_LABEL).setInputFiles({
      name: 'exported.geojson',
      mimeType: 'application/geo+json',
      buffer: readFileSync(path),
    });
    await fresh.page
      .getByRole('row', { name: /中关村南区块/ })
      .getByText('直接淘汰')
      .waitFor();
    for (const f of exported.features) {
      const row = fresh.page.getByRole('row', { name: new RegExp(String(f.properties!.pp_name)) });
      expect(Number(await row.getByRole('cell').nth(1).textContent())).toBeCloseTo(
        f.properties!.pp_km2 as number,
        3,
      );
    }
    await fresh.context.close();

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // Headed in Chinese, the verdict in words, the geometry as WKT in the last column.
    expect(text.split('\r\n')[0]).toMatch(/区块名称,量算面积（km²）.*,调整模式,.*,几何（WKT）$/);
    expect(text).toMatch(/中关村南区块,[\d.]+,.*,海淀园,.*,直接淘汰,.*"POLYGON \(\(/);
  });
});

describe('planner workflow: KML, Shapefile and Excel export', () => {
  it('exports KML and a zipped Shapefile that re-import with the same areas, and an Excel table', async () => {
    const download = async (name: string) => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      return { file: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
    };
    const table = page.getByRole('table', { name: '候选区块列表' });
    const areas = async (p: Page) => {
      const out: Record<string, number> = {};
      const body = p
        .getByRole('table', { name: '候选区块列表' })
        .getByRole('row')
        .filter({ has: p.getByRole('rowheader') });
      for (const row of await body.all()) {
        out[(await row.getByRole('rowheader').textContent())!] = Number(
          await row.getByRole('cell').nth(1).textContent(),
        );
      }
      return out;
    };
    await table.getByRole('row', { name: /中关村南区块/ }).waitFor();
    const expected = await areas(page);
    const kml = await download('导出 KML');
    const shp = await download('导出 Shapefile（zip）');
    expect(kml.file).toMatch(/\.kml$/);
    expect(shp.file).toMatch(/\.zip$/);
    for (const f of [kml, shp]) {
      const fresh = await openApp(browser, baseUrl);
      await fresh.page
        .getByLabel(IMPORT_LABEL)
        .setInputFiles({ name: f.file, mimeType: 'application/octet-stream', buffer: f.bytes });
      await fresh.page
        .getByRole('row', { name: /中关村南区块/ })
        .getByText('直接淘汰')
        .waitFor();
      expect(await areas(fresh.page)).toEqual(expected);
      await fresh.context.close();
    }
    const xlsx = await download('导出 Excel');
    expect(xlsx.file).toMatch(/\.xlsx$/);
    const rows = await readSheet(new Uint8Array(xlsx.bytes).buffer);
    const header = rows[0] as string[];
    const zgc = rows.find((r) => r[header.indexOf('区块名称')] === '中关村南区块')!;
    expect(zgc[header.indexOf('所在分园')]).toBe('海淀园');
    expect(zgc[header.indexOf('调整模式')]).toBe('直接淘汰');
    expect(Number(zgc[header.indexOf('量算面积（km²）')])).toBeCloseTo(expected['中关村南区块']!, 3);
  });

  it('imports an Excel workbook with a WKT column (written by GDAL)', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/xlsx/wkt-blocks.xlsx');
    await page.getByRole('status').filter({ hasText: '已从 wkt-blocks.xlsx 导入 2 个区块' }).waitFor();
    await page.getByRole('button', { name: '撤销' }).click();
  });
});

describe('planner workflow: scenarios', () => {
  it('duplicates a scenario, edits the copy, switches back, and compares verdicts side by side', async () => {
    const original = await bodyRows();
    await page.getByRole('button', { name: '复制方案' }).click();
    await expect(page.getByLabel('当前方案').inputValue()).resolves.toBe('s2');
    await expect.poll(bodyRows).toBe(original);
    // Rename the copy, then delete one block from it.
    await page.getByLabel('方案名称').fill('压减方案');
    await page.getByLabel('方案名称').press('Enter');
    await page
      .getByLabel('当前方案')
      .getByRole('option', { name: '压减方案' })
      .waitFor({ state: 'attached' });
    await page.getByRole('row', { name: /中关村南区块/ }).click();
    await page.getByRole('button', { name: '删除所选' }).click();
    await expect.poll(bodyRows).toBe(original - 1);
    // Compare with the original: the deleted block's verdict differs (removed → absent).
    await page.getByLabel('对比方案').selectOption('s1');
    const cmp = page.getByRole('region', { name: '方案对比' });
    await cmp.getByText('调整结论不同的区块：1 个').waitFor();
    await expect(cmp.getByRole('listitem').textContent()).resolves.toBe(
      '中关村南区块: （无此区块） → 直接淘汰',
    );
    // Switch back: the original still has every block.
    await page.getByLabel('当前方案').selectOption('s1');
    await expect.poll(bodyRows).toBe(original);
    await saved();
    await page.reload();
    await waitForIdle(page);
    await page
      .getByLabel('当前方案')
      .getByRole('option', { name: '压减方案' })
      .waitFor({ state: 'attached' });
    await expect.poll(bodyRows).toBe(original);
  });
});

describe('planner workflow: KMZ', () => {
  it('imports a KMZ with Chinese names, and refuses a KML with an external entity', async () => {
    await page.getByLabel('导入坐标系').selectOption('wgs84');
    const before = await bodyRows();
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/kml/xxe.kml');
    await page.getByRole('alert').filter({ hasText: 'DOCTYPE/ENTITY' }).waitFor();
    expect(await bodyRows()).toBe(before);
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/kml/blocks.kmz');
    await page.getByRole('status').filter({ hasText: '已从 blocks.kmz 导入 2 个区块' }).waitFor();
    await expect.poll(bodyRows).toBe(before + 2);
  });
});

describe('planner workflow: CSV', () => {
  it('imports boundary points from a GBK CSV and names the bad row of a broken WKT table', async () => {
    const before = await bodyRows();
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/csv/broken-wkt.csv');
    await page.getByRole('alert').filter({ hasText: 'CSV 第 3 行“wkt”列' }).waitFor();
    expect(await bodyRows()).toBe(before);
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/csv/points-gbk.csv');
    await page.getByRole('status').filter({ hasText: '已从 points-gbk.csv 导入 1 个区块' }).waitFor();
    await expect.poll(bodyRows).toBe(before + 1);
  });
});

describe('planner workflow: drop a file, draw a rectangle', () => {
  it('imports a file dropped on the map', async () => {
    const before = await bodyRows();
    const text = readFileSync('test/fixtures/import/two-blocks.geojson', 'utf8');
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'dropped.geojson', { type: 'application/geo+json' }));
      return d;
    }, text);
    const map = page.getByRole('region', { name: '园区规划一张图' });
    await map.dispatchEvent('dragover', { dataTransfer: dt });
    await map.dispatchEvent('drop', { dataTransfer: dt });
    await page.getByRole('status').filter({ hasText: '已从 dropped.geojson 导入 2 个区块' }).waitFor();
    await expect.poll(bodyRows).toBe(before + 2);
  });

  it('draws a rectangle with two clicks and measures it as GeographicLib does', async () => {
    const before = await bodyRows();
    let n = await idleCount(page);
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.49, 39.99], zoom: 13 }));
    await waitForIdle(page, n);
    await page.getByRole('button', { name: '绘制矩形' }).click();
    // The drawing engine loads on first use: clicks before it is attached would be lost.
    await page.waitForFunction(() => !!window.__parkplan?.draw);
    const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
    const a: [number, number] = [box.x + box.width / 2 - 40, box.y + box.height / 2 - 90];
    const b: [number, number] = [box.x + box.width / 2 + 40, box.y + box.height / 2 - 30];
    await page.mouse.move(a[0], a[1], { steps: 3 });
    await page.mouse.click(a[0], a[1]);
    await page.mouse.move(b[0], b[1], { steps: 6 });
    await page.mouse.click(b[0], b[1]);
    await expect.poll(bodyRows).toBe(before + 1);
    const [sw, ne] = await page.evaluate(
      ([p, q, left, top]) => {
        const m = window.__parkplan!.map;
        const u = m.unproject([
          (p as number[])[0]! - (left as number),
          (p as number[])[1]! - (top as number),
        ]);
        const v = m.unproject([
          (q as number[])[0]! - (left as number),
          (q as number[])[1]! - (top as number),
        ]);
        return [u.toArray(), v.toArray()];
      },
      [a, b, box.x, box.y] as const,
    );
    const ring = [
      [sw![0]!, sw![1]!],
      [ne![0]!, sw![1]!],
      [ne![0]!, ne![1]!],
      [sw![0]!, ne![1]!],
      [sw![0]!, sw![1]!],
    ];
    const rows = page.getByRole('table', { name: '候选区块列表' }).getByRole('row');
    const last = rows.nth(before + 1);
    // ~0.26 km² in 朝阳园 (26.1 km² declared): about 1 %, ≤ 2 km² → removed outright.
    await last.getByText('直接淘汰').waitFor();
    expect(Number(await last.getByRole('cell').nth(1).textContent())).toBeCloseTo(geographicLibKm2(ring), 3);
    await page.getByRole('button', { name: '绘制矩形' }).click();
    n = await idleCount(page);
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.4, 40.1], zoom: 8 }));
    await waitForIdle(page, n);
  });
});

describe('planner workflow: table sorting and totals by sub-park', () => {
  it('sorts by area and by verdict from the column headers, and totals by sub-park', async () => {
    const table = page.getByRole('table', { name: '候选区块列表' });
    const areas = async () =>
      (await table.getByRole('row').allTextContents()).length > 1
        ? await Promise.all(
            (await table.getByRole('row').all())
              .slice(1)
              .map(async (r) => Number(await r.getByRole('cell').nth(1).textContent())),
          )
        : [];
    await table.getByRole('button', { name: '面积 km²' }).click();
    await expect(
      table.getByRole('columnheader', { name: '面积 km²' }).getAttribute('aria-sort'),
    ).resolves.toBe('descending');
    const desc = await areas();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await table.getByRole('button', { name: '面积 km²' }).click();
    const asc = await areas();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    // Harshest verdict first: every 直接淘汰 row comes before any 压减 row.
    await table.getByRole('button', { name: '调整模式' }).click();
    const modes = await Promise.all(
      (await table.getByRole('row').all()).slice(1).map((r) => r.getByRole('cell').nth(3).textContent()),
    );
    const lastRemove = modes.map((m) => m?.includes('直接淘汰')).lastIndexOf(true);
    const firstCut = modes.findIndex((m) => m?.includes('压减'));
    expect(lastRemove).toBeLessThan(firstCut);
    // Totals by sub-park: 朝阳园 has blocks.
    await page.getByText('按分园汇总（保留面积为全部按模式调整后）').click();
    const bySub = page.getByRole('table', { name: '按分园汇总（保留面积为全部按模式调整后）' });
    await bySub.getByRole('row', { name: /朝阳园/ }).waitFor();
  });
});
