import type { GroupCategory } from '../data/groups';
import type { DistrictClass } from '../data/districts';

/** Colours shared by the map style and the legend, so they cannot drift apart. */
export const CATEGORY_COLORS: Record<GroupCategory, string> = {
  三城一区: '#c0392b',
  核心区和中心城区: '#7d3c98',
  副中心和多点地区: '#1f6fb2',
  生态涵养区: '#2e8b57',
};

export const DISTRICT_CLASS_COLORS: Record<DistrictClass, string> = {
  首都功能核心区: '#ece6dc',
  中心城区: '#f1ede6',
  城市副中心所在区: '#eef0f3',
  平原新城所在区: '#f6f5f1',
  生态涵养区: '#e8efe4',
};

export const COLORS = {
  background: '#fbfaf7',
  districtLine: '#9a968d',
  districtLabel: '#6b675f',
  scopeLine: '#0b3c6f',
  subparkFill: '#8fb8de',
  subparkLine: '#2f6597',
  yizhuangCore: '#e08e1b',
  yizhuangOuter: '#f3c77a',
  yizhuangLine: '#a0600b',
  halo: '#ffffff',
};
