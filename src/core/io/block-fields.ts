import type { MultiPolygon, Polygon } from 'geojson';
import type { BlockReport } from '../report/evaluate-blocks';

/**
 * The one owner of what a block's exported record holds, in every format: the
 * block's own attributes under their own names, exactly as they came, and
 * ParkPlan's fields (its id, the block's name as the planner has it, the
 * figures) under names of their own, `pp_…`, short enough for a dBase field.
 * Tables (CSV, Excel) head ParkPlan's columns in Chinese by default, or with
 * the codes; the import recognises both.
 *
 * Read back, a record that carries ParkPlan's id (`pp_id`) is ParkPlan's own:
 * its name comes from `pp_name`, its source id from `pp_fid`, and the figures
 * are dropped (they are worked out again), so an export re-imports as the same
 * blocks with the same attributes. A file without `pp_id` keeps every column
 * as an attribute.
 */

export interface ExportBlock {
  readonly id: string;
  readonly name: string;
  readonly geometry: Polygon | MultiPolygon;
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>;
  /** The feature's own id in the file it came from (GeoJSON `id`, KML Placemark `id`). */
  readonly sourceId?: string | number;
}

export type HeaderStyle = 'zh' | 'codes';
export type FieldValue = string | number | null;

export interface ParkPlanField {
  /** ≤ 10 bytes: a dBase field name. */
  readonly code: string;
  /** The Chinese column heading of tables. */
  readonly zh: string;
  readonly type: 'C' | 'N';
  readonly get: (b: ExportBlock, r: BlockReport | undefined, style: HeaderStyle) => FieldValue;
}

const round = (x: number | null | undefined, d: number) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d;

/** Chinese words for the verdict codes, in tables headed in Chinese. */
const ZH_VALUES: Readonly<Record<string, string>> = {
  remove: '直接淘汰',
  cut50: '压减50%',
  cut25: '压减25%',
  small: '≤2 km²',
  large: '>2 km²',
  declared: '官方面积',
  measured: '量算面积',
  preview: '预览（无指标）',
  kept: '保留',
  rectify: '后5%：责令整改',
  due: '后5%：按模式调整',
  transition: '生态涵养区过渡期',
};
const word = (v: string | null | undefined, style: HeaderStyle) =>
  v === null || v === undefined ? null : style === 'zh' ? (ZH_VALUES[v] ?? v) : v;

export const PP_ID: ParkPlanField = { code: 'pp_id', zh: 'ParkPlan编号', type: 'C', get: (b) => b.id };
export const PP_FID: ParkPlanField = {
  code: 'pp_fid',
  zh: '源要素编号',
  type: 'C',
  get: (b) => (b.sourceId === undefined ? null : b.sourceId),
};
export const PP_NAME: ParkPlanField = { code: 'pp_name', zh: '区块名称', type: 'C', get: (b) => b.name };
/** The geometry column of tables (WKT). */
export const PP_WKT = { code: 'pp_wkt', zh: '几何（WKT）' } as const;

/** ParkPlan's figures, worked out again on import. */
export const FIGURE_FIELDS: readonly ParkPlanField[] = [
  { code: 'pp_km2', zh: '量算面积（km²）', type: 'N', get: (_, r) => round(r?.areaKm2, 6) },
  { code: 'pp_ha', zh: '量算面积（公顷）', type: 'N', get: (_, r) => round(r?.areaHa, 4) },
  { code: 'pp_mu', zh: '量算面积（亩）', type: 'N', get: (_, r) => round(r?.areaMu, 2) },
  { code: 'pp_gk_km2', zh: '高斯投影面积（km²）', type: 'N', get: (_, r) => round(r?.planarAreaKm2, 6) },
  { code: 'pp_subpark', zh: '所在分园', type: 'C', get: (_, r) => r?.subpark ?? null },
  { code: 'pp_share', zh: '占分园比例', type: 'N', get: (_, r) => round(r?.shareOfSubpark, 6) },
  { code: 'pp_sh_base', zh: '比例分母', type: 'C', get: (_, r, s) => word(r?.shareDenominator, s) },
  { code: 'pp_size', zh: '规模类别', type: 'C', get: (_, r, s) => word(r?.sizeClass, s) },
  { code: 'pp_mode', zh: '调整模式', type: 'C', get: (_, r, s) => word(r?.mode, s) },
  { code: 'pp_ret_km2', zh: '调整后保留（km²）', type: 'N', get: (_, r) => round(r?.retainedKm2, 6) },
  { code: 'pp_rem_km2', zh: '压减面积（km²）', type: 'N', get: (_, r) => round(r?.removedKm2, 6) },
  {
    code: 'pp_distr',
    zh: '所在行政区（km²）',
    type: 'C',
    get: (_, r) => (r ? r.districts.map((d) => `${d.name}:${round(d.km2, 4)}`).join(';') : null),
  },
  { code: 'pp_eco_km2', zh: '生态涵养区内面积（km²）', type: 'N', get: (_, r) => round(r?.ecologicalKm2, 6) },
  { code: 'pp_nat_km2', zh: '国家级园区内面积（km²）', type: 'N', get: (_, r) => round(r?.nationalKm2, 6) },
  { code: 'pp_class', zh: '评价类别', type: 'C', get: (_, r) => r?.evaluationClass ?? null },
  { code: 'pp_score', zh: '综合得分', type: 'N', get: (_, r) => round(r?.evaluation?.score, 3) },
  { code: 'pp_rank', zh: '类内排名', type: 'N', get: (_, r) => r?.evaluation?.rank ?? null },
  { code: 'pp_status', zh: '评价结论', type: 'C', get: (_, r, s) => word(r?.status, s) },
  { code: 'pp_warn', zh: '提示', type: 'C', get: (_, r) => (r ? r.warnings.join(';') : null) },
];

/** Every ParkPlan field an export writes, in order (the WKT column of tables comes last). */
export const PARKPLAN_FIELDS: readonly ParkPlanField[] = [PP_ID, PP_FID, PP_NAME, ...FIGURE_FIELDS];

const byHeader = new Map<string, string>();
for (const f of [...PARKPLAN_FIELDS, PP_WKT]) {
  byHeader.set(f.code, f.code);
  byHeader.set(f.zh, f.code);
}

/** The ParkPlan field a column heading or property name stands for (by code or Chinese heading), if any. */
export function parkPlanCode(header: string): string | undefined {
  return byHeader.get(header.trim());
}

/** The block's own attribute names over all blocks, in the order first seen. */
export function ownAttributeNames(blocks: readonly ExportBlock[]): string[] {
  const seen = new Set<string>();
  for (const b of blocks) for (const k of Object.keys(b.attributes)) seen.add(k);
  return [...seen];
}

export interface Column {
  /** The heading or property name as written. */
  readonly name: string;
  /** dBase's letters: text, number, logical (true/false). */
  readonly type: 'C' | 'N' | 'L';
  readonly get: (b: ExportBlock, r: BlockReport | undefined) => FieldValue | boolean;
  /** Whether it is one of the block's own attributes (else one of ParkPlan's fields). */
  readonly own: boolean;
}

/**
 * The columns of an export: the own attributes under their own names, then
 * ParkPlan's fields (the source id only when a block has one). A ParkPlan
 * field whose name an own attribute already has is written as `<name>_pp`,
 * so the attribute keeps its name and its value.
 */
export function exportColumns(
  blocks: readonly ExportBlock[],
  { style = 'codes', sourceIdColumn = true }: { style?: HeaderStyle; sourceIdColumn?: boolean } = {},
): Column[] {
  const own = ownAttributeNames(blocks);
  const taken = new Set(own);
  const all = (k: string, type: 'number' | 'boolean') =>
    blocks.every((b) => {
      const v = b.attributes[k];
      return v === undefined || v === null || typeof v === type;
    });
  const columns: Column[] = own.map((k) => ({
    name: k,
    type: all(k, 'number') ? 'N' : all(k, 'boolean') ? 'L' : 'C',
    own: true,
    get: (b) => {
      const v = b.attributes[k];
      return v === undefined ? null : v;
    },
  }));
  const withSource = sourceIdColumn && blocks.some((b) => b.sourceId !== undefined);
  for (const f of PARKPLAN_FIELDS) {
    if (f === PP_FID && !withSource) continue;
    let name = style === 'zh' ? f.zh : f.code;
    while (taken.has(name)) name = `${name}_pp`;
    taken.add(name);
    columns.push({ name, type: f.type, own: false, get: (b, r) => f.get(b, r, style) });
  }
  return columns;
}

export interface ImportedParts {
  /** The block's name: ParkPlan's `pp_name`, else the usual name attributes, else `fallback`. */
  readonly name: string;
  /** The attributes that are the block's own (ParkPlan's fields left out). */
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>;
  readonly sourceId?: string | number;
  /** Whether the record was written by ParkPlan (it carries `pp_id`). */
  readonly fromParkPlan: boolean;
}

const NAME_KEYS = ['name', '名称', 'nameZh', 'NAME', 'Name'] as const;

const text = (v: unknown): string | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

/**
 * What an imported record's properties give a block. Also the command line's
 * reading of a block's name, so the app and the report name blocks alike.
 */
export function importedParts(
  props: Readonly<Record<string, string | number | boolean | null>>,
  fallback: string,
  featureId?: unknown,
): ImportedParts {
  let fromParkPlan = false;
  for (const k in props)
    if (parkPlanCode(k) === PP_ID.code) {
      fromParkPlan = true;
      break;
    }
  const own: Record<string, string | number | boolean | null> = fromParkPlan ? {} : props;
  let ppName: string | undefined;
  let ppFid: string | number | undefined;
  if (fromParkPlan)
    for (const k in props) {
      const code = parkPlanCode(k);
      const v = props[k]!;
      if (code === undefined) own[k] = v;
      else if (code === PP_NAME.code) ppName = text(v);
      else if (code === PP_FID.code && (typeof v === 'string' || typeof v === 'number') && v !== '')
        ppFid = v;
    }
  const sourceId =
    typeof featureId === 'string' || (typeof featureId === 'number' && Number.isFinite(featureId))
      ? featureId
      : ppFid;
  let name = ppName;
  for (const k of NAME_KEYS) name ??= text(own[k]);
  return {
    name: name ?? fallback,
    attributes: own,
    ...(sourceId === undefined ? {} : { sourceId }),
    fromParkPlan,
  };
}
