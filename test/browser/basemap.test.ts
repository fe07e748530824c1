import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launch, openApp, waitForIdle } from './chromium';
import { settledMapShot } from './pixels';

/**
 * Online basemaps are an option: offline is the default (no request leaves
 * the app); OpenStreetMap and Tianditu tiles load when chosen (served here by
 * a stand-in: the tests have no network), with attribution; failures are
 * reported on screen without the key; one click returns to the offline map.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let external: string[];
let consoleErrors: string[];

/** A 256 px tile of one colour, as the stand-in tile server's answer. */
function tile(r: number, g: number, b: number): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return PNG.sync.write(png);
}

function countColour(shot: Buffer, [r, g, b]: [number, number, number]): number {
  const img = PNG.sync.read(shot);
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4)
    if (img.data[i] === r && img.data[i + 1] === g && img.data[i + 2] === b) n++;
  return n;
}

const picker = () => page.getByRole('combobox', { name: '底图' });
const tileRequests: string[] = [];

beforeAll(async () => {
  browser = await launch();
  ({ page, external, consoleErrors } = await openApp(browser, baseUrl));
  context = page.context();
});
afterAll(async () => {
  await browser?.close();
});

describe('online basemaps', () => {
  it('are off by default: nothing leaves the app', () => {
    expect(external).toEqual([]);
  });

  it('OpenStreetMap: tiles under the layers, with attribution', async () => {
    const magenta = tile(255, 0, 255);
    await context.route('https://tile.openstreetmap.org/**', (route: Route) => {
      tileRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: magenta });
    });
    await picker().selectOption({ label: 'OpenStreetMap（在线）' });
    await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests[0]).toMatch(/^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/);
    const shot = await settledMapShot(page);
    // Outside Beijing nothing of ParkPlan's is drawn: the tile's colour shows through unchanged.
    expect(countColour(shot, [255, 0, 255])).toBeGreaterThan(10_000);
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain(
      'OpenStreetMap contributors',
    );
  });

  it('Tianditu asks for a key, then loads imagery and annotation with it', async () => {
    const seen: string[] = [];
    await context.route('https://*.tianditu.gov.cn/**', (route: Route) => {
      seen.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: tile(0, 128, 0) });
    });
    await picker().selectOption({ label: '天地图影像（在线，需密钥）' });
    await page.getByText('请输入天地图“浏览器端”密钥').waitFor();
    const key = page.getByLabel('天地图密钥');
    await key.fill('test-key-123');
    await key.press('Enter');
    await expect.poll(() => seen.some((u) => u.includes('LAYER=img&'))).toBe(true);
    await expect.poll(() => seen.some((u) => u.includes('LAYER=cia&'))).toBe(true);
    expect(
      seen.every((u) => /^https:\/\/t[0-7]\.tianditu\.gov\.cn\//.test(u) && u.endsWith('tk=test-key-123')),
    ).toBe(true);
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('天地图');
    await context.unroute('https://*.tianditu.gov.cn/**');
  });

  it('reports refused tiles on screen without showing the key, and goes back offline in one click', async () => {
    await context.route('https://*.tianditu.gov.cn/**', (route: Route) =>
      route.fulfill({ status: 403, contentType: 'text/plain', body: 'forbidden' }),
    );
    await picker().selectOption({ label: '天地图矢量（在线，需密钥）' });
    const alert = page.getByRole('alert').filter({ hasText: '天地图拒绝了请求（HTTP 403）' });
    await alert.waitFor();
    expect(await alert.textContent()).not.toContain('test-key-123');
    await alert.getByRole('button', { name: '切回离线底图' }).click();
    await expect(alert.count()).resolves.toBe(0);
    await expect(picker().inputValue()).resolves.toBe('offline');
    // Nothing of the online basemap is left in the map (its layers once stayed on, still fetching tiles).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const style = window.__parkplan!.map.getStyle();
          return [
            ...Object.keys(style.sources).filter((s) => s.startsWith('basemap-')),
            ...style.layers.filter((l) => l.id.startsWith('basemap-')).map((l) => l.id),
          ];
        }),
      )
      .toEqual([]);
  });

  it('an unreachable server (no network) is named as such', async () => {
    // Every tile request fails as without a network (explicitly, not through the catch-all route).
    await context.unroute('https://tile.openstreetmap.org/**');
    const failed: string[] = [];
    await context.route('https://tile.openstreetmap.org/**', (route: Route) => {
      failed.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    // Somewhere no tile was fetched before, so nothing comes from a cache.
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.31, 39.99], zoom: 13 }));
    await picker().selectOption({ label: 'OpenStreetMap（在线）' });
    await expect.poll(() => failed.length).toBeGreaterThan(0);
    // Polled as text, so a failure shows what the page said instead. (It once said "HTTP 403": the
    // previous test's refused Tianditu layers had stayed in the map after going offline.)
    await expect
      .poll(
        async () => ({
          alerts: await page.getByRole('alert').allTextContents(),
          failedRequests: failed.length,
          basemapSources: await page.evaluate(() =>
            Object.keys(window.__parkplan!.map.getStyle().sources).filter((s) => s.startsWith('basemap-')),
          ),
        }),
        { timeout: 30_000 },
      )
      .toMatchObject({
        alerts: expect.arrayContaining([expect.stringContaining('无法连接OpenStreetMap（无网络？）')]),
      });
    await picker().selectOption({ label: '离线底图（行政区）' });
    await context.unroute('https://tile.openstreetmap.org/**');
  });

  it('remembers the choice and key on this device', async () => {
    await picker().selectOption({ label: '天地图矢量（在线，需密钥）' });
    await page.reload();
    await waitForIdle(page);
    await expect(picker().inputValue()).resolves.toBe('tianditu-vec');
    await expect(page.getByLabel('天地图密钥').inputValue()).resolves.toBe('test-key-123');
    await picker().selectOption({ label: '离线底图（行政区）' });
    // The tile hosts are allowed by the Content-Security-Policy: no request was blocked by it.
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    // Tile failures are reported on screen, not as console errors; nothing else went wrong.
    expect(
      consoleErrors.filter((e) => !/tianditu|openstreetmap|403|Failed to load resource/i.test(e)),
    ).toEqual([]);
  });
});
