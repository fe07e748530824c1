import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './chromium';
import { distinctColours, settledMapShot } from './pixels';
import { DEFAULT_STORY } from '../../src/core/present/story';
import { GROUPS } from '../../src/data/groups';

/**
 * Meeting mode, with the keyboard only: enter, walk the shipped story and
 * screenshot every view (not blank, and not the previous view), toggle a
 * layer by its number, leave with Esc.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

const settledShot = () => settledMapShot(page);

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

describe('meeting mode', () => {
  it('enters with P, hiding the controls, and shows the first view with its legend', async () => {
    await page.keyboard.press('p');
    const caption = page.getByRole('status').filter({ hasText: `1 / ${DEFAULT_STORY.length}` });
    await caption.waitFor();
    await expect(caption.textContent()).resolves.toContain(DEFAULT_STORY[0]!.nameZh);
    await expect(page.getByRole('heading', { name: '候选区块' }).isVisible()).resolves.toBe(false);
    await page.getByRole('group', { name: '图例' }).getByText('三城一区').waitFor();
  });

  it('walks the shipped story with the arrow key; every view differs from the one before', async () => {
    mkdirSync('test/artifacts', { recursive: true });
    let previous = createHash('sha1')
      .update(await settledShot())
      .digest('hex');
    for (let k = 1; k < DEFAULT_STORY.length; k++) {
      await page.keyboard.press('ArrowRight');
      const v = DEFAULT_STORY[k]!;
      await page
        .getByRole('status')
        .filter({ hasText: `${k + 1} / ${DEFAULT_STORY.length} ${v.nameZh}` })
        .waitFor();
      const shot = await settledShot();
      writeFileSync(`test/artifacts/story-${k + 1}-${v.id}.png`, shot);
      expect(distinctColours(shot).colours, v.id).toBeGreaterThan(50);
      const hash = createHash('sha1').update(shot).digest('hex');
      expect(hash, v.id).not.toBe(previous);
      previous = hash;
      if (v.filter.categories.length) {
        // The category views light up that category's groups only (seed 003's counts: 9, 7, 11, 4).
        const lit = () =>
          page.evaluate(() => {
            const fs = window.__parkplan!.map.queryRenderedFeatures(undefined, {
              layers: ['zgc-groups-fill'],
            });
            return [...new Set(fs.filter((f) => !f.state.dim).map((f) => String(f.id)))].length;
          });
        await expect
          .poll(lit, { timeout: 5000 })
          .toBe(GROUPS.filter((g) => g.category === v.filter.categories[0]).length);
      }
    }
    // Past the end it stays on the last view.
    await page.keyboard.press('ArrowRight');
    await page
      .getByRole('status')
      .filter({ hasText: `${DEFAULT_STORY.length} / ${DEFAULT_STORY.length}` })
      .waitFor();
  });

  it('toggles a layer with its number key and leaves with Esc', async () => {
    // 1 = the first row of the layer panel (topmost first): the development groups.
    const visibility = () =>
      page.evaluate(
        () => window.__parkplan!.map.getLayoutProperty('zgc-groups-fill', 'visibility') ?? 'visible',
      );
    const before = await visibility();
    await page.keyboard.press('1');
    await expect.poll(visibility).not.toBe(before);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: '候选区块' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
