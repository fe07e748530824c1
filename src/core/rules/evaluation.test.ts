import { describe, expect, it } from 'vitest';
import {
  bottomCount,
  DEFAULT_EVALUATION_PARAMS,
  evaluate,
  INDICATORS,
  type EvaluationInput,
  type IndicatorId,
} from './evaluation';

// Weights from seed 002: 15/15/10/15/15/10/10/10 (= 100 %) plus 10 + 10 bonus.
const all = (v: number) =>
  Object.fromEntries(INDICATORS.map((i) => [i.id, v])) as Record<IndicatorId, number>;

describe('evaluation (seed 002 需要说明的是 一、二)', () => {
  it('weights the eight base indicators to 100 % and the two bonus items at 10 % each', () => {
    const base = INDICATORS.filter((i) => i.kind === 'base');
    expect(base.map((i) => i.weight * 100)).toEqual([15, 15, 10, 15, 15, 10, 10, 10]);
    expect(base.reduce((a, i) => a + i.weight, 0)).toBeCloseTo(1, 12);
    expect(INDICATORS.filter((i) => i.kind === 'bonus').map((i) => [i.zh, i.weight])).toEqual([
      ['实缴税费', 0.1],
      ['新晋独角兽企业数', 0.1],
    ]);
  });

  it('scores by hand: best on everything = 120, worst = 0, and a mixed block as its weights say', () => {
    const inputs: EvaluationInput[] = [
      { blockId: 'best', evaluationClass: '其他分园', values: all(10) },
      { blockId: 'worst', evaluationClass: '其他分园', values: all(0) },
      // Best on 当年新增总收入 (15) and 地均产出 (15) and the bonus 新晋独角兽 (10); worst elsewhere.
      {
        blockId: 'mixed',
        evaluationClass: '其他分园',
        values: { ...all(0), newRevenue: 10, outputPerLand: 10, newUnicorns: 10 },
      },
      // Half-way on everything: 60.
      { blockId: 'middle', evaluationClass: '其他分园', values: all(5) },
    ];
    const r = evaluate(inputs);
    expect(r.get('best')!.score).toBeCloseTo(120, 9);
    expect(r.get('worst')!.score).toBeCloseTo(0, 9);
    expect(r.get('mixed')!.baseScore).toBeCloseTo(30, 9);
    expect(r.get('mixed')!.bonusScore).toBeCloseTo(10, 9);
    expect(r.get('middle')!.score).toBeCloseTo(60, 9);
    expect(['best', 'middle', 'mixed', 'worst'].map((id) => r.get(id)!.rank)).toEqual([1, 2, 3, 4]);
  });

  it('ranks the two classes separately (城六区与亦庄 / 其他分园)', () => {
    const r = evaluate([
      { blockId: 'a', evaluationClass: '城六区与亦庄', values: all(100) },
      { blockId: 'b', evaluationClass: '城六区与亦庄', values: all(50) },
      { blockId: 'c', evaluationClass: '其他分园', values: all(1) },
      { blockId: 'd', evaluationClass: '其他分园', values: all(2) },
    ]);
    expect(r.get('c')!.rank).toBe(2);
    expect(r.get('d')!.rank).toBe(1);
    expect(r.get('d')!.score).toBeCloseTo(120, 9); // min-max within its own class
    expect(r.get('b')!.classSize).toBe(2);
  });

  it('flags the bottom 5 % of each class: ceil(0.05 × 40) = 2 of 40; ceil(0.05 × 7) = 1 of 7', () => {
    const cls = (n: number, c: '城六区与亦庄' | '其他分园') =>
      Array.from({ length: n }, (_, k) => ({ blockId: `${c}-${k}`, evaluationClass: c, values: all(k) }));
    const r = evaluate([...cls(40, '其他分园'), ...cls(7, '城六区与亦庄')]);
    const flagged = [...r.values()]
      .filter((x) => x.bottom)
      .map((x) => x.blockId)
      .sort();
    expect(flagged).toEqual(['其他分园-0', '其他分园-1', '城六区与亦庄-0'].sort());
  });

  it('offers floor and round for the 5 % count', () => {
    const inputs = Array.from({ length: 19 }, (_, k) => ({
      blockId: String(k),
      evaluationClass: '其他分园' as const,
      values: all(k),
    }));
    const count = (bottomRounding: 'floor' | 'round') =>
      [...evaluate(inputs, { normalisation: 'minmax', bottomShare: 0.05, bottomRounding }).values()].filter(
        (x) => x.bottom,
      ).length;
    expect(count('floor')).toBe(0); // 0.95 → 0
    expect(count('round')).toBe(1);
  });

  it('flags blocks tied with the last flagged score, and says so', () => {
    const r = evaluate([
      { blockId: 'x', evaluationClass: '其他分园', values: all(1) },
      { blockId: 'y', evaluationClass: '其他分园', values: all(1) },
      { blockId: 'z', evaluationClass: '其他分园', values: all(5) },
    ]);
    expect(r.get('x')!.bottom && r.get('y')!.bottom).toBe(true);
    expect([r.get('x')!.warnings, r.get('y')!.warnings].flat()).toContain('tie-at-cutoff');
    expect(r.get('z')!.bottom).toBe(false);
  });

  it('counts a missing indicator as the class minimum and flags it', () => {
    const { newRevenue: _drop, ...rest } = all(10);
    void _drop;
    const r = evaluate([
      { blockId: 'm', evaluationClass: '其他分园', values: rest },
      { blockId: 'n', evaluationClass: '其他分园', values: all(0) },
    ]);
    expect(r.get('m')!.missing).toEqual(['newRevenue']);
    expect(r.get('m')!.warnings).toContain('indicator-missing');
    expect(r.get('m')!.score).toBeCloseTo(120 - 15, 9);
  });

  it('normalises by percentile rank or z-score when asked', () => {
    const inputs = [0, 1, 10].map((v) => ({
      blockId: String(v),
      evaluationClass: '其他分园' as const,
      values: all(v),
    }));
    const rank = evaluate(inputs, { normalisation: 'rank', bottomShare: 0.05, bottomRounding: 'ceil' });
    expect(rank.get('1')!.score).toBeCloseTo(60, 9); // middle of three → 0.5 everywhere
    const z = evaluate(inputs, { normalisation: 'zscore', bottomShare: 0.05, bottomRounding: 'ceil' });
    expect(z.get('10')!.rank).toBe(1);
    expect(z.get('0')!.bottom).toBe(true);
  });
});

describe('the bottom 5 % of a class, by rounding (seed 002 gives none)', () => {
  it('counts ⌈5 % × n⌉ by default, ⌊…⌋ or nearest when chosen, and says when a class is too small for it', () => {
    expect([1, 19, 20, 21, 40, 41].map((n) => bottomCount(n))).toEqual([1, 1, 1, 2, 2, 3]);
    expect(
      [1, 19, 20, 39, 40].map((n) =>
        bottomCount(n, { ...DEFAULT_EVALUATION_PARAMS, bottomRounding: 'floor' }),
      ),
    ).toEqual([0, 0, 1, 1, 2]);
    expect(
      [9, 10, 29, 30].map((n) => bottomCount(n, { ...DEFAULT_EVALUATION_PARAMS, bottomRounding: 'round' })),
    ).toEqual([0, 1, 1, 2]);
    const one = evaluate([{ blockId: 'a', evaluationClass: '其他分园', values: { newRevenue: 5 } }]);
    // One block alone: bottom by rounding, warned.
    expect(one.get('a')).toMatchObject({ bottom: true, rank: 1, classSize: 1, bottomCount: 1 });
    expect(one.get('a')!.warnings).toContain('class-too-small');
    const twenty = evaluate(
      Array.from({ length: 20 }, (_, k) => ({
        blockId: `b${k}`,
        evaluationClass: '其他分园' as const,
        values: { newRevenue: k },
      })),
    );
    expect(twenty.get('b0')!.warnings).not.toContain('class-too-small');
    expect([...twenty.values()].filter((r) => r.bottom).map((r) => r.blockId)).toEqual(['b0']);
  });
});
