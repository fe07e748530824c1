import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_RULE, applyRule, DEFAULT_RULE_PARAMS } from './adjustment';

/**
 * Hand-worked from seed 002 (淘汰方式): “针对区块面积小于等于2平方公里，且区块面积占分园面积比例
 * 低于20%的直接淘汰，高于20%的按区块面积的50%压减，压减后不低于0.5平方公里；针对区块面积大于2平方公里，
 * 且区块面积占分园比例低于20%的按区块面积的50%压减，高于20%的按区块面积的25%压减。”
 */
const TABLE: [
  label: string,
  areaKm2: number,
  share: number,
  size: string,
  mode: string,
  retainedKm2: number,
  warnings: string[],
][] = [
  ['small, low share: removed outright', 1.0, 0.1, 'small', 'remove', 0, []],
  ['small, high share: cut by 50 %', 1.5, 0.3, 'small', 'cut50', 0.75, []],
  [
    'small, high share, 50 % would leave 0.4: kept at the 0.5 floor',
    0.8,
    0.3,
    'small',
    'cut50',
    0.5,
    ['floor-applied'],
  ],
  ['small, high share, already under the floor: not cut', 0.4, 0.3, 'small', 'cut50', 0.4, ['below-floor']],
  [
    'exactly 2 km² is small (小于等于), low share: removed',
    2.0,
    0.1,
    'small',
    'remove',
    0,
    ['area-at-threshold', 'near-area-threshold'],
  ],
  [
    'exactly 2 km², high share: cut by 50 %',
    2.0,
    0.3,
    'small',
    'cut50',
    1.0,
    ['area-at-threshold', 'near-area-threshold'],
  ],
  ['large, low share: cut by 50 %', 3.0, 0.1, 'large', 'cut50', 1.5, []],
  ['large, high share: cut by 25 %', 3.0, 0.3, 'large', 'cut25', 2.25, []],
  // At exactly 20 % a 0.1 % smaller area is also a 0.1 % smaller share (19.98 %): fragile both ways.
  [
    'exactly 20 % reads as not 低于20% (default): cut by 50 %',
    1.0,
    0.2,
    'small',
    'cut50',
    0.5,
    ['share-at-threshold', 'near-share-threshold', 'near-area-threshold'],
  ],
  [
    'large at exactly 20 %: cut by 25 %',
    5.0,
    0.2,
    'large',
    'cut25',
    3.75,
    ['share-at-threshold', 'near-share-threshold', 'near-area-threshold'],
  ],
  [
    '2.001 km² is large; 0.1 % less would be small',
    2.001,
    0.1,
    'large',
    'cut50',
    1.0005,
    ['near-area-threshold'],
  ],
  [
    '1.999 km² is small; 0.1 % more would be large',
    1.999,
    0.1,
    'small',
    'remove',
    0,
    ['near-area-threshold'],
  ],
  ['share 19.95 %: 0.1 point more crosses 20 %', 1.0, 0.1995, 'small', 'remove', 0, ['near-share-threshold']],
  ['share 19.85 %: robust', 1.0, 0.1985, 'small', 'remove', 0, []],
  [
    'tiny sub-park: 0.3 km² block is 30 % of a 1 km² park, under the floor',
    0.3,
    0.3,
    'small',
    'cut50',
    0.3,
    ['below-floor'],
  ],
  ['a block that is the whole sub-park (100 %)', 1.0, 1.0, 'small', 'cut50', 0.5, []],
];

describe('adjustment rule (seed 002 淘汰方式)', () => {
  it.each(TABLE)('%s', (_label, area, share, size, mode, retained, warnings) => {
    const v = applyRule(area, share);
    expect(v.sizeClass).toBe(size);
    expect(v.mode).toBe(mode);
    expect(v.retainedKm2).toBeCloseTo(retained, 12);
    expect(v.removedKm2).toBeCloseTo(area - retained, 12);
    expect([...v.warnings].sort()).toEqual([...warnings].sort());
  });

  it('reads exactly 20 % as low when asked: the small block is removed, the large one cut by 50 %', () => {
    const low = { ...DEFAULT_RULE_PARAMS, shareAtThreshold: 'low' as const };
    expect(applyRule(1.0, 0.2, low)).toMatchObject({ mode: 'remove', retainedKm2: 0 });
    expect(applyRule(5.0, 0.2, low)).toMatchObject({ mode: 'cut50', retainedKm2: 2.5 });
  });

  it('treats float noise around 20 % and 2 km² as exactly at the threshold', () => {
    expect(applyRule(1.0, 0.1 + 0.1).warnings).toContain('share-at-threshold');
    expect(applyRule(0.7 + 0.7 + 0.6, 0.1).sizeClass).toBe('small');
  });

  it('rejects nonsense input rather than guessing', () => {
    expect(() => applyRule(NaN, 0.1)).toThrow(RangeError);
    expect(() => applyRule(1, -0.1)).toThrow(RangeError);
  });

  it('keeps the source sentence and its four cases as data', () => {
    expect(ADJUSTMENT_RULE.sentenceZh).toContain('压减后不低于0.5平方公里');
    expect(ADJUSTMENT_RULE.cases.map((c) => c.mode)).toEqual(['remove', 'cut50', 'cut50', 'cut25']);
  });
});
