import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './chromium';
import { changedShare, settledMapShot } from './pixels';
import { IMPORT_LABEL, geographicLibKm2 } from './oracle';

/**
 * 3D columns (deck.gl through @deck.gl/maplibre, interleaved): loaded only
 * when first used; columns drawn in proportion to the chosen figure; the
 * legend states the scale; switching off levels the camera.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

const picker = () => page.getByRole('combobox', { name: '三维' });
const scripts = () =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('.js')),
  );
const columns = () => page.evaluate(() => window.__parkplan!.columns ?? 0);
const pitch = () => page.evaluate(() => window.__parkplan!.map.getPitch());
const zh = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

describe('3D columns', () => {
  it('does not load deck.gl until 3D is switched on', async () => {
    expect((await scripts()).filter((s) => /extrusion-layer/.test(s))).toEqual([]);
  });

  it('raises the 31 groups by their schematic area and says what the tallest stands for', async () => {
    // Tilt first, so that the only difference 3D makes is the columns themselves.
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ pitch: 50 }));
    const flat = await settledMapShot(page);
    await picker().selectOption({ label: '组团按面积' });
    await expect.poll(columns, { timeout: 30_000 }).toBe(31);
    expect((await scripts()).some((s) => /extrusion-layer/.test(s))).toBe(true);
    const raised = await settledMapShot(page);
    expect(changedShare(flat, raised)).toBeGreaterThan(0.01);
    const groups = JSON.parse(readFileSync('public/geo/zgc-groups.geojson', 'utf8')) as {
      features: { properties: { areaMeasuredKm2: number } }[];
    };
    const max = Math.max(...groups.features.map((f) => f.properties.areaMeasuredKm2));
    await page
      .getByRole('note')
      .filter({ hasText: `组团按面积：柱高与数值成正比，最高柱 ${zh(max)} km²` })
      .waitFor();
    await page.getByText('组团面积为示意图形的面积').waitFor();
  });

  it('raises imported blocks by area; by score it says indicators are needed; flat levels the camera', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/two-blocks.geojson');
    await page.getByRole('row', { name: /电子城测试区块/ }).waitFor();
    await picker().selectOption({ label: '区块按面积' });
    await expect.poll(columns).toBe(2);
    // The taller column is the larger block, measured independently (GeographicLib).
    const fc = JSON.parse(readFileSync('test/fixtures/import/two-blocks.geojson', 'utf8')) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    const larger = Math.max(...fc.features.map((f) => geographicLibKm2(f.geometry.coordinates[0]!)));
    await page
      .getByRole('note')
      .filter({ hasText: `最高柱 ${zh(larger)} km²` })
      .waitFor();
    // A view saved now keeps its 3D columns: flat, then shown again, they come back.
    await page.getByRole('button', { name: '保存当前视图' }).click();
    await picker().selectOption({ label: '平面（不立体）' });
    await expect.poll(columns).toBe(0);
    await page
      .getByRole('list', { name: '视图列表' })
      .getByRole('button', { name: '视图 8', exact: true })
      .click();
    await expect.poll(columns).toBe(2);
    await expect(picker().inputValue()).resolves.toBe('blocks:area');
    await picker().selectOption({ label: '区块按评价得分' });
    await page.getByText('还没有评价得分').waitFor();
    await picker().selectOption({ label: '平面（不立体）' });
    await expect.poll(columns).toBe(0);
    await expect.poll(pitch).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
