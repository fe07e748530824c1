import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idleCount, launch, openApp, waitForIdle } from './chromium';

/** Saved views: save the current map, rename, reorder, delete; saved with the scenario; presented from. */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

const list = () => page.getByRole('list', { name: '视图列表' });
const names = async () =>
  (await list().getByRole('listitem').all()).length
    ? await Promise.all(
        (await list().getByRole('listitem').all()).map((li) => li.getByRole('button').first().textContent()),
      )
    : [];

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

describe('saved views', () => {
  it('saves the current view at the end of the story, renames and moves it, and keeps it after a reload', async () => {
    expect(await names()).toHaveLength(7);
    const n = await idleCount(page);
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.3, 40.05], zoom: 12.5 }));
    await waitForIdle(page, n);
    await page.getByRole('button', { name: '保存当前视图' }).click();
    await expect.poll(names).toHaveLength(8);
    expect((await names())[7]).toBe('视图 8');
    await page.getByRole('button', { name: '重命名“视图 8”' }).click();
    await page.getByRole('textbox', { name: '“视图 8”的名称' }).fill('海淀北部');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '上移“海淀北部”' }).click();
    await expect.poll(async () => (await names())[6]).toBe('海淀北部');
    await page.getByRole('button', { name: '删除“亦庄新城 60 + 165 km²”' }).click();
    await expect.poll(names).toHaveLength(7);
    // Every change to the views is undoable.
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(names).toHaveLength(8);
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(names).toHaveLength(7);
    await page.getByRole('status').filter({ hasText: '已保存到本机' }).waitFor();
    await page.reload();
    await waitForIdle(page);
    await expect.poll(async () => (await names())[5]).toBe('海淀北部');
    expect(await names()).not.toContain('亦庄新城 60 + 165 km²');
  });

  it('presents from the saved view, landing on its camera', async () => {
    await page.getByRole('button', { name: '从“海淀北部”开始演示' }).click();
    await page.getByRole('status').filter({ hasText: '6 / 7 海淀北部' }).waitFor();
    await page.waitForFunction(() => {
      const m = window.__parkplan!.map;
      return !m.isMoving() && Math.abs(m.getZoom() - 12.5) < 0.01;
    });
    const c = await page.evaluate(() => window.__parkplan!.map.getCenter());
    expect(c.lng).toBeCloseTo(116.3, 5);
    expect(c.lat).toBeCloseTo(40.05, 5);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '恢复默认故事' }).click();
    await expect.poll(names).toHaveLength(7);
    expect(await names()).not.toContain('海淀北部');
    expect(consoleErrors).toEqual([]);
  });
});
