import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, offlinePage, waitForIdle } from './chromium';

/**
 * Keyboard, language and loading defects a reviewer met (issue #21): skip links to the map and
 * the panels; a visible focus ring on the table's sort headers; Esc returns focus to where it
 * came from, never the page's body; district names in English; no request fails while the
 * page loads (the browser asked for a missing /favicon.ico).
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const failed: string[] = [];

beforeAll(async () => {
  browser = await launch();
  ({ page } = await offlinePage(browser, baseUrl));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(baseUrl);
  await waitForIdle(page);
});
afterAll(async () => {
  await browser?.close();
});

const focused = () =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e ? { tag: e.tagName, text: e.textContent?.trim() ?? '', cls: e.className } : null;
  });

describe('keyboard and language', () => {
  it('loads without a failed request', async () => {
    await page.waitForTimeout(500);
    expect(failed).toEqual([]);
  });

  it('the first Tab reaches a skip link to the map, which takes focus to the map', async () => {
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ tag: 'A', text: '跳到地图' });
    await page.keyboard.press('Enter');
    await expect(focused()).resolves.toMatchObject({ tag: 'CANVAS' });
    await page.keyboard.press('Shift+Tab');
    await page.getByRole('link', { name: '跳到侧栏面板' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('panels');
  });

  it("shows a focus ring on the table's sort headers", async () => {
    await page
      .getByLabel('选择要导入的文件（GeoJSON、KML/KMZ、CSV/XLSX、压缩的 Shapefile）')
      .setInputFiles('test/fixtures/import/two-blocks.geojson');
    const sort = page.getByRole('table', { name: '候选区块列表' }).getByRole('button', { name: /面积/ });
    await sort.waitFor();
    await sort.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await sort.evaluate((e) => {
      const s = getComputedStyle(e);
      return { style: s.outlineStyle, width: s.outlineWidth };
    });
    expect(ring.style).not.toBe('none');
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
  });

  it('Esc closes a place panel and returns focus to where it was opened from', async () => {
    const box = page.getByRole('searchbox', { name: '搜索组团或分园（中文、拼音或英文）' });
    await box.fill('zzx');
    await box.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('heading', { name: '中知学原始创新组团' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(focused).toMatchObject({ tag: 'BUTTON', text: '中知学原始创新组团' });
    await box.fill('');
  });

  it('names districts in English in the English UI', async () => {
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await page.evaluate(() => (location.hash = '#group=zhongzhixue'));
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { level: 2 }).waitFor();
    await expect(
      dialog.getByRole('definition').filter({ hasText: 'District' }).first().textContent(),
    ).resolves.toBe('Haidian District');
    expect(await dialog.textContent()).not.toContain('海淀、');
  });
});
