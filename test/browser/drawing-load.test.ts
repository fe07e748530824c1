import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launch, openApp } from './chromium';

/**
 * The drawing engine loads the first time a drawing mode is picked. Until it
 * is attached, clicks on the map would place nothing, so the panel says the
 * tools are being prepared; a failed load says why and can be tried again.
 * The engine's script is held back (or refused) here to see those states.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await openApp(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

const ENGINE = '**/assets/drawing-*.js';

describe('drawing engine loading', () => {
  it('a failed load says why, leaves drawing off, and the next try loads it', async () => {
    await page.route(ENGINE, (route) => route.abort());
    const polygon = page.getByRole('button', { name: '绘制多边形' });
    await polygon.click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '绘图工具未能加载' }).count()).toBe(1);
    expect(await polygon.getAttribute('aria-pressed')).toBe('false');
    await page.unroute(ENGINE);

    // Held back this time: while it is on its way the panel says so.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(ENGINE, async (route: Route) => {
      await held;
      await route.continue();
    });
    await polygon.click();
    const preparing = page.getByRole('status').filter({ hasText: '正在准备绘图工具' });
    await expect.poll(() => preparing.count()).toBe(1);
    expect(await polygon.getAttribute('aria-pressed')).toBe('true');
    release();
    await page.waitForFunction(() => !!window.__parkplan?.draw);
    await expect.poll(() => preparing.count()).toBe(0);
    expect(await page.getByRole('alert').filter({ hasText: '绘图工具未能加载' }).count()).toBe(0);
    await page.unroute(ENGINE);
    await polygon.click(); // off again
  });
});
