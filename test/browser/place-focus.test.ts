import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, offlinePage, waitForIdle } from './chromium';
import { IMPORT_LABEL } from './oracle';

/**
 * A chosen place is shown where it is (issue #21): a sub-park opened by a deep link is outlined
 * and framed clear of its panel; a block chosen in the table is framed. Reduced motion is asked
 * for, so the camera jumps (and the test need not wait for a flight).
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await offlinePage(browser, baseUrl));
  await page.emulateMedia({ reducedMotion: 'reduce' });
});
afterAll(async () => {
  await browser?.close();
});

type Ring = number[][];
const subparks = JSON.parse(readFileSync('public/geo/zgc-subparks.geojson', 'utf8')) as {
  features: { properties: { id: string }; geometry: { type: string; coordinates: Ring[] | Ring[][] } }[];
};
const extentOf = (id: string) => {
  const g = subparks.features.find((f) => f.properties.id === id)!.geometry;
  const rings = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
  const xs = rings.flatMap((p) => p[0]!.map((q) => q[0]!));
  const ys = rings.flatMap((p) => p[0]!.map((q) => q[1]!));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
};

/** Screen box of an extent on the map, and the panel's left edge, in page pixels. */
const onScreen = (bbox: readonly number[]) =>
  page.evaluate((b) => {
    const map = window.__parkplan!.map;
    const rect = map.getContainer().getBoundingClientRect();
    const sw = map.project([b[0]!, b[1]!]);
    const ne = map.project([b[2]!, b[3]!]);
    const panel = document.querySelector('.place-panel')?.getBoundingClientRect();
    return {
      left: rect.left + sw.x,
      right: rect.left + ne.x,
      top: rect.top + ne.y,
      bottom: rect.top + sw.y,
      mapLeft: rect.left,
      mapTop: rect.top,
      mapBottom: rect.bottom,
      panelLeft: panel?.left ?? null,
    };
  }, bbox);

describe('a chosen place is outlined and framed', () => {
  it('a deep link to 亦庄园 frames it clear of its panel and outlines it', async () => {
    await page.goto(`${baseUrl}#subpark=yizhuang`);
    await waitForIdle(page);
    await page
      .getByRole('dialog')
      .getByRole('heading', { name: /亦庄园/ })
      .waitFor();
    await page.waitForFunction(() => !window.__parkplan!.map.isMoving());
    const s = await onScreen(extentOf('yizhuang'));
    // Whole on the map, and left of the panel that covers the map's right side.
    expect(s.left).toBeGreaterThanOrEqual(s.mapLeft - 1);
    expect(s.top).toBeGreaterThanOrEqual(s.mapTop - 1);
    expect(s.bottom).toBeLessThanOrEqual(s.mapBottom + 1);
    expect(s.right).toBeLessThanOrEqual(s.panelLeft! + 1);
    // Framed, not lost in a city-wide view: it fills a good part of the free width or height.
    expect(
      Math.max(
        (s.right - s.left) / (s.panelLeft! - s.mapLeft),
        (s.bottom - s.top) / (s.mapBottom - s.mapTop),
      ),
    ).toBeGreaterThan(0.4);
    const outlined = await page.evaluate(() =>
      window
        .__parkplan!.map.queryRenderedFeatures(undefined, { layers: ['place-highlight-subpark'] })
        .map((f) => f.properties?.id),
    );
    expect(new Set(outlined)).toEqual(new Set(['yizhuang']));
  });

  it('choosing a block in the table frames it', async () => {
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/two-blocks.geojson');
    const row = page.getByRole('row', { name: /电子城测试区块/ });
    await row.waitFor();
    // Far away first.
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.0, 40.4], zoom: 9 }));
    await row.click();
    await page.waitForFunction(() => !window.__parkplan!.map.isMoving());
    expect(await page.evaluate(() => window.__parkplan!.map.getZoom())).toBeGreaterThan(12);
    const fixture = JSON.parse(readFileSync('test/fixtures/import/two-blocks.geojson', 'utf8')) as {
      features: { properties: { name: string }; geometry: { coordinates: Ring[] } }[];
    };
    const ring = fixture.features.find((f) => f.properties.name === '电子城测试区块')!.geometry
      .coordinates[0]!;
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    const b = await onScreen([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    expect(b.left).toBeGreaterThanOrEqual(b.mapLeft - 1);
    expect(b.bottom).toBeLessThanOrEqual(b.mapBottom + 1);
  });
});
