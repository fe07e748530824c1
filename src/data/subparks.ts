import type { SourceId } from './sources';

/**
 * The sub-parks of 一区十六园 (seed 003 序言; 488 km², 第三章第二节).
 *
 * Modelling choice: seed 003 (2020) names 大兴园 and 亦庄园 separately and
 * gives them different industry roles (第二章), while the official count
 * stays sixteen. The 2012 approval most likely had one 大兴-亦庄园 (reference
 * facts §1, an inference). ParkPlan therefore draws 17 sub-park *units*: 大兴园
 * and 亦庄园 are two units of the one official 16th park, 大兴-亦庄园, and
 * carry `officialParkId: 'daxing_yizhuang'`. Counts of official parks group by
 * `officialParkId` (16); shares and the evaluation class use the unit, because
 * seed 002 evaluates 亦庄 with the six central districts and 大兴 with the rest.
 *
 * Areas: only figures with a public source are declared. 西城园's ~10 km² is a
 * secondary, approximate figure and is kept apart from the declared ones.
 */

export type SubparkId =
  | 'haidian'
  | 'dongcheng'
  | 'xicheng'
  | 'chaoyang'
  | 'fengtai'
  | 'shijingshan'
  | 'mentougou'
  | 'fangshan'
  | 'tongzhou'
  | 'shunyi'
  | 'daxing'
  | 'yizhuang'
  | 'changping'
  | 'pinggu'
  | 'huairou'
  | 'miyun'
  | 'yanqing';

/** seed 002, 第三部分 需要说明的是 二: 划分为城六区与亦庄、其他分园进行分类考核. */
export type EvaluationClass = '城六区与亦庄' | '其他分园';

export const EVALUATION_CLASS_EN: Record<EvaluationClass, string> = {
  城六区与亦庄: 'Six central districts and Yizhuang',
  其他分园: 'Other sub-parks',
};

export interface Subpark {
  readonly id: SubparkId;
  readonly officialParkId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly districts: readonly string[];
  readonly evaluationClass: EvaluationClass;
  /** Official area (km²) where a public source states it; null otherwise. */
  readonly areaDeclaredKm2: number | null;
  readonly areaSource: SourceId | null;
  /** An approximate figure from a secondary source, never used as declared. */
  readonly areaApproxKm2?: { readonly km2: number; readonly source: SourceId; readonly note: string };
  readonly notes?: string;
}

export const ZGC_TOTAL_KM2 = 488;
export const ZGC_TOTAL_SOURCE: SourceId = 'seed003';
export const ZGC_OFFICIAL_PARK_COUNT = 16;

export const SUBPARKS: readonly Subpark[] = [
  {
    id: 'haidian',
    officialParkId: 'haidian',
    nameZh: '海淀园',
    nameEn: 'Haidian Park',
    districts: ['海淀'],
    evaluationClass: '城六区与亦庄',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'Largest park; no sourced 2012 figure.',
  },
  {
    id: 'dongcheng',
    officialParkId: 'dongcheng',
    nameZh: '东城园',
    nameEn: 'Dongcheng Park',
    districts: ['东城'],
    evaluationClass: '城六区与亦庄',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'Formerly 雍和园.',
  },
  {
    id: 'xicheng',
    officialParkId: 'xicheng',
    nameZh: '西城园',
    nameEn: 'Xicheng Park',
    districts: ['西城'],
    evaluationClass: '城六区与亦庄',
    areaDeclaredKm2: null,
    areaSource: null,
    areaApproxKm2: {
      km2: 10,
      source: 'W5',
      note: 'grew from 2.9 km² to “now ~10 km²” (2019 article); not tied to the 2012 approval',
    },
    notes: 'Formerly 德胜园.',
  },
  {
    id: 'chaoyang',
    officialParkId: 'chaoyang',
    nameZh: '朝阳园',
    nameEn: 'Chaoyang Park',
    districts: ['朝阳'],
    evaluationClass: '城六区与亦庄',
    areaDeclaredKm2: 26.1,
    areaSource: 'W4',
    notes: '2012: 电子城 east/west/north, 健翔园, 望京, 垡头.',
  },
  {
    id: 'fengtai',
    officialParkId: 'fengtai',
    nameZh: '丰台园',
    nameEn: 'Fengtai Park',
    districts: ['丰台'],
    evaluationClass: '城六区与亦庄',
    areaDeclaredKm2: 17.63,
    areaSource: 'W3',
    notes: '11 blocks after 2012.',
  },
  {
    id: 'shijingshan',
    officialParkId: 'shijingshan',
    nameZh: '石景山园',
    nameEn: 'Shijingshan Park',
    districts: ['石景山'],
    evaluationClass: '城六区与亦庄',
    areaDeclaredKm2: null,
    areaSource: null,
  },
  {
    id: 'mentougou',
    officialParkId: 'mentougou',
    nameZh: '门头沟园',
    nameEn: 'Mentougou Park',
    districts: ['门头沟'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'New in 2012.',
  },
  {
    id: 'fangshan',
    officialParkId: 'fangshan',
    nameZh: '房山园',
    nameEn: 'Fangshan Park',
    districts: ['房山'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'New in 2012.',
  },
  {
    id: 'tongzhou',
    officialParkId: 'tongzhou',
    nameZh: '通州园',
    nameEn: 'Tongzhou Park',
    districts: ['通州'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: null,
    areaSource: null,
  },
  {
    id: 'shunyi',
    officialParkId: 'shunyi',
    nameZh: '顺义园',
    nameEn: 'Shunyi Park',
    districts: ['顺义'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: 12.08,
    areaSource: 'W1',
    notes: 'Six sub-areas (W1).',
  },
  {
    id: 'daxing',
    officialParkId: 'daxing_yizhuang',
    nameZh: '大兴园',
    nameEn: 'Daxing Park',
    districts: ['大兴'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'Unit of the official 大兴-亦庄园 (see module comment).',
  },
  {
    id: 'yizhuang',
    officialParkId: 'daxing_yizhuang',
    nameZh: '亦庄园',
    nameEn: 'Yizhuang Park',
    districts: ['大兴', '通州'],
    evaluationClass: '城六区与亦庄',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'Unit of the official 大兴-亦庄园 (see module comment).',
  },
  {
    id: 'changping',
    officialParkId: 'changping',
    nameZh: '昌平园',
    nameEn: 'Changping Park',
    districts: ['昌平'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: null,
    areaSource: null,
  },
  {
    id: 'pinggu',
    officialParkId: 'pinggu',
    nameZh: '平谷园',
    nameEn: 'Pinggu Park',
    districts: ['平谷'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: 5.08,
    areaSource: 'W1',
  },
  {
    id: 'huairou',
    officialParkId: 'huairou',
    nameZh: '怀柔园',
    nameEn: 'Huairou Park',
    districts: ['怀柔'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'New in 2012.',
  },
  {
    id: 'miyun',
    officialParkId: 'miyun',
    nameZh: '密云园',
    nameEn: 'Miyun Park',
    districts: ['密云'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'New in 2012.',
  },
  {
    id: 'yanqing',
    officialParkId: 'yanqing',
    nameZh: '延庆园',
    nameEn: 'Yanqing Park',
    districts: ['延庆'],
    evaluationClass: '其他分园',
    areaDeclaredKm2: null,
    areaSource: null,
    notes: 'New in 2012.',
  },
];

export function subparkById(id: string): Subpark | undefined {
  return SUBPARKS.find((s) => s.id === id);
}
