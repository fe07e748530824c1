import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, waitForIdle } from './chromium';

/** Layer themes: one click applies a named set of layers; the current set can be saved and is kept. */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

const themes = () => page.getByRole('group', { name: '图层主题' });
const layoutOf = (layer: string) =>
  page.evaluate((l) => window.__parkplan!.map.getLayoutProperty(l, 'visibility') ?? 'visible', layer);

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

describe('layer themes', () => {
  it('applies a shipped theme in one click, on the map and in the layer list', async () => {
    await expect(
      themes().getByRole('button', { name: '全部图层', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await themes().getByRole('button', { name: '亦庄新城', exact: true }).click();
    await expect.poll(() => layoutOf('zgc-groups-fill')).toBe('none');
    expect(await layoutOf('yizhuang-fill')).toBe('visible');
    await expect(
      themes().getByRole('button', { name: '亦庄新城', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
  });

  it('saves the current layers as a theme that survives a reload and can be deleted', async () => {
    // Yizhuang plus the groups: a set no shipped theme has.
    await page.getByRole('checkbox', { name: /^发展组团/ }).check();
    await themes().getByRole('button', { name: '保存当前为主题' }).click();
    await themes().getByRole('textbox', { name: '主题名称' }).fill('亦庄与组团');
    await page.keyboard.press('Enter');
    await themes().getByRole('button', { name: '亦庄与组团', exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: '已保存到本机' }).waitFor();
    await page.reload();
    await waitForIdle(page);
    await themes().getByRole('button', { name: '全部图层', exact: true }).click();
    await expect.poll(() => layoutOf('zgc-subparks-fill')).toBe('visible');
    await themes().getByRole('button', { name: '亦庄与组团', exact: true }).click();
    await expect.poll(() => layoutOf('zgc-subparks-fill')).toBe('none');
    expect(await layoutOf('zgc-groups-fill')).toBe('visible');
    expect(await layoutOf('yizhuang-fill')).toBe('visible');
    await themes().getByRole('button', { name: '删除主题“亦庄与组团”' }).click();
    await expect(themes().getByRole('button', { name: '亦庄与组团', exact: true }).count()).resolves.toBe(0);
    await themes().getByRole('button', { name: '恢复默认主题' }).click();
    expect(consoleErrors).toEqual([]);
  });
});
