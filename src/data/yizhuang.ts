import type { SourceId } from './sources';

/**
 * 亦庄新城: 225 km² = 核心区 60 km² + 大兴和通州部分 165 km² (seed 000, first
 * paragraph: “亦庄新城225平方公里（其中核心区60平方公里，大兴和通州部分165平方公里）”).
 *
 * No source splits the 165 km² between 大兴 and 通州. The only split found is
 * of a different base (W10, 2020: BDA ~66, 大兴 outside BDA ~83, 通州 outside
 * BDA ~76). ParkPlan's estimate applies W10's 83:76 ratio to the 165 km²:
 * 大兴 ≈ 86.1, 通州 ≈ 78.9. It is an estimate and is labelled so everywhere.
 */

export const YIZHUANG_TOTAL_KM2 = 225;
export const YIZHUANG_CORE_KM2 = 60;
export const YIZHUANG_OUTER_KM2 = 165;
export const YIZHUANG_SOURCE: SourceId = 'seed000';

const W10_DAXING = 83;
const W10_TONGZHOU = 76;

export type YizhuangPartId = 'core' | 'daxing' | 'tongzhou';

export interface YizhuangPart {
  readonly id: YizhuangPartId;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly district: string | null;
  /** Official figure for this part, or null where none exists. */
  readonly areaDeclaredKm2: number | null;
  readonly areaSource: SourceId | null;
  /** The figure the schematic geometry is calibrated to, and its status. */
  readonly targetKm2: number;
  readonly targetStatus: 'declared' | 'estimate';
  readonly targetNote: string;
}

export const YIZHUANG_PARTS: readonly YizhuangPart[] = [
  {
    id: 'core',
    nameZh: '亦庄新城核心区',
    nameEn: 'Yizhuang new town core',
    district: null,
    areaDeclaredKm2: YIZHUANG_CORE_KM2,
    areaSource: 'seed000',
    targetKm2: YIZHUANG_CORE_KM2,
    targetStatus: 'declared',
    targetNote: 'seed000: 核心区60平方公里',
  },
  {
    id: 'daxing',
    nameZh: '亦庄新城大兴部分',
    nameEn: 'Yizhuang new town, Daxing part',
    district: '大兴',
    areaDeclaredKm2: null,
    areaSource: null,
    targetKm2: (YIZHUANG_OUTER_KM2 * W10_DAXING) / (W10_DAXING + W10_TONGZHOU),
    targetStatus: 'estimate',
    targetNote: 'estimate: 165 km² (seed000) split 83:76 as W10 (2020) splits the area outside BDA',
  },
  {
    id: 'tongzhou',
    nameZh: '亦庄新城通州部分',
    nameEn: 'Yizhuang new town, Tongzhou part',
    district: '通州',
    areaDeclaredKm2: null,
    areaSource: null,
    targetKm2: (YIZHUANG_OUTER_KM2 * W10_TONGZHOU) / (W10_DAXING + W10_TONGZHOU),
    targetStatus: 'estimate',
    targetNote: 'estimate: 165 km² (seed000) split 83:76 as W10 (2020) splits the area outside BDA',
  },
];
