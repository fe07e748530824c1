import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './chromium';
import { IMPORT_LABEL } from './oracle';

/**
 * Exports from the app read back in the app (issue #21): blocks whose features carry ids of
 * their own (`id: "a1"`, a feature id "f2"), one holed and one multipart, exported in every
 * format and imported into a fresh browser, come back with the same names, attributes and
 * areas. An earlier build wrote ParkPlan's id over the block's own, and refused its own KML
 * and Excel files.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const FIXTURE = 'test/fixtures/import/own-ids.geojson';

beforeAll(async () => {
  browser = await launch();
  ({ page } = await openApp(browser, baseUrl));
  await page.getByLabel(IMPORT_LABEL).setInputFiles(FIXTURE);
  await page.getByRole('row', { name: /区块a3/ }).waitFor();
});
afterAll(async () => {
  await browser?.close();
});

/** Each row's name and cells (sub-park, area, share, verdict …), as a planner reads the table. */
const tableOf = (p: Page) =>
  p
    .getByRole('table', { name: '候选区块列表' })
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent).join(' | ')),
    );

async function exported(button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), buffer: readFileSync((await download.path())!) };
}

describe('exports read back', () => {
  it("GeoJSON keeps each block's own id and attributes, with ParkPlan's fields beside them", async () => {
    await page.getByRole('row', { name: /区块a1.*海淀园/ }).waitFor();
    const { buffer } = await exported('导出 GeoJSON');
    const fc = JSON.parse(buffer.toString('utf8')) as {
      features: { id?: unknown; properties: Record<string, unknown> }[];
    };
    const source = JSON.parse(readFileSync(FIXTURE, 'utf8')) as typeof fc;
    fc.features.forEach((f, i) => {
      const own = source.features[i]!;
      expect(f.id).toBe(own.id);
      for (const [k, v] of Object.entries(own.properties)) expect(f.properties[k]).toBe(v);
      expect(f.properties.pp_name).toBe(own.properties.name);
      expect(f.properties.pp_id).toMatch(/^b\d+$/);
    });
  });

  it.each(['导出 GeoJSON', '导出 KML', '导出 Shapefile（zip）', '导出 CSV', '导出 Excel'])(
    '%s imports back as the same blocks',
    async (button) => {
      const want = await tableOf(page);
      const file = await exported(button);
      const fresh = await openApp(browser, baseUrl);
      await fresh.page
        .getByLabel(IMPORT_LABEL)
        .setInputFiles({ ...file, mimeType: 'application/octet-stream' });
      await fresh.page
        .getByRole('status')
        .filter({ hasText: /已从 .* 导入 3 个区块/ })
        .waitFor();
      await fresh.page.getByRole('row', { name: /区块a1.*海淀园/ }).waitFor();
      await expect.poll(() => tableOf(fresh.page)).toEqual(want);
      await fresh.page.getByRole('status').filter({ hasText: '此文件由 ParkPlan 导出' }).waitFor();
      expect(fresh.consoleErrors).toEqual([]);
      await fresh.context.close();
    },
  );
});
