import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { GROUPS } from '../../src/data/groups';
import { MODES } from '../../src/data/modes';
import { SUBPARK_ROLE_SENTENCES } from '../../src/data/subpark-roles';
import {
  YIZHUANG_GOAL_2035,
  YIZHUANG_LEADING_INDUSTRIES,
  YIZHUANG_PRIORITIES_2023,
  YIZHUANG_RESULTS_2022,
  YIZHUANG_TARGETS_2022,
} from '../../src/data/yizhuang-plan';
import { INDUSTRIES } from '../../src/data/taxonomy';
import { ADJUSTMENT_RULE } from '../../src/core/rules/adjustment';
import { EVALUATION_SOURCE } from '../../src/core/rules/evaluation';

/**
 * Provenance: checks the repo's transcriptions against the source documents
 * in ../shared/seeds/, beside the project as CI has it. Where that folder is
 * absent (a plain clone), these tests say so and skip.
 */
const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const present = existsSync(new URL('003_79d06091482cf8c0.txt', SEEDS));
const seed = (f: string) => readFileSync(new URL(f, SEEDS), 'utf8');
if (!present) console.warn('provenance: ../shared/seeds/ not found beside the project; skipping seed checks');

describe.skipIf(!present)('provenance against ../shared/seeds/', () => {
  it('every group sentence stands verbatim in seed 003, in the plan order', () => {
    const text = seed('003_79d06091482cf8c0.txt');
    let last = -1;
    for (const g of GROUPS) {
      const at = text.indexOf(g.sourceSentence);
      expect(at, g.nameZh).toBeGreaterThan(last);
      last = at;
    }
  });

  it("each of the 31 groups' industry fields and positioning match seed 003's own sentence for it", () => {
    // Parsed from the seed independently of the app's data: "<name>聚焦<a>、<b>…(等)领域,<positioning>。"
    const text = seed('003_79d06091482cf8c0.txt');
    const sentences = [
      ...text.matchAll(/([\u4e00-\u9fa5]+组团)聚焦([^。]+?)(?:等)?领域,((?:全面)?(?:打造|建设)[^。]*)。/g),
    ];
    expect(sentences).toHaveLength(31);
    for (const [, name, fields, positioning] of sentences) {
      const g = GROUPS.find((x) => x.nameZh === name);
      expect(g, name).toBeDefined();
      // 顺义园北区组团 "聚焦发展新能源汽车、…": 发展 is the verb, not part of the first field.
      expect(g!.focus, name).toEqual(fields!.replace(/^发展/, '').split('、'));
      expect(g!.positioningZh, name).toBe(positioning);
    }
  });

  it("every sentence giving sub-parks a role stands verbatim in seed 003's chapter 2", () => {
    const text = seed('003_79d06091482cf8c0.txt');
    const ch2 = text.slice(text.lastIndexOf('第二章 优化产业结构布局'), text.lastIndexOf('第三章'));
    for (const r of SUBPARK_ROLE_SENTENCES) expect(ch2, r.sentenceZh.slice(0, 12)).toContain(r.sentenceZh);
  });

  it('every Yizhuang quote stands verbatim in its seed', () => {
    const file = { seed000: '000_f5520e089dcf292c.txt', seed001: '001_9b92248f848d7305.txt' } as const;
    for (const q of [
      YIZHUANG_LEADING_INDUSTRIES,
      YIZHUANG_TARGETS_2022,
      YIZHUANG_GOAL_2035,
      YIZHUANG_RESULTS_2022,
    ])
      expect(seed(file[q.source as keyof typeof file]), q.sentenceZh.slice(0, 12)).toContain(q.sentenceZh);
    for (const i of YIZHUANG_LEADING_INDUSTRIES.industriesZh)
      expect(YIZHUANG_LEADING_INDUSTRIES.sentenceZh).toContain(i);
    const report = seed(file.seed001);
    for (const h of YIZHUANG_PRIORITIES_2023.headingsZh) expect(report).toContain(`\n${h}`);
    expect(YIZHUANG_PRIORITIES_2023.headingsZh).toHaveLength(9);
  });

  it('every mode description and its group list stand verbatim in seed 003', () => {
    const text = seed('003_79d06091482cf8c0.txt');
    for (const m of MODES) {
      expect(text, m.nameZh).toContain(m.descriptionZh);
      expect(text, m.nameZh).toContain(m.groupsAsListed.join('、'));
    }
  });

  it('every taxonomy field list stands in seed 003 chapter 2', () => {
    const text = seed('003_79d06091482cf8c0.txt');
    for (const i of INDUSTRIES) {
      expect(text, i.nameZh).toContain(i.nameZh);
      for (const f of i.fields) expect(text, `${i.nameZh} ${f.zh}`).toContain(f.zh);
    }
  });

  it('the official figures come from the seeds: 488 km², 31 groups, 225 = 60 + 165', () => {
    expect(seed('003_79d06091482cf8c0.txt')).toContain('488平方公里总体规模不变');
    expect(seed('003_79d06091482cf8c0.txt')).toContain('重点聚焦31个发展组团');
    expect(seed('003_79d06091482cf8c0.txt')).toContain('面积在2平方公里以上');
    expect(seed('000_f5520e089dcf292c.txt')).toContain(
      '亦庄新城225平方公里（其中核心区60平方公里，大兴和通州部分165平方公里）',
    );
    expect(seed('002_8510cfcb9c1e8404.txt')).toContain('划分为城六区与亦庄、其他分园进行分类考核');
  });
});

describe.skipIf(!present)('provenance of the rules against seed 002', () => {
  it('the adjustment rule, its purpose and the evaluation sentences stand verbatim in seed 002', () => {
    const text = seed('002_8510cfcb9c1e8404.txt');
    expect(text).toContain(ADJUSTMENT_RULE.sentenceZh);
    expect(text).toContain(ADJUSTMENT_RULE.purposeZh);
    for (const s of Object.values(EVALUATION_SOURCE).filter((v) => v !== 'seed002'))
      expect(text).toContain(s);
    expect(text).toContain('整合面积约为718km2');
  });
});
