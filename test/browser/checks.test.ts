import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './chromium';
import { IMPORT_LABEL, geographicLibKm2 } from './oracle';

/**
 * Checks and repair: test/fixtures/import/problems.geojson holds 甲 and 乙,
 * two 0.005° × 0.004° rectangles in 海淀园 overlapping by 0.002° × 0.004°,
 * and 丙, a bow-tie crossing itself at (116.3297, 39.9875).
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

const sq = (a: number, b: number, c: number, d: number) => [
  [a, b],
  [c, b],
  [c, d],
  [a, d],
  [a, b],
];

const problems = () => page.getByRole('list', { name: '问题列表' }).getByRole('listitem');
const areaOf = async (name: RegExp) =>
  Number(await page.getByRole('row', { name }).getByRole('cell').nth(1).textContent());

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
});

afterAll(async () => {
  await browser?.close();
});

describe('checks and repair', () => {
  it('imports a file with a bow-tie and an overlap, and lists both with their blocks', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/problems.geojson');
    await page.getByRole('heading', { name: '检查（2 个问题）' }).waitFor();
    expect(await problems().allTextContents()).toEqual([
      expect.stringMatching(/^乙区块 与“甲区块”重叠 [\d.]+ m²从本区块中扣除重叠部分$/),
      expect.stringMatching(/^丙区块（自相交） 边界自相交（1 处），面积不可靠修复自相交$/),
    ]);
    const overlapM2 = Number(/重叠 ([\d.]+) m²/.exec((await problems().first().textContent())!)![1]);
    expect(overlapM2 / 1e6).toBeCloseTo(geographicLibKm2(sq(116.3302, 39.9805, 116.3322, 39.9845)), 5);
  });

  it('shows no area for the bow-tie but 需先修复 with the mended area, and no verdict', async () => {
    const row = page.getByRole('row', { name: /丙区块/ });
    const area = row.getByRole('cell').nth(1);
    await expect.poll(() => area.textContent()).toMatch(/^需先修复（修复后 [\d.]+ km²）$/);
    const mended = Number(/修复后 ([\d.]+) km²/.exec((await area.textContent())!)![1]);
    expect(mended).toBeCloseTo(
      geographicLibKm2([
        [116.3272, 39.9855],
        [116.3297, 39.9875],
        [116.3272, 39.9895],
        [116.3272, 39.9855],
      ]) +
        geographicLibKm2([
          [116.3297, 39.9875],
          [116.3322, 39.9895],
          [116.3322, 39.9855],
          [116.3297, 39.9875],
        ]),
      3,
    );
    // No sub-park, share or verdict is worked out from an area that means nothing.
    await expect(row.getByRole('cell').nth(0).textContent()).resolves.toBe('—');
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe('需先修复');
  });

  it('zooms to the crossing when its block name is clicked, and selects the block', async () => {
    await page.getByRole('button', { name: /在地图上定位：丙区块（自相交），边界自相交/ }).click();
    // The camera flies there; wait until it has arrived.
    await page.waitForFunction(() => {
      const m = window.__parkplan!.map;
      return !m.isMoving() && m.getZoom() >= 16;
    });
    const cam = await page.evaluate(() => {
      const m = window.__parkplan!.map;
      return { ...m.getCenter(), zoom: m.getZoom() };
    });
    expect(cam.lng).toBeCloseTo(116.3297, 4);
    expect(cam.lat).toBeCloseTo(39.9875, 4);
    expect(cam.zoom).toBeGreaterThanOrEqual(16);
    await expect(page.getByRole('row', { name: /丙区块/ }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
  });

  it('mends the bow-tie in one click (its two lobes), and undo brings the crossing back', async () => {
    await page.getByRole('button', { name: '修复自相交 — 丙区块（自相交）' }).click();
    await page.getByRole('heading', { name: '检查（1 个问题）' }).waitFor();
    // Lobes: triangles left and right of the crossing.
    const lobes =
      geographicLibKm2([
        [116.3272, 39.9855],
        [116.3297, 39.9875],
        [116.3272, 39.9895],
        [116.3272, 39.9855],
      ]) +
      geographicLibKm2([
        [116.3297, 39.9875],
        [116.3322, 39.9895],
        [116.3322, 39.9855],
        [116.3297, 39.9875],
      ]);
    await expect.poll(() => areaOf(/丙区块/)).toBeCloseTo(lobes, 3);
    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('heading', { name: '检查（2 个问题）' }).waitFor();
    await page.getByRole('button', { name: '重做' }).click();
    await page.getByRole('heading', { name: '检查（1 个问题）' }).waitFor();
  });

  it('cuts the overlap out of the later block, leaving it its own part', async () => {
    await page.getByRole('button', { name: '从本区块中扣除重叠部分 — 乙区块' }).click();
    await page.getByRole('heading', { name: '检查（0 个问题）' }).waitFor();
    await expect
      .poll(() => areaOf(/乙区块/))
      .toBeCloseTo(geographicLibKm2(sq(116.3322, 39.9805, 116.3352, 39.9845)), 3);
    expect(await areaOf(/甲区块/)).toBeCloseTo(geographicLibKm2(sq(116.3272, 39.9805, 116.3322, 39.9845)), 3);
    await page.getByText('未发现问题').waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('lists a hundred problems at a time when an import brings many, and lists more on request', async () => {
    // A fresh page (no blocks): one block over 甲 and 乙's ground in 海淀园, and 130 small squares
    // inside it on a 13 × 10 grid, apart from each other: each overlaps the large block, so 130 problems.
    await page.context().close();
    ({ page, consoleErrors } = await openApp(browser, baseUrl));
    const squares = Array.from({ length: 130 }, (_, k) => {
      const x = 116.3275 + (k % 13) * 0.0005;
      const y = 39.981 + Math.floor(k / 13) * 0.0005;
      return { name: `小块${k + 1}`, ring: sq(x, y, x + 0.0004, y + 0.0004) };
    });
    const features = [{ name: '大块', ring: sq(116.3272, 39.9805, 116.3352, 39.9895) }, ...squares].map(
      ({ name, ring }) => ({
        type: 'Feature',
        properties: { name },
        geometry: { type: 'Polygon', coordinates: [ring] },
      }),
    );
    await page.getByLabel(IMPORT_LABEL).setInputFiles({
      name: 'many-problems.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
    });
    await page.getByRole('heading', { name: '检查（130 个问题）' }).waitFor();
    expect(await problems().count()).toBe(100);
    await page.getByText('已列出前 100 个，共 130 个。').waitFor();
    await page.getByRole('button', { name: '再列出 30 个' }).click();
    await expect.poll(() => problems().count()).toBe(130);
    // The button is gone; focus is on the first newly listed problem (the 101st), for keyboard users.
    const first = await problems().nth(100).getByRole('button').first().getAttribute('aria-label');
    expect(first).toMatch(/^在地图上定位：小块\d+，与“大块”重叠/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(first);
    expect(await problems().last().textContent()).toMatch(/^小块130 与“大块”重叠 [\d.]+ m²/);
    expect(await page.getByRole('button', { name: /再列出/ }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
