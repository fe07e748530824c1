import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './chromium';
import { GROUPS } from '../../src/data/groups';

/** A shareable link restores the view: camera, layers, filter, open place, 3D. */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];
const group = GROUPS[3]!;

const camera = (p: Page) =>
  p.evaluate(() => {
    const m = window.__parkplan!.map;
    const c = m.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
  });

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl, `#group=${group.id}`));
});
afterAll(async () => {
  await browser?.close();
});

describe('share links', () => {
  let url = '';

  it('gives the link of the current view to copy', async () => {
    await page.getByRole('dialog').getByRole('heading', { name: group.nameZh }).waitFor();
    const filters = page.getByRole('region', { name: '筛选组团' });
    await filters.getByText('新一代信息技术的领域').click();
    await filters.getByRole('checkbox', { name: /^集成电路 \(\d+\)$/ }).check();
    await page.getByRole('checkbox', { name: /^北京市行政区/ }).uncheck();
    await page.getByRole('combobox', { name: '三维' }).selectOption({ label: '组团按面积' });
    await expect.poll(() => page.evaluate(() => window.__parkplan!.columns ?? 0)).toBe(31);
    await page.evaluate(() =>
      window.__parkplan!.map.jumpTo({ center: [116.3, 40.0], zoom: 11.5, bearing: 15, pitch: 40 }),
    );
    await page.getByRole('button', { name: '分享链接' }).click();
    const dialog = page.getByRole('dialog', { name: '分享链接' });
    url = await dialog.getByRole('textbox', { name: '当前视图的链接' }).inputValue();
    expect(url.startsWith(baseUrl)).toBe(true);
    const params = new URLSearchParams(new URL(url).hash.slice(1));
    expect(params.get('map')).toBe('11.5/40/116.3/15/40');
    expect(params.get('group')).toBe(group.id);
    expect(params.get('field')).toBe('集成电路');
    expect(params.get('3d')).toBe('groups:area');
    expect(params.get('layers')!.split(',')).not.toContain('districts');
    // Headless Chromium grants no clipboard: the link is shown selected to copy by hand.
    await dialog
      .getByRole('status')
      .filter({ hasText: /已复制|请按 Ctrl\+C/ })
      .waitFor();
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
  });

  it('opened in a fresh browser, the link restores camera, layers, filter, panel and 3D', async () => {
    const other = await launch();
    try {
      const hash = new URL(url).hash;
      const { page: p, consoleErrors: errors } = await openApp(other, baseUrl, hash);
      const c = await camera(p);
      expect(c.lng).toBeCloseTo(116.3, 5);
      expect(c.lat).toBeCloseTo(40.0, 5);
      expect(c.zoom).toBeCloseTo(11.5, 5);
      expect(c.bearing).toBeCloseTo(15, 5);
      expect(c.pitch).toBeCloseTo(40, 5);
      await expect(p.getByRole('checkbox', { name: /^北京市行政区/ }).isChecked()).resolves.toBe(false);
      // The filter is on: the panel counts the groups it leaves shown.
      const n = GROUPS.filter((g) => g.sourceSentence.includes('集成电路')).length;
      await p.getByRole('region', { name: '筛选组团' }).getByText(`显示 ${n} / 31 个组团`).waitFor();
      await p.getByRole('dialog').getByRole('heading', { name: group.nameZh }).waitFor();
      await expect(p.getByRole('combobox', { name: '三维' }).inputValue()).resolves.toBe('groups:area');
      await expect.poll(() => p.evaluate(() => window.__parkplan!.columns ?? 0)).toBe(31);
      // The address keeps only the open place: the view moves on from here.
      expect(new URL(p.url()).hash).toBe(`#group=${group.id}`);
      expect(errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('says which parts of a link it did not understand', async () => {
    await page.goto(`${baseUrl}#map=10/39.9/116.4/0/0&layers=zgc-groups,roads`);
    await page
      .getByRole('status')
      .filter({ hasText: '链接中有无法识别的部分，已忽略：layers=roads' })
      .waitFor();
    await expect(page.getByRole('checkbox', { name: /^发展组团/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: /^中关村分园/ }).isChecked()).resolves.toBe(false);
    expect(consoleErrors).toEqual([]);
  });
});
