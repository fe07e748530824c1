import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './chromium';
import { IMPORT_LABEL } from './oracle';
import { hostileCases } from '../hostile/cases';

/**
 * The hostile-input suite through the app's own import (file picker →
 * worker → document), in Chromium: each file ends in a correct import or one
 * clear message on screen; the blocks already there never change (an
 * import adds blocks, and undo takes exactly those back); nothing a file
 * says runs as code; no page error. Heavy cases (hundreds of MB, a million
 * vertices) run through the readers and the command line instead
 * (test/hostile/hostile.test.ts).
 */
const baseUrl = inject('baseUrl');
const cases = hostileCases().filter((c) => !c.heavy);
let browser: Browser;
let page: Page;
let consoleErrors: string[];
const dialogs: string[] = [];

const rows = async () =>
  Number(await page.getByRole('table', { name: '候选区块列表' }).getAttribute('aria-rowcount')) - 1;

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile inputs through the app', () => {
  it(
    `imports or refuses each of ${cases.length} files clearly, and keeps the blocks already there`,
    { timeout: 900_000 },
    async () => {
      expect(cases.length).toBeGreaterThanOrEqual(450);
      await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/two-blocks.geojson');
      await expect.poll(rows).toBe(2);
      // The baseline once assessed: the Haidian block's verdict is in its row.
      const table = page.getByRole('table', { name: '候选区块列表' });
      await table.getByRole('row', { name: /中关村测试区块.*海淀园/ }).waitFor();
      const baseline = await table.getByRole('row').allTextContents();
      const failures: string[] = [];
      for (const [i, c] of cases.entries()) {
        // A tag no other case's name contains ('h1_' is not in 'h10_'), to find this file's message.
        const tag = `h${i}_`;
        await page.getByLabel(IMPORT_LABEL).setInputFiles({
          name: `${tag}${c.file}`,
          mimeType: 'application/octet-stream',
          buffer: Buffer.from(c.bytes),
        });
        const ok = page.getByRole('status').filter({ hasText: tag });
        const refused = page.getByRole('alert').filter({ hasText: tag });
        try {
          await ok.or(refused).first().waitFor({ timeout: 60_000 });
        } catch {
          failures.push(`${c.id}: no message on screen within 60 s`);
          continue;
        }
        const outcome = (await ok.count()) > 0 ? 'ok' : 'refused';
        const text = (await ok.or(refused).first().textContent()) ?? '';
        const problems: string[] = [];
        if (c.expect !== 'either' && outcome !== c.expect) problems.push(`${outcome}, expected ${c.expect}`);
        if (/\n\s+at |undefined|\[object Object\]|TypeError|RangeError/.test(text))
          problems.push(`unclear message: ${text}`);
        // In the UI language: no English sentence (three English words in a row) once the file's name is taken out.
        if (/\b[a-z]+ [a-z]+ [a-z]+\b/i.test(text.replaceAll(`${tag}${c.file}`, '')))
          problems.push(`English in the Chinese UI: ${text}`);
        if (outcome === 'ok') {
          const added = (await rows()) - 2;
          if (added < 1 || (c.blocks !== undefined && added !== c.blocks))
            problems.push(`added ${added} blocks`);
          // One undo takes the whole import back.
          await page.getByRole('button', { name: '撤销' }).click();
          await expect.poll(rows).toBe(2);
        } else if ((await rows()) !== 2) problems.push(`blocks changed to ${await rows()}`);
        if (await page.evaluate(() => (window as { __pwned?: unknown }).__pwned !== undefined))
          problems.push('a name ran as code');
        if (problems.length) failures.push(`${c.id}: ${problems.join('; ')}`);
      }
      expect(failures).toEqual([]);
      // The two blocks there from the start are exactly as they were.
      await table.getByRole('row', { name: /中关村测试区块.*海淀园/ }).waitFor();
      expect(await table.getByRole('row').allTextContents()).toEqual(baseline);
      expect(dialogs).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
  );
});
