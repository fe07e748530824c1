import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idleCount, launch, openApp, waitForIdle } from './chromium';
import { GROUPS } from '../../src/data/groups';
import { MODES } from '../../src/data/modes';
import {
  YIZHUANG_LEADING_INDUSTRIES,
  YIZHUANG_RESULTS_2022,
  YIZHUANG_TARGETS_2022,
} from '../../src/data/yizhuang-plan';
import { IMPORT_LABEL } from './oracle';

/**
 * Reviewer workflow: click a group on the map and read its panel; follow it
 * to the sub-park; deep links; keyboard. Expected texts come from the app's
 * transcription of seed 003, which test/unit/provenance.test.ts checks
 * against the seed itself.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

const panel = () => page.getByRole('dialog');
const zhongzhixue = GROUPS.find((g) => g.id === 'zhongzhixue')!;

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

describe('reviewer workflow: panels', () => {
  it('opens a group’s panel when it is clicked on the map, with the plan’s words', async () => {
    // The schematic 中知学 group is placed at its estimated location (116.333, 39.985).
    const n = await idleCount(page);
    await page.evaluate(() => window.__parkplan!.map.jumpTo({ center: [116.333, 39.985], zoom: 13 }));
    await waitForIdle(page, n);
    const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(panel().getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      '中知学原始创新组团',
    );
    // Focus moves to the panel for keyboard users.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('place-heading');
    await panel().getByText(zhongzhixue.positioningZh, { exact: true }).waitFor();
    // Every focus field as a chip, grouped under its industry.
    const chips = await panel()
      .getByRole('listitem')
      .filter({ hasNot: page.getByRole('paragraph') })
      .allTextContents();
    for (const f of zhongzhixue.focus) expect(chips).toContain(f);
    const research = MODES.find((m) => m.id === 'research')!;
    await panel().getByText(research.descriptionZh, { exact: true }).waitFor();
    await panel().getByText('微集群空间、特色创新园').waitFor();
    expect(page.url()).toMatch(/#group=zhongzhixue$/);
  });

  it('follows the group to its sub-park, which quotes the plan’s role sentences and lists its groups', async () => {
    await panel().getByRole('button', { name: '海淀园' }).click();
    await expect(panel().getByRole('heading', { level: 2 }).textContent()).resolves.toBe('海淀园');
    await panel()
      .getByText(
        '新一代信息技术产业以海淀园为核心,向东城园、西城园、朝阳园、石景山园、昌平园等周边分园渗透,辐射联动通州园、亦庄园等分园。',
      )
      .waitFor();
    // Its role in each sentence: core of 新一代信息技术, R&D in the north of 生物与健康.
    await panel().getByRole('listitem').filter({ hasText: '新一代信息技术核心' }).waitFor();
    await panel().getByRole('listitem').filter({ hasText: '生物与健康北部发展区核心，以研发为主' }).waitFor();
    await panel().getByRole('heading', { name: '发展组团（4 个）' }).waitFor();
    await panel().getByText('城六区与亦庄').waitFor();
    expect(page.url()).toMatch(/#subpark=haidian$/);
  });

  it('closes with Esc, clearing the address', async () => {
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    expect(new URL(page.url()).hash).toBe('');
  });

  it('opens from a deep link, in English with the plan’s Chinese kept', async () => {
    const fresh = await openApp(browser, baseUrl, '#group=yanqing-park');
    const dialog = fresh.page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('延庆园组团');
    await fresh.page.getByRole('button', { name: '切换到英文界面' }).click();
    const yanqing = GROUPS.find((g) => g.id === 'yanqing-park')!;
    // The English strings load on first use, so the switch is not immediate.
    await expect.poll(() => dialog.getByRole('heading', { level: 2 }).textContent()).toBe(yanqing.nameEn);
    await dialog.getByText(yanqing.positioningZh, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Close details' }).click();
    await dialog.waitFor({ state: 'detached' });
    await fresh.context.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe('reviewer workflow: filters and search', () => {
  // Seed 003's group sentences that name 集成电路 (the app's transcription, checked against the seed).
  const withIc = GROUPS.filter((g) => g.sourceSentence.includes('集成电路'));

  it('集成电路 highlights exactly the groups the plan puts it in, and dims the rest', async () => {
    const n = await idleCount(page);
    await page.evaluate(() =>
      window.__parkplan!.map.fitBounds([115.42, 39.44, 117.51, 41.06], { animate: false, padding: 20 }),
    );
    await waitForIdle(page, n);
    const filters = page.getByRole('region', { name: '筛选组团' });
    await filters.getByText('新一代信息技术的领域').click();
    await filters.getByRole('checkbox', { name: new RegExp(`^集成电路 \\(${withIc.length}\\)$`) }).check();
    await filters.getByText(`显示 ${withIc.length} / 31 个组团`).waitFor();
    // On the map: the groups not dimmed are those, by id.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const fs = window.__parkplan!.map.queryRenderedFeatures(undefined, { layers: ['zgc-groups-fill'] });
          return [...new Set(fs.filter((f) => !f.state.dim).map((f) => String(f.id)))].sort();
        }),
      )
      .toEqual(withIc.map((g) => g.id).sort());
    // A second dimension narrows it: 集成电路 and 三城一区.
    await filters.getByRole('checkbox', { name: /^三城一区 \(\d+\)$/ }).check();
    const both = withIc.filter((g) => g.category === '三城一区');
    await filters.getByText(`显示 ${both.length} / 31 个组团`).waitFor();
    await filters.getByRole('button', { name: '清除全部筛选' }).click();
    await filters.getByText('显示 31 / 31 个组团').waitFor();
  });

  it('finds a group by pinyin initials and opens its panel', async () => {
    const filters = page.getByRole('region', { name: '筛选组团' });
    await filters.getByRole('searchbox', { name: '搜索组团或分园（中文、拼音或英文）' }).fill('zzx');
    await filters
      .getByRole('list', { name: '搜索结果' })
      .getByRole('button', { name: '中知学原始创新组团' })
      .waitFor();
    // By keyboard: from the search box, Tab reaches the first result and Enter opens it.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      '中知学原始创新组团',
    );
    await page.keyboard.press('Enter');
    await expect(panel().getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      '中知学原始创新组团',
    );
    await page.keyboard.press('Escape');
    expect(consoleErrors).toEqual([]);
  });

  it('finds groups by field ("集成", the box’s own example), by a field’s name and by a name planners use, and moves through results with the arrow keys', async () => {
    const filters = page.getByRole('region', { name: '筛选组团' });
    const box = filters.getByRole('searchbox', { name: '搜索组团或分园（中文、拼音或英文）' });
    const results = filters.getByRole('list', { name: '搜索结果' });
    const integrated = GROUPS.filter((g) => g.focus.some((f) => f.includes('集成电路')));
    await box.fill('集成');
    for (const g of integrated) await results.getByRole('button', { name: g.nameZh }).waitFor();
    await results
      .getByText(/聚焦 集成电路/)
      .first()
      .waitFor();
    const ai = GROUPS.filter((g) => g.focus.some((f) => f.includes('人工智能')));
    await box.fill('人工智能');
    for (const g of ai) await results.getByRole('button', { name: g.nameZh }).waitFor();
    await box.fill('中关村科学城');
    await results.getByRole('button', { name: '海淀园' }).waitFor();
    await results.getByText('又称“中关村科学城”').waitFor();
    // Arrow keys: down from the box into the results, down again, up again, Enter opens.
    await box.fill('集成');
    await box.press('ArrowDown');
    const active = () => page.evaluate(() => document.activeElement?.textContent);
    const names = await results.getByRole('button').allTextContents();
    await expect(active()).resolves.toBe(names[0]);
    await page.keyboard.press('ArrowDown');
    await expect(active()).resolves.toBe(names[1]);
    await page.keyboard.press('ArrowUp');
    await expect(active()).resolves.toBe(names[0]);
    await page.keyboard.press('Enter');
    await expect(panel().getByRole('heading', { level: 2 }).textContent()).resolves.toBe(names[0]);
    await page.keyboard.press('Escape');
    await box.fill('');
  });
});

describe('reviewer workflow: Yizhuang and candidate blocks', () => {
  it('opens the Yizhuang core from a deep link with its figures, industries, targets and priorities', async () => {
    const fresh = await openApp(browser, baseUrl, '#yizhuang=core');
    const dialog = fresh.page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('亦庄新城核心区');
    const parts = dialog.getByRole('table', { name: '亦庄新城的组成' });
    await expect(
      parts
        .getByRole('row', { name: /亦庄新城核心区/ })
        .getByRole('cell')
        .textContent(),
    ).resolves.toBe('60 km²（官方）');
    await expect(
      parts
        .getByRole('row', { name: /亦庄新城合计/ })
        .getByRole('cell')
        .textContent(),
    ).resolves.toBe('225 km²（官方）');
    expect(
      await dialog.getByRole('list', { name: '四大主导产业' }).getByRole('listitem').allTextContents(),
    ).toEqual(YIZHUANG_LEADING_INDUSTRIES.industriesZh);
    await dialog.getByText(YIZHUANG_TARGETS_2022.sentenceZh, { exact: true }).waitFor();
    await dialog.getByText(YIZHUANG_RESULTS_2022.sentenceZh, { exact: true }).waitFor();
    await expect(
      dialog.getByRole('list').filter({ hasText: '围绕深耕高精尖产业主阵地' }).getByRole('listitem').count(),
    ).resolves.toBe(9);
    await fresh.context.close();
  });

  it('lists the candidate blocks inside a group with their verdicts', async () => {
    await page.getByLabel(IMPORT_LABEL).setInputFiles('test/fixtures/import/two-blocks.geojson');
    await page
      .getByRole('row', { name: /中关村测试区块/ })
      .getByText('直接淘汰')
      .waitFor();
    await page.evaluate(() => (location.hash = '#group=zhongzhixue'));
    const inside = panel().getByRole('table', { name: '范围内的候选区块' });
    await inside
      .getByRole('row', { name: /中关村测试区块/ })
      .getByText('直接淘汰')
      .waitFor();
    expect(await inside.getByRole('row', { name: /电子城测试区块/ }).count()).toBe(0);
    // The sub-park lists the blocks the analysis puts in it, with totals.
    await page.evaluate(() => (location.hash = '#subpark=haidian'));
    await panel().getByRole('heading', { name: '范围内的候选区块（1 个）' }).waitFor();
    await panel()
      .getByText(/^合计 [\d.]+ km²，全部按模式调整后保留 0\.000 km²$/)
      .waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
