import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launch, offlinePage, openApp, waitForIdle } from './chromium';
import { IMPORT_LABEL } from './oracle';

/**
 * Storage running out must not cost work: the app says so at once and offers
 * a backup of everything, which restores in a fresh browser. The quota is
 * shrunk through the DevTools protocol (Storage.overrideQuotaForOrigin), so
 * IndexedDB really refuses the write.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('durability: storage quota exhausted', () => {
  it('says the work is not saved, offers a backup, and the backup restores elsewhere', async () => {
    const { context, page, consoleErrors } = await offlinePage(browser, baseUrl);
    await page.goto(baseUrl);
    await waitForIdle(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl).origin, quotaSize: 1 });
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/two-blocks.geojson');
    await page.getByRole('alert').filter({ hasText: '本机存储空间已满' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '立即下载备份' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.parkplan\.json$/);
    const backup = readFileSync(await download.path());
    const doc = JSON.parse(backup.toString('utf8')) as {
      kind: string;
      document: { scenarios: Record<string, { order: string[]; blocks: Record<string, { name: string }> }> };
    };
    expect(doc.kind).toBe('parkplan-backup');
    const names = Object.values(doc.document.scenarios).flatMap((s) =>
      s.order.map((id) => s.blocks[id]!.name),
    );
    expect(names).toEqual(['中关村测试区块', '电子城测试区块']);
    // The page still holds the blocks: nothing is lost while storage is full.
    await page.getByRole('row', { name: /电子城测试区块/ }).waitFor();
    await context.close();
    expect(consoleErrors.filter((e) => !/Quota/i.test(e))).toEqual([]);

    const fresh = await openApp(browser, baseUrl);
    await fresh.page.getByLabel(IMPORT_LABEL).setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: backup,
    });
    await fresh.page.getByRole('status').filter({ hasText: '恢复 1 个方案' }).waitFor();
    await fresh.page
      .getByRole('row', { name: /中关村测试区块/ })
      .getByText('海淀园')
      .waitFor();
    await fresh.page
      .getByRole('row', { name: /电子城测试区块/ })
      .getByText('压减50%')
      .waitFor();
    await fresh.context.close();
  });
});
