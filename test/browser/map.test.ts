import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { distinctColours } from './pixels';
import type { Browser, Page } from 'playwright-core';
import { idleCount, launch, offlinePage, renderedCounts, waitForIdle } from './chromium';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let external: string[];
let consoleErrors: string[];

beforeAll(async () => {
  browser = await launch();
  ({ page, external, consoleErrors } = await offlinePage(browser, baseUrl));
  await page.goto(baseUrl);
  await waitForIdle(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('the map page, offline', () => {
  it('loads with no network request leaving the app and no console error', () => {
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('renders every layer: 16 districts, the scope, 17 sub-park units, 31 groups, 3 Yizhuang parts', async () => {
    const counts = await renderedCounts(page, [
      'districts-fill',
      'zgc-scope-line',
      'zgc-subparks-fill',
      'zgc-groups-fill',
      'yizhuang-fill',
      'district-labels',
    ]);
    expect(counts['districts-fill']).toBe(16);
    expect(counts['zgc-scope-line']).toBe(1);
    expect(counts['zgc-subparks-fill']).toBe(17);
    expect(counts['zgc-groups-fill']).toBe(31);
    expect(counts['yizhuang-fill']).toBe(3);
    // Labels may collide at the overview zoom, but most must show.
    expect(counts['district-labels']).toBeGreaterThanOrEqual(12);
  });

  it('shows the schematic notice and marks schematic layers in the panel', async () => {
    await expect(page.getByRole('note').textContent()).resolves.toContain('示意图');
    const groupsRow = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('checkbox', { name: '发展组团（31个）' }) });
    await expect(groupsRow.getByText('示意', { exact: true }).count()).resolves.toBe(1);
  });

  it('toggles a layer off and on from the layer panel', async () => {
    const toggle = page.getByRole('checkbox', { name: '发展组团（31个）' });
    expect(await toggle.isChecked()).toBe(true);
    let n = await idleCount(page);
    await toggle.click();
    await waitForIdle(page, n);
    expect(await toggle.isChecked()).toBe(false);
    expect((await renderedCounts(page, ['zgc-groups-fill']))['zgc-groups-fill']).toBe(0);
    n = await idleCount(page);
    await toggle.click();
    await waitForIdle(page, n);
    expect((await renderedCounts(page, ['zgc-groups-fill']))['zgc-groups-fill']).toBe(31);
  });

  it('changes a layer opacity from its slider', async () => {
    const slider = page.getByRole('slider', { name: '中关村分园（一区十六园） 透明度' });
    await slider.fill('0.2');
    const paint = await page.evaluate(() =>
      window.__parkplan!.map.getPaintProperty('zgc-subparks-fill', 'fill-opacity'),
    );
    expect(JSON.stringify(paint)).toContain('0.2');
  });

  it('shows the name of a group under the pointer', async () => {
    let n = await idleCount(page);
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.333, 39.985], zoom: 11 }));
    await waitForIdle(page, n);
    const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('中知学原始创新组团');
    expect(await tip.textContent()).toContain('示意');
    n = await idleCount(page);
    await page.evaluate(() =>
      window.__parkplan!.map.fitBounds(
        [
          [115.42, 39.44],
          [117.51, 41.06],
        ],
        { padding: 24, animate: false },
      ),
    );
    await waitForIdle(page, n);
  });

  it('switches to English and back, in the UI and in the map labels', async () => {
    let n = await idleCount(page);
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    // The English strings load on first use: the switch lands once they are in.
    await page.getByRole('heading', { name: 'Layers' }).waitFor();
    await waitForIdle(page, n);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('checkbox', { name: 'Development groups (31)' }).waitFor();
    // Plural forms: the scope layer has one feature.
    await expect(page.getByText(/^1 feature · Measured 488 km²/).count()).resolves.toBe(1);
    const field = await page.evaluate(() =>
      window.__parkplan!.map.getLayoutProperty('district-labels', 'text-field'),
    );
    expect(JSON.stringify(field)).toContain('nameEn');
    n = await idleCount(page);
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await waitForIdle(page, n);
    await page.getByRole('heading', { name: '图层' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('saves a screenshot that is not blank', async () => {
    mkdirSync('test/artifacts', { recursive: true });
    const png = await page.screenshot();
    writeFileSync('test/artifacts/map-overview.png', png);
    const { colours, width, height } = distinctColours(png);
    expect(width).toBe(1280);
    expect(height).toBe(800);
    // A blank or failed WebGL canvas has a handful of colours; the map has hundreds.
    expect(colours).toBeGreaterThan(200);
    const canvas = await page.getByRole('region', { name: '园区规划一张图' }).screenshot();
    expect(distinctColours(canvas).colours).toBeGreaterThan(100);
  });
});
