import type { GroupCategory } from '../../data/groups';
import { LAYERS, type LayerId } from '../../data/layers';
import { NO_FILTER, type GroupFilter } from '../review/group-filter';
import type { ExtrudeSpec } from './extrusion';

/**
 * Saved views for meetings: what to show (layers, group filter, selection)
 * and where to look. "Where" is either explicit bounds or a reference the
 * map resolves when the view is shown (the extent of a group category, of a
 * layer, or of the candidate blocks), so a view stays right when the data
 * beneath it changes.
 */

export type Frame =
  | { readonly kind: 'bounds'; readonly bbox: readonly [number, number, number, number] }
  | { readonly kind: 'groups'; readonly category: GroupCategory }
  | { readonly kind: 'layer'; readonly layer: LayerId }
  | { readonly kind: 'blocks' }
  /** An exact camera, as a user saved it. */
  | {
      readonly kind: 'camera';
      readonly center: readonly [number, number];
      readonly zoom: number;
      readonly bearing: number;
      readonly pitch: number;
    };

export interface ViewSpec {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly frame: Frame;
  readonly visible: Readonly<Record<LayerId, boolean>>;
  readonly filter: GroupFilter;
  /** A selected block, if the view was saved with one. */
  readonly selection?: string | null;
  /** 3D columns shown with the view (absent or null: flat). */
  readonly extrude?: ExtrudeSpec | null;
}

/** A list of views with one moved up (−1) or down (+1); out-of-range moves change nothing. */
export function moveView(views: readonly ViewSpec[], id: string, by: -1 | 1): ViewSpec[] {
  const i = views.findIndex((v) => v.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= views.length) return [...views];
  const out = [...views];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** A fresh `${prefix}-n` id among these items (views, themes). */
export function freshId(items: readonly { readonly id: string }[], prefix: string): string {
  let n = items.length + 1;
  while (items.some((v) => v.id === `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** A fresh view id among these. */
export const newViewId = (views: readonly ViewSpec[]) => freshId(views, 'view');

const ALL = Object.fromEntries(LAYERS.map((l) => [l.id, true])) as Record<LayerId, boolean>;

const category = (id: GroupCategory, en: string, n: number): ViewSpec => ({
  id: `category-${n}`,
  nameZh: id,
  nameEn: en,
  frame: { kind: 'groups', category: id },
  visible: { ...ALL, yizhuang: false },
  filter: { ...NO_FILTER, categories: [id] },
});

/** The shipped story: the whole zone, the four categories of groups, Yizhuang, then the blocks. */
export const DEFAULT_STORY: readonly ViewSpec[] = [
  {
    id: 'overview',
    nameZh: '中关村示范区 488 km² 总览',
    nameEn: 'Zhongguancun demonstration zone, 488 km²',
    frame: { kind: 'layer', layer: 'zgc-scope' },
    visible: ALL,
    filter: NO_FILTER,
  },
  category('三城一区', 'Three science cities and one zone', 1),
  category('核心区和中心城区', 'Core area and central city', 2),
  category('副中心和多点地区', 'Sub-centre and multi-point areas', 3),
  category('生态涵养区', 'Ecological conservation area', 4),
  {
    id: 'yizhuang',
    nameZh: '亦庄新城 60 + 165 km²',
    nameEn: 'Yizhuang new town, 60 + 165 km²',
    frame: { kind: 'layer', layer: 'yizhuang' },
    visible: { ...ALL, 'zgc-groups': false, 'zgc-subparks': false },
    filter: NO_FILTER,
  },
  {
    id: 'blocks',
    nameZh: '候选区块与调整规则预览',
    nameEn: 'Candidate blocks and the rule preview',
    frame: { kind: 'blocks' },
    visible: { ...ALL, 'zgc-groups': false },
    filter: NO_FILTER,
  },
];
