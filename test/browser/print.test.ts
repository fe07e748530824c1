import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './chromium';
import { IMPORT_LABEL } from './oracle';

/**
 * PNG export at print resolution: the file decodes (every CRC checked), has
 * the paper's size at the chosen dpi (A4 = 297 × 210 mm: 3508 × 2480 px at
 * 300 dpi), says its dpi, and has a drawn map, title and notes.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

const dialog = () => page.getByRole('dialog', { name: '导出当前视图为 PNG 图片' });

function pHYs(png: Buffer): number | null {
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'pHYs') return png.readUInt32BE(at + 8);
    at += 12 + len;
  }
  return null;
}

/** Distinct colours and dark pixels in a rectangle of a decoded image. */
function inspect(img: PNG, x0: number, y0: number, w: number, h: number) {
  const seen = new Set<number>();
  let dark = 0;
  for (let y = y0; y < y0 + h; y += 3)
    for (let x = x0; x < x0 + w; x += 3) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
      seen.add((r << 16) | (g << 8) | b);
      if (r + g + b < 200) dark++;
    }
  return { colours: seen.size, dark };
}

async function exportPng(): Promise<{ name: string; png: Buffer }> {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog().getByRole('button', { name: '导出 PNG' }).click();
  const d = await download;
  return { name: d.suggestedFilename(), png: readFileSync((await d.path())!) };
}

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

describe('export the view as a print-quality PNG', () => {
  it('A4 landscape at 300 dpi: 3508 × 2480 px, stamped 300 dpi, with map, title and notes drawn', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/two-blocks.geojson');
    await page.getByRole('row', { name: /电子城测试区块/ }).waitFor();
    await page.getByRole('button', { name: '导出图片' }).click();
    await dialog().getByRole('textbox', { name: '图名' }).fill('海淀/朝阳 候选区块');
    await dialog().getByText('3508 × 2480 像素').waitFor();
    const { name, png } = await exportPng();
    mkdirSync('test/artifacts', { recursive: true });
    writeFileSync('test/artifacts/print-a4-300.png', png);
    // The slash cannot be in a file name.
    expect(name).toBe('海淀_朝阳 候选区块-a4-landscape-300dpi.png');
    const img = PNG.sync.read(png, { checkCRC: true } as never);
    expect([img.width, img.height]).toEqual([3508, 2480]);
    expect(pHYs(png)).toBe(11811);
    const mm = 300 / 25.4;
    // The map frame (from 10 mm in, under the 16 mm title band): the map has many colours.
    expect(
      inspect(img, Math.round(20 * mm), Math.round(40 * mm), Math.round(150 * mm), Math.round(120 * mm))
        .colours,
    ).toBeGreaterThan(100);
    // The title band and the footer hold dark text.
    expect(
      inspect(img, Math.round(10 * mm), Math.round(10 * mm), Math.round(150 * mm), Math.round(10 * mm)).dark,
    ).toBeGreaterThan(200);
    expect(
      inspect(img, Math.round(10 * mm), Math.round(178 * mm), Math.round(250 * mm), Math.round(20 * mm)).dark,
    ).toBeGreaterThan(200);
    await dialog().getByRole('status').filter({ hasText: '已导出 3508 × 2480 像素的 PNG' }).waitFor();
  });

  it('A4 portrait at 150 dpi: 1240 × 1754 px, also with 3D columns', async () => {
    await page.getByRole('combobox', { name: '三维' }).selectOption({ label: '区块按面积' });
    await expect.poll(() => page.evaluate(() => window.__parkplan!.columns ?? 0)).toBe(2);
    await dialog().getByRole('combobox', { name: '纸张' }).selectOption({ label: 'A4 纵向' });
    await dialog().getByRole('combobox', { name: '分辨率' }).selectOption({ label: '150 dpi' });
    const { png } = await exportPng();
    writeFileSync('test/artifacts/print-a4-portrait-150.png', png);
    const img = PNG.sync.read(png, { checkCRC: true } as never);
    expect([img.width, img.height]).toEqual([1240, 1754]);
    expect(pHYs(png)).toBe(5906);
    await expectCleanLayout('a4-portrait');
    expect(consoleErrors).toEqual([]);
  });

  it('A3 landscape lays out cleanly too', async () => {
    await dialog().getByRole('combobox', { name: '纸张' }).selectOption({ label: 'A3 横向' });
    await exportPng();
    await expectCleanLayout('a3-landscape');
  });
});

/**
 * Every paper lays its text out whole (issue #21: A4 portrait stacked the legend's headings and
 * cut legend, notes and sources with "…"), and the sources read as a citation list for officials:
 * no internal tags ([seed003], [W1]), no file remarks, no paper and dpi as a subtitle.
 */
async function expectCleanLayout(paper: string) {
  const p = (await page.evaluate(() => window.__parkplan!.print))!;
  expect(p.paper).toBe(paper);
  expect(p.fits).toBe(true);
  const all = [
    p.content.subtitle,
    ...p.content.legend.map((r) => r.text),
    ...p.content.notes,
    ...p.content.sources,
  ];
  for (const text of all) {
    expect(text).not.toMatch(/\[(seed|W)\d+\]|file has no title line|\bdpi\b|…$/);
  }
  expect(p.content.sources[0]).toBe('资料来源');
  expect(p.content.sources.slice(1).every((s, k) => s.startsWith(`${k + 1}. `))).toBe(true);
  expect(p.content.sources.join('\n')).toContain(
    '《中关村国家自主创新示范区统筹发展规划（2020年—2035年）》（简版），2020年9月',
  );
}
