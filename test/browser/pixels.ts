import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { waitForIdle } from './chromium';

/** Counts distinct colours in a PNG, sampling every 4th pixel: a blank or failed WebGL canvas has a handful. */
export function distinctColours(png: Buffer): { colours: number; width: number; height: number } {
  const img = PNG.sync.read(png);
  const seen = new Set<number>();
  for (let i = 0; i < img.data.length; i += 16)
    seen.add((img.data[i]! << 16) | (img.data[i + 1]! << 8) | img.data[i + 2]!);
  return { colours: seen.size, width: img.width, height: img.height };
}

/** Share of sampled pixels that differ between two same-sized PNGs. */
export function changedShare(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return 1;
  let changed = 0;
  let n = 0;
  for (let i = 0; i < x.data.length; i += 16, n++)
    if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2])
      changed++;
  return changed / n;
}

/** Waits for the camera to arrive and the map to draw, then screenshots the map region. */
export async function settledMapShot(page: Page): Promise<Buffer> {
  await page.waitForFunction(() => {
    const m = window.__parkplan!.map;
    return !m.isMoving() && m.loaded() && m.areTilesLoaded();
  });
  const n = await page.evaluate(() => window.__parkplan!.idleCount);
  await page.evaluate(() => window.__parkplan!.map.triggerRepaint());
  await waitForIdle(page, n);
  return page.getByRole('region', { name: /园区规划一张图|ParkPlan/ }).screenshot();
}
