import type { SourceId } from './sources';

/**
 * Beijing's 16 districts and their class in the 2016–2035 master plan
 * (一核一主一副、两轴多点一区; reference facts §4, sources W15, W16, W17).
 * 东城 and 西城 are both 首都功能核心区 and part of 中心城区 (城六区).
 * 昌平 and 房山 are plain-area new-town districts whose mountain areas belong
 * to the 生态涵养区: `ecological: 'partly'`.
 */

export type DistrictClass =
  '首都功能核心区' | '中心城区' | '城市副中心所在区' | '平原新城所在区' | '生态涵养区';

export const DISTRICT_CLASSES: readonly { id: DistrictClass; en: string }[] = [
  { id: '首都功能核心区', en: 'Capital core functional zone' },
  { id: '中心城区', en: 'Central city' },
  { id: '城市副中心所在区', en: 'District of the city sub-centre' },
  { id: '平原新城所在区', en: 'Plain-area new-town district' },
  { id: '生态涵养区', en: 'Ecological conservation district' },
];

export interface District {
  readonly id: string;
  /** Short name used across ParkPlan's data, e.g. 海淀. */
  readonly short: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly districtClass: DistrictClass;
  readonly centralSix: boolean;
  readonly ecological: 'wholly' | 'partly' | 'no';
  readonly classNote?: string;
  readonly sources: readonly SourceId[];
}

export const DISTRICTS: readonly District[] = [
  {
    id: 'dongcheng',
    short: '东城',
    nameZh: '东城区',
    nameEn: 'Dongcheng',
    districtClass: '首都功能核心区',
    centralSix: true,
    ecological: 'no',
    classNote: '也属中心城区（城六区）',
    sources: ['W15'],
  },
  {
    id: 'xicheng',
    short: '西城',
    nameZh: '西城区',
    nameEn: 'Xicheng',
    districtClass: '首都功能核心区',
    centralSix: true,
    ecological: 'no',
    classNote: '也属中心城区（城六区）',
    sources: ['W15'],
  },
  {
    id: 'chaoyang',
    short: '朝阳',
    nameZh: '朝阳区',
    nameEn: 'Chaoyang',
    districtClass: '中心城区',
    centralSix: true,
    ecological: 'no',
    sources: ['W15'],
  },
  {
    id: 'haidian',
    short: '海淀',
    nameZh: '海淀区',
    nameEn: 'Haidian',
    districtClass: '中心城区',
    centralSix: true,
    ecological: 'no',
    sources: ['W15'],
  },
  {
    id: 'fengtai',
    short: '丰台',
    nameZh: '丰台区',
    nameEn: 'Fengtai',
    districtClass: '中心城区',
    centralSix: true,
    ecological: 'no',
    sources: ['W15'],
  },
  {
    id: 'shijingshan',
    short: '石景山',
    nameZh: '石景山区',
    nameEn: 'Shijingshan',
    districtClass: '中心城区',
    centralSix: true,
    ecological: 'no',
    sources: ['W15'],
  },
  {
    id: 'tongzhou',
    short: '通州',
    nameZh: '通州区',
    nameEn: 'Tongzhou',
    districtClass: '城市副中心所在区',
    centralSix: false,
    ecological: 'no',
    classNote: '城市副中心为通州区内约155 km²的原通州新城规划建设区，并非全区',
    sources: ['W15', 'W17'],
  },
  {
    id: 'shunyi',
    short: '顺义',
    nameZh: '顺义区',
    nameEn: 'Shunyi',
    districtClass: '平原新城所在区',
    centralSix: false,
    ecological: 'no',
    sources: ['W15', 'W16'],
  },
  {
    id: 'daxing',
    short: '大兴',
    nameZh: '大兴区',
    nameEn: 'Daxing',
    districtClass: '平原新城所在区',
    centralSix: false,
    ecological: 'no',
    sources: ['W15', 'W16'],
  },
  {
    id: 'changping',
    short: '昌平',
    nameZh: '昌平区',
    nameEn: 'Changping',
    districtClass: '平原新城所在区',
    centralSix: false,
    ecological: 'partly',
    classNote: '山区部分属生态涵养区',
    sources: ['W15', 'W16'],
  },
  {
    id: 'fangshan',
    short: '房山',
    nameZh: '房山区',
    nameEn: 'Fangshan',
    districtClass: '平原新城所在区',
    centralSix: false,
    ecological: 'partly',
    classNote: '山区部分属生态涵养区',
    sources: ['W15', 'W16'],
  },
  {
    id: 'mentougou',
    short: '门头沟',
    nameZh: '门头沟区',
    nameEn: 'Mentougou',
    districtClass: '生态涵养区',
    centralSix: false,
    ecological: 'wholly',
    sources: ['W16'],
  },
  {
    id: 'huairou',
    short: '怀柔',
    nameZh: '怀柔区',
    nameEn: 'Huairou',
    districtClass: '生态涵养区',
    centralSix: false,
    ecological: 'wholly',
    sources: ['W16'],
  },
  {
    id: 'pinggu',
    short: '平谷',
    nameZh: '平谷区',
    nameEn: 'Pinggu',
    districtClass: '生态涵养区',
    centralSix: false,
    ecological: 'wholly',
    sources: ['W16'],
  },
  {
    id: 'miyun',
    short: '密云',
    nameZh: '密云区',
    nameEn: 'Miyun',
    districtClass: '生态涵养区',
    centralSix: false,
    ecological: 'wholly',
    sources: ['W16'],
  },
  {
    id: 'yanqing',
    short: '延庆',
    nameZh: '延庆区',
    nameEn: 'Yanqing',
    districtClass: '生态涵养区',
    centralSix: false,
    ecological: 'wholly',
    sources: ['W16'],
  },
];

export function districtByShort(short: string): District | undefined {
  return DISTRICTS.find((d) => d.short === short);
}

/** A district's name as the UI language says it, from the short name ParkPlan's data uses (海淀 → Haidian). */
export function districtName(short: string, lang: 'zh' | 'en'): string {
  const d = DISTRICTS.find((x) => x.short === short || x.nameZh === short);
  return !d ? short : lang === 'en' ? `${d.nameEn} District` : d.nameZh;
}
