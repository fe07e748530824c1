/**
 * The dynamic-adjustment rule (淘汰方式) of seed 002, 第三部分 管理考核,
 * 需要说明的是 三. Kept as data with its source sentence, so the README, the
 * UI and the tests quote the same text.
 */

export const ADJUSTMENT_RULE = {
  source: 'seed002',
  where: '四、主要内容 — 第三部分：管理考核 — 需要说明的是：三是淘汰方式',
  sentenceZh:
    '针对区块面积小于等于2平方公里，且区块面积占分园面积比例低于20%的直接淘汰，高于20%的按区块面积的50%压减，压减后不低于0.5平方公里；针对区块面积大于2平方公里，且区块面积占分园比例低于20%的按区块面积的50%压减，高于20%的按区块面积的25%压减。',
  purposeZh: '为避免动态调整对分园整体产生较大影响，将根据区块面积与占比，分类设置动态调整模式。',
  /** 小于等于2平方公里 is small; 大于2平方公里 is large. */
  areaThresholdKm2: 2,
  /** 低于20% / 高于20% of the sub-park's area. */
  shareThreshold: 0.2,
  /** 压减后不低于0.5平方公里 (small blocks with a high share). */
  floorKm2: 0.5,
  cases: [
    {
      size: 'small',
      share: 'low',
      mode: 'remove',
      cutFraction: 1,
      textZh: '小于等于2平方公里，且占比低于20%：直接淘汰',
    },
    {
      size: 'small',
      share: 'high',
      mode: 'cut50',
      cutFraction: 0.5,
      textZh: '小于等于2平方公里，且占比高于20%：按区块面积的50%压减，压减后不低于0.5平方公里',
    },
    {
      size: 'large',
      share: 'low',
      mode: 'cut50',
      cutFraction: 0.5,
      textZh: '大于2平方公里，且占比低于20%：按区块面积的50%压减',
    },
    {
      size: 'large',
      share: 'high',
      mode: 'cut25',
      cutFraction: 0.25,
      textZh: '大于2平方公里，且占比高于20%：按区块面积的25%压减',
    },
  ],
} as const;

export type SizeClass = 'small' | 'large';
export type ShareClass = 'low' | 'high';
export type Mode = 'remove' | 'cut50' | 'cut25';

/** Stable warning codes; the UI and exports translate them, tests and scripts match them. */
export type RuleWarning =
  | 'share-at-threshold'
  | 'area-at-threshold'
  | 'below-floor'
  | 'floor-applied'
  | 'near-area-threshold'
  | 'near-share-threshold';

export interface RuleParams {
  /**
   * The text says 低于20% and 高于20% and leaves exactly 20 % open. Default
   * 'high': a block at exactly 20 % is not 低于20%, so it is not removed
   * outright and takes the high-share mode. 'low' reads it the other way.
   */
  readonly shareAtThreshold: ShareClass;
  /** Relative move of the area that counts as fragile (0.1 %). */
  readonly nearAreaFraction: number;
  /** Absolute move of the share that counts as fragile (0.1 percentage point). */
  readonly nearSharePoints: number;
}

export const DEFAULT_RULE_PARAMS: RuleParams = {
  shareAtThreshold: 'high',
  nearAreaFraction: 0.001,
  nearSharePoints: 0.001,
};

/** Tolerance for "exactly" 2 km² or 20 %: measured figures carry float noise. */
const EXACT = 1e-9;

export interface Verdict {
  readonly sizeClass: SizeClass;
  readonly shareClass: ShareClass;
  readonly mode: Mode;
  readonly retainedKm2: number;
  readonly removedKm2: number;
  readonly warnings: readonly RuleWarning[];
}

/** 小于等于2平方公里 is small, 大于2平方公里 large (2 km² within float noise counts as 2). */
export function sizeClassOf(areaKm2: number): SizeClass {
  return areaKm2 <= ADJUSTMENT_RULE.areaThresholdKm2 + EXACT ? 'small' : 'large';
}

function classify(areaKm2: number, share: number, p: RuleParams) {
  const r = ADJUSTMENT_RULE;
  const sizeClass = sizeClassOf(areaKm2);
  const atShare = Math.abs(share - r.shareThreshold) <= EXACT;
  const shareClass: ShareClass = atShare ? p.shareAtThreshold : share < r.shareThreshold ? 'low' : 'high';
  const c = r.cases.find((x) => x.size === sizeClass && x.share === shareClass)!;
  return { sizeClass, shareClass, mode: c.mode as Mode, cutFraction: c.cutFraction, atShare };
}

/**
 * Applies the rule to a block of `areaKm2` whose share of its sub-park is
 * `share` (a fraction). Retained area for the small/high case is
 * min(area, max(area × 50 %, 0.5 km²)): the cut stops at the floor, and a
 * block already below the floor is not cut at all (it cannot be cut "to not
 * less than 0.5 km²"), which is flagged.
 */
export function applyRule(areaKm2: number, share: number, params: RuleParams = DEFAULT_RULE_PARAMS): Verdict {
  if (!(areaKm2 >= 0) || !Number.isFinite(areaKm2))
    throw new RangeError(`block area must be a finite number ≥ 0, got ${areaKm2}`);
  if (!(share >= 0) || !Number.isFinite(share))
    throw new RangeError(`share must be a finite number ≥ 0, got ${share}`);
  const r = ADJUSTMENT_RULE;
  const c = classify(areaKm2, share, params);
  const warnings: RuleWarning[] = [];
  if (c.atShare) warnings.push('share-at-threshold');
  if (Math.abs(areaKm2 - r.areaThresholdKm2) <= EXACT) warnings.push('area-at-threshold');

  let retained = areaKm2 * (1 - c.cutFraction);
  if (c.sizeClass === 'small' && c.shareClass === 'high') {
    if (areaKm2 < r.floorKm2) {
      retained = areaKm2;
      warnings.push('below-floor');
    } else if (retained < r.floorKm2) {
      retained = r.floorKm2;
      warnings.push('floor-applied');
    }
  }

  // Fragile verdicts: would the mode change if the area moved by ±0.1 %
  // (the share moving with it) or the share by ±0.1 percentage point?
  const modeAt = (a: number, s: number) => classify(a, s, params).mode;
  const f = params.nearAreaFraction;
  if (
    modeAt(areaKm2 * (1 + f), share * (1 + f)) !== c.mode ||
    modeAt(areaKm2 * (1 - f), share * (1 - f)) !== c.mode
  ) {
    warnings.push('near-area-threshold');
  }
  const d = params.nearSharePoints;
  if (modeAt(areaKm2, share + d) !== c.mode || modeAt(areaKm2, Math.max(0, share - d)) !== c.mode) {
    warnings.push('near-share-threshold');
  }

  return {
    sizeClass: c.sizeClass,
    shareClass: c.shareClass,
    mode: c.mode,
    retainedKm2: retained,
    removedKm2: areaKm2 - retained,
    warnings,
  };
}
