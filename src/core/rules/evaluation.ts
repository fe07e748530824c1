import type { EvaluationClass } from '../../data/subparks';

/**
 * The composite evaluation of seed 002 (第三部分 管理考核, 需要说明的是 一、二)
 * and the bottom-5 % flag (动态调整机制).
 *
 * Choices the text leaves open, each a parameter:
 * - normalisation: none is given. Default min-max within the evaluation class
 *   ((x − min)/(max − min), so every indicator runs 0…1 before weighting);
 *   'rank' (percentile rank) and 'zscore' are the alternatives. An indicator
 *   on which the whole class is equal counts 1 for everyone (it does not
 *   discriminate).
 * - all ten indicators are read as "higher is better".
 * - a missing value counts as the class minimum (0 after min-max) and is flagged.
 * - the bottom 5 % of a class of n is ceil(0.05 × n) blocks by default, so
 *   every class of at least one block has a bottom; 'floor' and 'round' are
 *   the alternatives. Blocks tied with the last flagged score are flagged too.
 */

export interface Indicator {
  readonly id: IndicatorId;
  readonly zh: string;
  readonly en: string;
  readonly weight: number;
  readonly kind: 'base' | 'bonus';
}

export type IndicatorId =
  | 'newRevenue'
  | 'outputPerLand'
  | 'outputPerCapita'
  | 'techServiceRevenue'
  | 'qualityFirms'
  | 'techContractPerCapita'
  | 'rdIntensity'
  | 'newTechSmes'
  | 'taxesPaid'
  | 'newUnicorns';

export const EVALUATION_SOURCE = {
  source: 'seed002',
  indicatorsZh:
    '基础评价指标由当年新增总收入（15%）、地均产出（15%）、人均产出（10%）、科技服务业企业营业收入（15%）、国家高新技术企业、专精特新“小巨人”企业等优质企业保有量（15%）、人均技术合同成交额（10%）、企业研发投入强度（10%）、当年登记入库的科技型及创新型中小企业数（10%）构成，另外实缴税费（10%）、新晋独角兽企业数（10%）作为加分项指标。',
  classesZh:
    '依据中关村示范区分园创新发展综合评价指标体系进行分类，划分为城六区与亦庄、其他分园进行分类考核。',
  bottomZh:
    '依据评价结果建立市级高新区动态调整机制，对排名后5%的区块责令整改，整改后仍不达标的，退出市级高新区序列。',
  transitionZh:
    '针对生态涵养区拟认定为市级高新区的区块，需进行预估经济指标承诺，经评估后可设置不超过五年的过渡期，在过渡期内享受市级高新区政策。',
} as const;

export const INDICATORS: readonly Indicator[] = [
  { id: 'newRevenue', zh: '当年新增总收入', en: 'New total revenue this year', weight: 0.15, kind: 'base' },
  { id: 'outputPerLand', zh: '地均产出', en: 'Output per unit of land', weight: 0.15, kind: 'base' },
  { id: 'outputPerCapita', zh: '人均产出', en: 'Output per employee', weight: 0.1, kind: 'base' },
  {
    id: 'techServiceRevenue',
    zh: '科技服务业企业营业收入',
    en: 'Revenue of S&T service firms',
    weight: 0.15,
    kind: 'base',
  },
  {
    id: 'qualityFirms',
    zh: '国家高新技术企业、专精特新“小巨人”企业等优质企业保有量',
    en: 'High-quality firms held (national high-tech, "little giants", …)',
    weight: 0.15,
    kind: 'base',
  },
  {
    id: 'techContractPerCapita',
    zh: '人均技术合同成交额',
    en: 'Technology-contract value per employee',
    weight: 0.1,
    kind: 'base',
  },
  { id: 'rdIntensity', zh: '企业研发投入强度', en: 'Enterprise R&D intensity', weight: 0.1, kind: 'base' },
  {
    id: 'newTechSmes',
    zh: '当年登记入库的科技型及创新型中小企业数',
    en: 'New S&T and innovative SMEs registered',
    weight: 0.1,
    kind: 'base',
  },
  { id: 'taxesPaid', zh: '实缴税费', en: 'Taxes paid (bonus)', weight: 0.1, kind: 'bonus' },
  { id: 'newUnicorns', zh: '新晋独角兽企业数', en: 'New unicorns (bonus)', weight: 0.1, kind: 'bonus' },
];

export const MAX_TRANSITION_YEARS = 5;

export type Normalisation = 'minmax' | 'rank' | 'zscore';
export type BottomRounding = 'ceil' | 'floor' | 'round';

export interface EvaluationParams {
  readonly normalisation: Normalisation;
  readonly bottomShare: number;
  readonly bottomRounding: BottomRounding;
}

export const DEFAULT_EVALUATION_PARAMS: EvaluationParams = {
  normalisation: 'minmax',
  bottomShare: 0.05,
  bottomRounding: 'ceil',
};

export interface EvaluationInput {
  readonly blockId: string;
  readonly evaluationClass: EvaluationClass;
  readonly values: Partial<Record<IndicatorId, number | null>>;
}

export type EvaluationWarning =
  | 'indicator-missing'
  | 'tie-at-cutoff'
  /** The class has fewer blocks than 1 / bottomShare (20 at 5 %): its bottom is one block by rounding, or none. */
  | 'class-too-small';

export interface EvaluationResult {
  readonly blockId: string;
  readonly evaluationClass: EvaluationClass;
  /** Weighted score in points: base 0–100, plus bonus 0–20. */
  readonly score: number;
  readonly baseScore: number;
  readonly bonusScore: number;
  /** 1 = best in its class. */
  readonly rank: number;
  readonly classSize: number;
  /** How many of the class are its bottom 5 % (bottomCount). */
  readonly bottomCount: number;
  readonly bottom: boolean;
  readonly missing: readonly IndicatorId[];
  readonly warnings: readonly EvaluationWarning[];
}

function normalise(values: (number | null)[], how: Normalisation): number[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return values.map(() => 0);
  const min = Math.min(...present);
  const max = Math.max(...present);
  switch (how) {
    case 'minmax':
      return values.map((v) => (v === null ? 0 : max === min ? 1 : (v - min) / (max - min)));
    case 'rank': {
      // Percentile rank: share of the class strictly below, ties share the mean position.
      const n = present.length;
      return values.map((v) => {
        if (v === null) return 0;
        if (n === 1) return 1;
        const below = present.filter((x) => x < v).length;
        const equal = present.filter((x) => x === v).length;
        return (below + (equal - 1) / 2) / (n - 1);
      });
    }
    case 'zscore': {
      const mean = present.reduce((a, b) => a + b, 0) / present.length;
      const sd = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / present.length);
      const lo = sd === 0 ? 0 : (min - mean) / sd;
      return values.map((v) => (v === null ? (sd === 0 ? 0 : lo) : sd === 0 ? 1 : (v - mean) / sd));
    }
  }
}

/** How many of a class of n blocks are its bottom 5 % (with `p`'s share and rounding). */
export function bottomCount(n: number, p: EvaluationParams = DEFAULT_EVALUATION_PARAMS): number {
  const x = n * p.bottomShare;
  return p.bottomRounding === 'ceil'
    ? Math.ceil(x - 1e-9)
    : p.bottomRounding === 'floor'
      ? Math.floor(x + 1e-9)
      : Math.round(x);
}

export function evaluate(
  inputs: readonly EvaluationInput[],
  params: EvaluationParams = DEFAULT_EVALUATION_PARAMS,
): Map<string, EvaluationResult> {
  const out = new Map<string, EvaluationResult>();
  const classes = new Map<EvaluationClass, EvaluationInput[]>();
  for (const i of inputs) {
    const list = classes.get(i.evaluationClass) ?? [];
    list.push(i);
    classes.set(i.evaluationClass, list);
  }
  for (const [cls, members] of classes) {
    const scores = members.map(() => ({ base: 0, bonus: 0 }));
    for (const ind of INDICATORS) {
      const raw = members.map((m) => {
        const v = m.values[ind.id];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      });
      normalise(raw, params.normalisation).forEach((x, k) => {
        scores[k]![ind.kind === 'base' ? 'base' : 'bonus'] += 100 * ind.weight * x;
      });
    }
    const total = scores.map((s) => s.base + s.bonus);
    const order = members.map((_, k) => k).sort((a, b) => total[b]! - total[a]!);
    const rank = new Array<number>(members.length);
    order.forEach((k, pos) => {
      // Equal scores share the better rank.
      rank[k] = pos > 0 && total[k] === total[order[pos - 1]!] ? rank[order[pos - 1]!]! : pos + 1;
    });
    const count = bottomCount(members.length, params);
    const cutoff = count > 0 ? total[order[members.length - count]!]! : -Infinity;
    members.forEach((m, k) => {
      const missing = INDICATORS.filter((ind) => {
        const v = m.values[ind.id];
        return !(typeof v === 'number' && Number.isFinite(v));
      }).map((ind) => ind.id);
      const bottom = count > 0 && total[k]! <= cutoff;
      const warnings: EvaluationWarning[] = [];
      if (missing.length) warnings.push('indicator-missing');
      // 5 % of fewer than 20 blocks is less than one block: the rounding alone decides.
      if (members.length * params.bottomShare < 1) warnings.push('class-too-small');
      // Flagged only because it ties the last flagged score.
      if (bottom && order.indexOf(k) < members.length - count) warnings.push('tie-at-cutoff');
      out.set(m.blockId, {
        blockId: m.blockId,
        evaluationClass: cls,
        score: total[k]!,
        baseScore: scores[k]!.base,
        bonusScore: scores[k]!.bonus,
        rank: rank[k]!,
        classSize: members.length,
        bottomCount: count,
        bottom,
        missing,
        warnings,
      });
    });
  }
  return out;
}
