import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idleCount, launch, openApp, waitForIdle } from './chromium';
import { IMPORT_LABEL, geographicLibKm2 } from './oracle';

const hectares = (ring: number[][]) => geographicLibKm2(ring) * 100;

/**
 * Vertex editing with real mouse events. test/fixtures/import/edit-pair.geojson:
 * 编辑甲 = [116.330, 116.335] × [39.980, 39.984], 编辑乙 = [116.336, 116.341] × the same;
 * at zoom 15 the 0.001° gap between them is about 47 px.
 */
/** Chooses a block in the table, as a planner does, and waits for the map to finish framing it. */
async function chooseRow(name: RegExp) {
  await page.getByRole('row', { name }).click();
  await page.waitForFunction(() => !window.__parkplan!.map.isMoving());
}

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

/** Screen position of a lon/lat on the page. */
async function screen(lon: number, lat: number): Promise<{ x: number; y: number }> {
  const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
  const p = await page.evaluate(([a, b]) => window.__parkplan!.map.project([a!, b!]), [lon, lat]);
  return { x: box.x + p.x, y: box.y + p.y };
}
async function lonLatAt(x: number, y: number): Promise<[number, number]> {
  const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
  const ll = await page.evaluate(
    ([a, b]) => window.__parkplan!.map.unproject([a!, b!]),
    [x - box.x, y - box.y],
  );
  return [ll.lng, ll.lat];
}
async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}
/** Hectares shown in the selected block's panel (2 decimals = 100 m²). */
async function shownHa(): Promise<number> {
  const text = await page.getByRole('region', { name: '所选区块' }).getByText(/公顷/).first().textContent();
  return Number(/([\d.]+) 公顷/.exec(text!)![1]);
}
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
  await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/edit-pair.geojson');
  await page.getByRole('row', { name: /编辑乙/ }).waitFor();
  const n = await idleCount(page);
  await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.3355, 39.982], zoom: 15 }));
  await waitForIdle(page, n);
});

afterAll(async () => {
  await browser?.close();
});

describe('vertex editing', () => {
  it('moves a vertex with the mouse (snapping off) and measures the new outline', async () => {
    await chooseRow(/编辑甲/);
    await page.getByRole('checkbox', { name: '吸附到区块和分园的顶点与边' }).uncheck();
    await page.getByRole('button', { name: '编辑顶点' }).click();
    await page.getByRole('group', { name: '顶点编辑' }).waitFor();
    const ne = await screen(116.335, 39.984);
    const to = { x: ne.x - 20, y: ne.y - 25 };
    // The live readout follows the drag.
    await page.mouse.move(ne.x, ne.y, { steps: 3 });
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    const readout = page.getByRole('status', { name: '绘制读数' });
    await readout.waitFor();
    await expect(readout.textContent()).resolves.toMatch(/km².*公顷.*亩.*海淀园/);
    await page.mouse.up();
    const [lon, lat] = (await lonLatAt(to.x, to.y)).map(round9) as [number, number];
    await page.getByRole('button', { name: '保存编辑' }).click();
    const ring = [
      [116.33, 39.98],
      [116.335, 39.98],
      [lon, lat],
      [116.33, 39.984],
      [116.33, 39.98],
    ];
    await expect.poll(shownHa).toBeCloseTo(hectares(ring), 2);
    // One undo restores the rectangle.
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(shownHa).toBeCloseTo(
      hectares([
        [116.33, 39.98],
        [116.335, 39.98],
        [116.335, 39.984],
        [116.33, 39.984],
        [116.33, 39.98],
      ]),
      2,
    );
  });

  it('snaps a dragged vertex exactly onto the neighbouring block’s corner', async () => {
    await page.getByRole('checkbox', { name: '吸附到区块和分园的顶点与边' }).check();
    await page.getByRole('button', { name: '编辑顶点' }).click();
    await page.getByRole('group', { name: '顶点编辑' }).waitFor();
    const se = await screen(116.335, 39.98);
    const target = await screen(116.336, 39.98);
    await drag(se, { x: target.x + 4, y: target.y - 3 });
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: '顶点编辑' }).waitFor({ state: 'detached' });
    const ring = [
      [116.33, 39.98],
      [116.336, 39.98],
      [116.335, 39.984],
      [116.33, 39.984],
      [116.33, 39.98],
    ];
    await expect.poll(shownHa).toBeCloseTo(hectares(ring), 2);
  });

  it('inserts a vertex by dragging an edge midpoint', async () => {
    await page.getByRole('button', { name: '编辑顶点' }).click();
    await page.getByRole('group', { name: '顶点编辑' }).waitFor();
    // The west edge runs from (116.33, 39.984) down to (116.33, 39.98); its midpoint is (116.33, 39.982).
    const mid = await screen(116.33, 39.982);
    const to = { x: mid.x - 30, y: mid.y };
    await drag(mid, to);
    const [lon, lat] = (await lonLatAt(to.x, to.y)).map(round9) as [number, number];
    await page.getByRole('button', { name: '保存编辑' }).click();
    const ring = [
      [116.33, 39.98],
      [116.336, 39.98],
      [116.335, 39.984],
      [116.33, 39.984],
      [lon, lat],
      [116.33, 39.98],
    ];
    await expect.poll(shownHa).toBeCloseTo(hectares(ring), 2);
    await page.getByRole('button', { name: '撤销' }).click();
  });

  it('deletes a vertex with a right-click and cancels with Esc without a change', async () => {
    const before = await shownHa();
    await page.getByRole('button', { name: '编辑顶点' }).click();
    await page.getByRole('group', { name: '顶点编辑' }).waitFor();
    const nw = await screen(116.33, 39.984);
    await page.mouse.click(nw.x, nw.y, { button: 'right' });
    await page.getByRole('button', { name: '保存编辑' }).click();
    const triangle = [
      [116.33, 39.98],
      [116.336, 39.98],
      [116.335, 39.984],
      [116.33, 39.98],
    ];
    await expect.poll(shownHa).toBeCloseTo(hectares(triangle), 2);
    expect(hectares(triangle)).toBeLessThan(before);
    await page.getByRole('button', { name: '编辑顶点' }).click();
    await page.getByRole('group', { name: '顶点编辑' }).waitFor();
    const v = await screen(116.335, 39.984);
    await drag(v, { x: v.x + 30, y: v.y });
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: '顶点编辑' }).waitFor({ state: 'detached' });
    expect(await shownHa()).toBeCloseTo(hectares(triangle), 2);
    expect(consoleErrors).toEqual([]);
  });
});

describe('retained shapes, split, rename, freehand', () => {
  const detail = () => page.getByRole('region', { name: '所选区块' });

  it('suggests a retained shape of exactly the retained area for a cut block, drawn on the map', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/two-blocks.geojson');
    await page
      .getByRole('row', { name: /电子城测试区块/ })
      .getByText('压减50%')
      .waitFor();
    await chooseRow(/电子城测试区块/);
    const line = detail().getByText(/^建议保留形状/);
    await line.waitFor();
    const [, area, required] = /：([\d.]+) km²，规则要求保留 ([\d.]+) km²/.exec((await line.textContent())!)!;
    expect(Number(area)).toBeCloseTo(Number(required), 4);
    // The required area is half the block's (压减50%): check it against the block's own figure.
    const blockKm2 = Number(/^([\d.]+) km²/.exec((await detail().getByText(/公顷/).textContent())!)![1]);
    expect(Number(required)).toBeCloseTo(blockKm2 / 2, 3);
    const n = await idleCount(page);
    await page.evaluate(() =>
      window.__parkplan!.map.fitBounds([116.4799, 39.9822, 116.5001, 39.9978], { animate: false }),
    );
    await waitForIdle(page, n);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            window
              .__parkplan!.map.queryRenderedFeatures(undefined, { layers: ['retained-fill'] })
              .filter((f) => f.properties.kind === 'suggested').length,
        ),
      )
      .toBeGreaterThan(0);
  });

  it("adopts the suggestion as the planner's shape, undoably", async () => {
    await detail().getByRole('button', { name: '采用建议形状' }).click();
    await detail()
      .getByText(/^规划师确定的保留形状/)
      .waitFor();
    await page.getByRole('button', { name: '撤销' }).click();
    await detail()
      .getByText(/^建议保留形状/)
      .waitFor();
    await page.getByRole('button', { name: '重做' }).click();
    await detail()
      .getByText(/^规划师确定的保留形状/)
      .waitFor();
  });

  it('flags a redrawn retained shape whose area is not what the rule keeps', async () => {
    await detail().getByRole('button', { name: '重画保留形状' }).click();
    const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const pts: [number, number][] = [
      [cx - 20, cy - 20],
      [cx + 20, cy - 20],
      [cx + 20, cy + 20],
      [cx - 20, cy + 20],
      [cx - 20, cy - 20],
    ];
    for (const [x, y] of pts) {
      await page.mouse.move(x, y, { steps: 3 });
      await page.mouse.click(x, y);
    }
    await detail().getByRole('alert').filter({ hasText: '与规则要求的' }).waitFor();
    await detail().getByRole('button', { name: '清除保留形状' }).click();
    await detail()
      .getByText(/^建议保留形状/)
      .waitFor();
  });

  it('renames a block from its panel', async () => {
    const field = detail().getByRole('textbox', { name: '区块名称' });
    await field.fill('电子城东区块');
    await field.press('Enter');
    await page.getByRole('row', { name: /电子城东区块/ }).waitFor();
    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('row', { name: /电子城测试区块/ }).waitFor();
  });

  it('draws a block freehand', async () => {
    const rows = page.getByRole('table', { name: '候选区块列表' }).getByRole('row');
    const before = await rows.count();
    await page.getByRole('button', { name: '手绘' }).click();
    const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
    const cx = box.x + box.width / 2 - 150;
    const cy = box.y + box.height / 2;
    // Freehand: click to start, move around a circle, click to finish.
    await page.mouse.click(cx + 40, cy);
    for (let k = 1; k <= 36; k++) {
      const a = (k / 36) * 2 * Math.PI;
      await page.mouse.move(cx + 40 * Math.cos(a), cy + 40 * Math.sin(a));
    }
    await page.mouse.click(cx + 40, cy + 1);
    await expect.poll(() => rows.count()).toBe(before + 1);
    await page.getByRole('button', { name: '手绘' }).click();
    expect(consoleErrors).toEqual([]);
  });
});

describe('split', () => {
  it('splits a two-part block into two blocks', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/report/blocks.geojson');
    // The report fixture's b5 is a two-part multipolygon of 0.6 + 0.7 km² (PROJ).
    await chooseRow(/multipolygon 0\.6 \+ 0\.7 in A/);
    await expect(page.getByRole('button', { name: '编辑顶点' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: '拆分为 2 个区块' }).click();
    const one = page.getByRole('row', { name: /multipolygon 0\.6 \+ 0\.7 in A-1/ });
    const two = page.getByRole('row', { name: /multipolygon 0\.6 \+ 0\.7 in A-2/ });
    await two.waitFor();
    // The analysis re-runs in the worker after the split: wait for the new figures.
    await expect
      .poll(async () => Number(await one.getByRole('cell').nth(1).textContent()))
      .toBeCloseTo(0.6, 3);
    await expect
      .poll(async () => Number(await two.getByRole('cell').nth(1).textContent()))
      .toBeCloseTo(0.7, 3);
  });
});
