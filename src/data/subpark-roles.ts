import { SUBPARKS, type SubparkId } from './subparks';

/**
 * Where the plan puts each industry among the sub-parks: the sentences of
 * seed 003, 第二章 优化产业结构布局, that name sub-parks, copied verbatim
 * (a provenance test finds each in the seed). `industryId` is the taxonomy
 * industry the paragraph is about; `fieldZh` narrows it to one field where
 * the sentence does. The sub-parks a sentence names are read from its text,
 * so a sub-park's panel can quote every sentence that gives it a role.
 */

export interface SubparkRoleSentence {
  readonly industryId: string;
  readonly fieldZh?: string;
  readonly sentenceZh: string;
  /** Where in seed 003. */
  readonly cite: string;
  /**
   * Each named sub-park's role, in the sentence's own words where it has
   * them (ParkPlan's short reading of the sentence; the sentence is the authority).
   */
  readonly roles: Readonly<Partial<Record<SubparkId, RoleId>>>;
}

/** Roles a sentence gives a sub-park. */
export type RoleId =
  | 'core'
  | 'permeate'
  | 'radiate'
  | 'north-rd'
  | 'south-manufacturing'
  | 'layout'
  | 'driven'
  | 'rd'
  | 'industrialisation'
  | 'rd-and-industrialisation';

export const ROLE_NAMES: Record<RoleId, { zh: string; en: string }> = {
  core: { zh: '核心', en: 'Core' },
  permeate: { zh: '渗透', en: 'Extension' },
  radiate: { zh: '辐射联动', en: 'Linked by radiation' },
  'north-rd': { zh: '北部发展区核心，以研发为主', en: 'Northern area core, mainly R&D' },
  'south-manufacturing': {
    zh: '南部发展区核心，以制造和产业化为主',
    en: 'Southern area core, mainly manufacturing and industrialisation',
  },
  layout: { zh: '重点布局', en: 'Main location' },
  driven: { zh: '带动发展', en: 'Developed alongside' },
  rd: { zh: '以研发为主', en: 'Mainly R&D' },
  industrialisation: { zh: '以产业化为主', en: 'Mainly industrialisation' },
  'rd-and-industrialisation': { zh: '研发创新及产业化', en: 'R&D and industrialisation' },
};

export const SUBPARK_ROLE_SENTENCES: readonly SubparkRoleSentence[] = [
  {
    industryId: 'ngit',
    cite: '第二章第一节 1.',
    sentenceZh:
      '新一代信息技术产业以海淀园为核心,向东城园、西城园、朝阳园、石景山园、昌平园等周边分园渗透,辐射联动通州园、亦庄园等分园。',
    roles: {
      haidian: 'core',
      dongcheng: 'permeate',
      xicheng: 'permeate',
      chaoyang: 'permeate',
      shijingshan: 'permeate',
      changping: 'permeate',
      tongzhou: 'radiate',
      yizhuang: 'radiate',
    },
  },
  {
    industryId: 'bio',
    cite: '第二章第一节 2.',
    sentenceZh:
      '生物与健康产业形成以海淀园、昌平园为核心的北部发展区,以研发为主;大兴园、亦庄园为核心的南部发展区,以制造和产业化为主。',
    roles: {
      haidian: 'north-rd',
      changping: 'north-rd',
      daxing: 'south-manufacturing',
      yizhuang: 'south-manufacturing',
    },
  },
  {
    industryId: 'bio',
    fieldZh: '生物农业',
    cite: '第二章第一节 2.',
    sentenceZh: '生物农业重点在通州国际种业园、平谷园、延庆园布局。',
    roles: { pinggu: 'layout', yanqing: 'layout' },
  },
  {
    industryId: 'manufacturing',
    cite: '第二章第二节 1.',
    sentenceZh:
      '先进制造业主要在顺义园、亦庄园、房山园等分园布局,带动大兴园、丰台园、昌平园、门头沟园、怀柔园、平谷园等分园共同发展。',
    roles: {
      shunyi: 'layout',
      yizhuang: 'layout',
      fangshan: 'layout',
      daxing: 'driven',
      fengtai: 'driven',
      changping: 'driven',
      mentougou: 'driven',
      huairou: 'driven',
      pinggu: 'driven',
    },
  },
  {
    industryId: 'manufacturing',
    fieldZh: '新能源汽车',
    cite: '第二章第二节 1.',
    sentenceZh: '其中,新能源汽车重点在顺义园、亦庄园、房山园布局。',
    roles: { shunyi: 'layout', yizhuang: 'layout', fangshan: 'layout' },
  },
  {
    industryId: 'transport',
    cite: '第二章第二节 2.',
    sentenceZh: '现代交通产业在海淀园、丰台园以研发为主,通过技术成果转移转化,辐射带动顺义园、亦庄园发展。',
    roles: { haidian: 'rd', fengtai: 'rd', shunyi: 'driven', yizhuang: 'driven' },
  },
  {
    industryId: 'energy',
    cite: '第二章第二节 3.',
    sentenceZh: '新能源与节能环保产业在昌平园以研发为主,亦庄园、密云园、延庆园以产业化为主。',
    roles: {
      changping: 'rd',
      yizhuang: 'industrialisation',
      miyun: 'industrialisation',
      yanqing: 'industrialisation',
    },
  },
  {
    industryId: 'materials',
    cite: '第二章第二节 4.',
    sentenceZh:
      '新材料产业依托海淀园进行新材料研发创新、怀柔园进行新材料研发创新及产业化,带动顺义园、房山园的新材料产业化。',
    roles: {
      haidian: 'rd',
      huairou: 'rd-and-industrialisation',
      shunyi: 'industrialisation',
      fangshan: 'industrialisation',
    },
  },
  {
    industryId: 'services',
    cite: '第二章第三节',
    sentenceZh:
      '现代服务业在各分园根据分园的产业特色定位均有相应布局,其中研发服务主要在海淀园、怀柔园、大兴园等区域布局,创业孵化服务主要在海淀园布局,科技咨询服务主要在海淀园、朝阳园布局,金融科技主要在西城园、海淀园、石景山园、房山园布局,文化科技主要在东城园、西城园、朝阳园、海淀园、大兴园、房山园、延庆园布局,消费科技主要在海淀园、朝阳园布局,城市科技主要在通州园布局。',
    roles: {
      haidian: 'layout',
      huairou: 'layout',
      daxing: 'layout',
      chaoyang: 'layout',
      xicheng: 'layout',
      shijingshan: 'layout',
      fangshan: 'layout',
      dongcheng: 'layout',
      yanqing: 'layout',
      tongzhou: 'layout',
    },
  },
];

/** The sub-parks a sentence names (by their Chinese names as written). */
export function subparksNamedIn(sentenceZh: string): SubparkId[] {
  return SUBPARKS.filter((s) => sentenceZh.includes(s.nameZh)).map((s) => s.id);
}

/** Every role sentence that names the sub-park. */
export function roleSentencesOf(subparkId: SubparkId): SubparkRoleSentence[] {
  return SUBPARK_ROLE_SENTENCES.filter((r) => subparksNamedIn(r.sentenceZh).includes(subparkId));
}
