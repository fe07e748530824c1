import type { Feature, FeatureCollection } from 'geojson';
import { M2_PER_HECTARE, M2_PER_KM2, M2_PER_MU } from '../geo/area';
import { planarAreaM2, DEFAULT_GK_EPSG } from '../geo/planar';
import { blockShape, type Areal } from '../overlay/zones';
import {
  applyRule,
  sizeClassOf,
  DEFAULT_RULE_PARAMS,
  type Mode,
  type RuleParams,
  type RuleWarning,
  type SizeClass,
} from '../rules/adjustment';
import {
  DEFAULT_EVALUATION_PARAMS,
  evaluate,
  MAX_TRANSITION_YEARS,
  type EvaluationParams,
  type EvaluationResult,
  type EvaluationWarning,
  type IndicatorId,
} from '../rules/evaluation';
import { textProp, unionGeometry, type ReportContext } from './context';
import { importedParts } from '../io/block-fields';
import { geometryAreaM2 } from '../geo/area';
import { crossingPoints } from '../geo/self-intersections';
import { repairAreal } from '../geo/repair';

/**
 * Everything ParkPlan says about each candidate block: its areas, where it
 * lies, its share of its sub-park, the adjustment rule's verdict and (given
 * indicators) its evaluation. One function for the app and the command line.
 */

export type BlockWarning =
  | RuleWarning
  | EvaluationWarning
  | 'outside-subparks'
  | 'partly-outside-subparks'
  | 'split-across-subparks'
  | 'share-above-one'
  | 'in-ecological-district'
  | 'in-partly-ecological-district'
  | 'transition-not-ecological'
  | 'transition-exceeds-5-years'
  | 'no-evaluation-class'
  /** The boundary crosses itself: its area is not meaningful until it is mended (see `mendedAreaKm2`). */
  | 'self-intersection';

/** What applies to the block now. */
export type BlockStatus =
  /** No indicators: the verdict shows what the rule would do if the block were eliminated. */
  | 'preview'
  /** Evaluated, not in the bottom 5 %: kept whole. */
  | 'kept'
  /** Bottom 5 %: ordered to rectify (责令整改); the verdict applies if that fails. */
  | 'rectify'
  /** Bottom 5 % and rectification failed: the verdict applies (退出 per the mode). */
  | 'due'
  /** Ecological-district block within its transition period: not removed. */
  | 'transition'
  /** The boundary crosses itself: no area, share or verdict until it is mended. */
  | 'needs-repair';

export interface BlockInput {
  readonly indicators?: Partial<Record<IndicatorId, number | null>>;
  readonly rectificationFailed?: boolean;
  readonly transitionYears?: number;
}

export interface BlockReport {
  readonly id: string;
  readonly name: string;
  /** NaN when the boundary crosses itself (status 'needs-repair'): such an area means nothing. */
  readonly areaKm2: number;
  /** A self-crossing block's area once mended (the union of itself), as a preview; else null. */
  readonly mendedAreaKm2: number | null;
  readonly areaHa: number;
  readonly areaMu: number;
  /** Null when the caller skipped it (opts.planar = false). */
  readonly planarAreaKm2: number | null;
  readonly planarCrs: string;
  readonly subparkId: string | null;
  readonly subpark: string | null;
  readonly subparkEn: string | null;
  readonly subparkOverlaps: readonly { id: string; name: string; km2: number }[];
  readonly shareOfSubpark: number | null;
  readonly shareDenominator: 'declared' | 'measured' | null;
  readonly subparkAreaKm2: number | null;
  /** Null when the block needs repair. */
  readonly sizeClass: SizeClass | null;
  readonly mode: Mode | null;
  readonly retainedKm2: number | null;
  readonly removedKm2: number | null;
  readonly districts: readonly { id: string; name: string; km2: number }[];
  readonly ecologicalKm2: number;
  readonly partlyEcologicalKm2: number;
  readonly zgcScopeKm2: number;
  readonly yizhuangKm2: Readonly<Record<string, number>>;
  readonly nationalKm2: number;
  readonly evaluationClass: string | null;
  readonly evaluation: EvaluationResult | null;
  readonly transitionYears: number | null;
  readonly status: BlockStatus;
  readonly warnings: readonly BlockWarning[];
}

export interface Totals {
  readonly blockCount: number;
  /** Blocks left out of the sums and the union because their boundary crosses itself. */
  readonly needsRepair: number;
  readonly sumKm2: number;
  readonly unionKm2: number;
  readonly nationalOverlapKm2: number;
  readonly netOfNationalKm2: number;
  /** Σ retained area if every block's verdict applied (blocks outside all sub-parks count whole). */
  readonly retainedIfAllAppliedKm2: number;
  readonly integrationFigure: {
    readonly km2: 718;
    readonly approximate: true;
    readonly source: 'seed002';
    readonly quoteZh: string;
  };
  readonly bySubpark: readonly {
    id: string;
    name: string;
    blocks: number;
    areaKm2: number;
    retainedIfAppliedKm2: number;
  }[];
  readonly nationalNote: string;
}

export interface ReportOptions {
  readonly rule?: RuleParams;
  readonly evaluation?: EvaluationParams;
  readonly inputs?: ReadonlyMap<string, BlockInput>;
  readonly planarEpsg?: number;
  /** Compute the Gauss-Krüger planar area (default true; the live readout skips it). */
  readonly planar?: boolean;
}

/** Fraction of the block below which a second sub-park's overlap is digitising noise, not a split. */
const SPLIT_TOLERANCE = 0.001;

export function blockId(f: Feature, index: number): string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  return textProp(f.id) ?? textProp(p.id) ?? textProp(p.ID) ?? `#${index + 1}`;
}

export function blockName(f: Feature, index: number): string {
  // Named as the app names imported blocks (a ParkPlan export by its pp_name).
  const p = (f.properties ?? {}) as Record<string, string | number | boolean | null>;
  return importedParts(p, blockId(f, index)).name;
}

/** The report for each block and the totals over all of them. */
export function evaluateBlocks(
  blocks: FeatureCollection,
  ctx: ReportContext,
  opts: ReportOptions = {},
): { blocks: BlockReport[]; totals: Totals } {
  const reports = assessBlocks(blocks, ctx, opts);
  return {
    blocks: reports,
    totals: totals(
      arealFeatures(blocks).map((f) => f.geometry),
      reports,
      ctx,
    ),
  };
}

function arealFeatures(blocks: FeatureCollection): Feature<Areal>[] {
  return blocks.features.filter(
    (f): f is Feature<Areal> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
}

/** The report for each block (no totals: the union of all blocks is the costly part). */
export function assessBlocks(
  blocks: FeatureCollection,
  ctx: ReportContext,
  opts: ReportOptions = {},
): BlockReport[] {
  const ruleParams = opts.rule ?? DEFAULT_RULE_PARAMS;
  const epsg = opts.planarEpsg ?? DEFAULT_GK_EPSG;
  const features = arealFeatures(blocks);
  const indexOf = new Map(blocks.features.map((f, k) => [f, k]));

  const partial = features.map((f, i) => {
    const at = indexOf.get(f)!;
    const id = blockId(f, at);
    const warnings: BlockWarning[] = [];
    // A boundary that crosses itself has no meaningful area (a bow-tie's halves cancel), so no
    // share or verdict either: the block is reported as needing repair, with its mended area.
    if (crossingPoints(f.geometry).length > 0) {
      const mended = repairAreal(f.geometry);
      return {
        f,
        i,
        id,
        name: blockName(f, at),
        mendedKm2: mended ? geometryAreaM2(mended) / M2_PER_KM2 : 0,
        warnings: ['self-intersection'] as BlockWarning[],
        repair: true as const,
      };
    }
    const shape = blockShape(f.geometry);
    const areaKm2 = shape.areaM2 / M2_PER_KM2;

    const subOverlaps = ctx.subparks.overlaps(shape);
    const main = subOverlaps[0];
    const insideM2 = subOverlaps.reduce((a, o) => a + o.m2, 0);
    const insideKm2 = insideM2 / M2_PER_KM2;
    if (!main) warnings.push('outside-subparks');
    else {
      if (subOverlaps.length > 1 && subOverlaps[1]!.m2 > SPLIT_TOLERANCE * shape.areaM2)
        warnings.push('split-across-subparks');
      if (insideKm2 < areaKm2 * (1 - SPLIT_TOLERANCE)) warnings.push('partly-outside-subparks');
    }
    const sp = main?.zone.props ?? null;
    const denominatorKm2 = sp ? (sp.areaDeclaredKm2 ?? sp.areaMeasuredKm2) : null;
    const share = denominatorKm2 ? areaKm2 / denominatorKm2 : null;
    if (share !== null && share > 1) warnings.push('share-above-one');

    const verdict = share !== null ? applyRule(areaKm2, share, ruleParams) : null;
    if (verdict) warnings.push(...verdict.warnings);

    const districts = ctx.districts.overlaps(shape);
    const ecologicalM2 = districts
      .filter((d) => d.zone.props.ecological === 'wholly')
      .reduce((a, d) => a + d.m2, 0);
    const partlyM2 = districts
      .filter((d) => d.zone.props.ecological === 'partly')
      .reduce((a, d) => a + d.m2, 0);
    if (ecologicalM2 > 0) warnings.push('in-ecological-district');
    if (partlyM2 > 0) warnings.push('in-partly-ecological-district');

    const yizhuangKm2: Record<string, number> = {};
    for (const o of ctx.yizhuang.overlaps(shape)) yizhuangKm2[o.zone.id] = o.m2 / M2_PER_KM2;

    return {
      f,
      i,
      id,
      insideM2,
      name: blockName(f, at),
      areaKm2,
      shape,
      warnings,
      sp,
      main,
      subOverlaps,
      denominatorKm2,
      share,
      verdict,
      districts,
      ecologicalM2,
      partlyM2,
      yizhuangKm2,
      repair: false as const,
    };
  });

  // Evaluation: only blocks with indicators and a known class take part.
  const evalInputs = partial.flatMap((b) => {
    if (b.repair) return [];
    const input = opts.inputs?.get(b.id);
    if (!input?.indicators) return [];
    if (!b.sp?.evaluationClass) {
      b.warnings.push('no-evaluation-class');
      return [];
    }
    return [{ blockId: b.id, evaluationClass: b.sp.evaluationClass, values: input.indicators }];
  });
  const evaluations = evaluate(evalInputs, opts.evaluation ?? DEFAULT_EVALUATION_PARAMS);

  return partial.map((b): BlockReport => {
    if (b.repair) return needingRepair(b.id, b.name, b.mendedKm2, epsg);
    const input = opts.inputs?.get(b.id);
    const ev = evaluations.get(b.id) ?? null;
    if (ev) b.warnings.push(...ev.warnings);
    let transitionYears: number | null = null;
    if (input?.transitionYears && input.transitionYears > 0) {
      if (b.ecologicalM2 + b.partlyM2 === 0) b.warnings.push('transition-not-ecological');
      else {
        transitionYears = Math.min(input.transitionYears, MAX_TRANSITION_YEARS);
        if (input.transitionYears > MAX_TRANSITION_YEARS) b.warnings.push('transition-exceeds-5-years');
      }
    }
    const status: BlockStatus =
      transitionYears !== null
        ? 'transition'
        : !ev
          ? 'preview'
          : !ev.bottom
            ? 'kept'
            : input?.rectificationFailed
              ? 'due'
              : 'rectify';
    return {
      id: b.id,
      name: b.name,
      areaKm2: b.areaKm2,
      mendedAreaKm2: null,
      areaHa: b.shape.areaM2 / M2_PER_HECTARE,
      areaMu: b.shape.areaM2 / M2_PER_MU,
      planarAreaKm2: opts.planar === false ? null : planarAreaM2(b.f.geometry, epsg) / M2_PER_KM2,
      planarCrs: `EPSG:${epsg}`,
      subparkId: b.sp?.id ?? null,
      subpark: b.sp?.nameZh ?? null,
      subparkEn: b.sp?.nameEn ?? null,
      subparkOverlaps: b.subOverlaps.map((o) => ({
        id: o.zone.id,
        name: o.zone.props.nameZh,
        km2: o.m2 / M2_PER_KM2,
      })),
      shareOfSubpark: b.share,
      shareDenominator: b.sp ? (b.sp.areaDeclaredKm2 !== null ? 'declared' : 'measured') : null,
      subparkAreaKm2: b.denominatorKm2,
      sizeClass: b.verdict?.sizeClass ?? sizeClassOf(b.areaKm2),
      mode: b.verdict?.mode ?? null,
      retainedKm2: b.verdict?.retainedKm2 ?? null,
      removedKm2: b.verdict?.removedKm2 ?? null,
      districts: b.districts.map((d) => ({
        id: d.zone.id,
        name: d.zone.props.nameZh,
        km2: d.m2 / M2_PER_KM2,
      })),
      ecologicalKm2: b.ecologicalM2 / M2_PER_KM2,
      partlyEcologicalKm2: b.partlyM2 / M2_PER_KM2,
      zgcScopeKm2: ctx.scopeKm2(b.shape, b.insideM2),
      yizhuangKm2: b.yizhuangKm2,
      nationalKm2: ctx.nationalKm2(b.shape, b.insideM2),
      evaluationClass: b.sp?.evaluationClass ?? null,
      evaluation: ev,
      transitionYears,
      status,
      warnings: [...new Set(b.warnings)],
    };
  });
}

/** The report of a block whose boundary crosses itself: nothing measured, nothing decided. */
function needingRepair(id: string, name: string, mendedKm2: number, epsg: number): BlockReport {
  return {
    id,
    name,
    areaKm2: NaN,
    mendedAreaKm2: mendedKm2,
    areaHa: NaN,
    areaMu: NaN,
    planarAreaKm2: null,
    planarCrs: `EPSG:${epsg}`,
    subparkId: null,
    subpark: null,
    subparkEn: null,
    subparkOverlaps: [],
    shareOfSubpark: null,
    shareDenominator: null,
    subparkAreaKm2: null,
    sizeClass: null,
    mode: null,
    retainedKm2: null,
    removedKm2: null,
    districts: [],
    ecologicalKm2: 0,
    partlyEcologicalKm2: 0,
    zgcScopeKm2: 0,
    yizhuangKm2: {},
    nationalKm2: 0,
    evaluationClass: null,
    evaluation: null,
    transitionYears: null,
    status: 'needs-repair',
    warnings: ['self-intersection'],
  };
}

function totals(all: Areal[], allReports: BlockReport[], ctx: ReportContext): Totals {
  // Blocks that need repair have no area to add: they are counted apart.
  const measured = allReports.map((r) => r.status !== 'needs-repair');
  const geoms = all.filter((_, k) => measured[k]);
  const reports = allReports.filter((_, k) => measured[k]);
  const union = unionGeometry(geoms);
  const unionKm2 = union ? geometryAreaM2(union) / M2_PER_KM2 : 0;
  const nationalOverlapKm2 = union
    ? ctx.national.overlaps(blockShape(union)).reduce((a, o) => a + o.m2, 0) / M2_PER_KM2
    : 0;
  const bySubpark = new Map<
    string,
    { id: string; name: string; blocks: number; areaKm2: number; retainedIfAppliedKm2: number }
  >();
  for (const r of reports) {
    const key = r.subparkId ?? '(none)';
    const t = bySubpark.get(key) ?? {
      id: key,
      name: r.subpark ?? '（分园外）',
      blocks: 0,
      areaKm2: 0,
      retainedIfAppliedKm2: 0,
    };
    t.blocks += 1;
    t.areaKm2 += r.areaKm2;
    t.retainedIfAppliedKm2 += r.retainedKm2 ?? r.areaKm2;
    bySubpark.set(key, t);
  }
  return {
    blockCount: allReports.length,
    needsRepair: allReports.length - reports.length,
    sumKm2: reports.reduce((a, r) => a + r.areaKm2, 0),
    unionKm2,
    nationalOverlapKm2,
    netOfNationalKm2: Math.max(0, unionKm2 - nationalOverlapKm2),
    retainedIfAllAppliedKm2: reports.reduce((a, r) => a + (r.retainedKm2 ?? r.areaKm2), 0),
    integrationFigure: { km2: 718, approximate: true, source: 'seed002', quoteZh: '整合面积约为718km2' },
    bySubpark: [...bySubpark.values()],
    nationalNote: ctx.nationalNote,
  };
}
