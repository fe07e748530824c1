/**
 * The industry taxonomy of the ZGC plan, transcribed from seed 003, 第二章
 * 优化产业结构布局: two leading industries (第一节), four key industries
 * (第二节), modern services (第三节) and future industries (第四节, which
 * names no fields). Field names are the plan's own words.
 */

export type IndustryTier = 'leading' | 'key' | 'services' | 'future';

export interface Industry {
  readonly id: string;
  readonly tier: IndustryTier;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly fields: readonly { readonly zh: string; readonly en: string }[];
  /** Where in seed 003 the fields are listed. */
  readonly cite: string;
}

export const TIER_NAMES: Record<IndustryTier, { zh: string; en: string }> = {
  leading: { zh: '两个主导产业', en: 'Two leading industries' },
  key: { zh: '四个重点产业', en: 'Four key industries' },
  services: { zh: '现代服务业', en: 'Modern services' },
  future: { zh: '未来产业', en: 'Future industries' },
};

export const INDUSTRIES: readonly Industry[] = [
  {
    id: 'ngit',
    tier: 'leading',
    nameZh: '新一代信息技术',
    nameEn: 'New-generation information technology',
    cite: '第二章第一节 1.',
    fields: [
      { zh: '人工智能', en: 'Artificial intelligence' },
      { zh: '下一代通信和网络', en: 'Next-generation communications and networks' },
      { zh: '集成电路', en: 'Integrated circuits' },
      { zh: '大数据', en: 'Big data' },
      { zh: '云计算', en: 'Cloud computing' },
      { zh: '工业互联网与物联网', en: 'Industrial internet and IoT' },
      { zh: '虚拟现实', en: 'Virtual reality' },
      { zh: '区块链', en: 'Blockchain' },
      { zh: '网络信息安全', en: 'Cyber and information security' },
    ],
  },
  {
    id: 'bio',
    tier: 'leading',
    nameZh: '生物与健康',
    nameEn: 'Biotech and health',
    cite: '第二章第一节 2.',
    fields: [
      { zh: '创新药物', en: 'Innovative drugs' },
      { zh: '高端医疗器械', en: 'High-end medical devices' },
      { zh: '精准医疗', en: 'Precision medicine' },
      { zh: '健康服务', en: 'Health services' },
      { zh: '生物农业', en: 'Bio-agriculture' },
    ],
  },
  {
    id: 'manufacturing',
    tier: 'key',
    nameZh: '先进制造',
    nameEn: 'Advanced manufacturing',
    cite: '第二章第二节 1.',
    fields: [
      { zh: '机器人', en: 'Robotics' },
      { zh: '智能装备', en: 'Intelligent equipment' },
      { zh: '新能源汽车', en: 'New-energy vehicles' },
      { zh: '航空航天', en: 'Aerospace' },
      { zh: '智能终端', en: 'Smart devices' },
    ],
  },
  {
    id: 'transport',
    tier: 'key',
    nameZh: '现代交通',
    nameEn: 'Modern transport',
    cite: '第二章第二节 2.',
    fields: [
      { zh: '轨道交通', en: 'Rail transit' },
      { zh: '智能网联汽车与智能出行', en: 'Connected vehicles and smart mobility' },
      { zh: '导航与位置服务', en: 'Navigation and location services' },
      { zh: '智慧物流', en: 'Smart logistics' },
    ],
  },
  {
    id: 'energy',
    tier: 'key',
    nameZh: '新能源与节能环保',
    nameEn: 'New energy, energy saving and environmental protection',
    cite: '第二章第二节 3.',
    fields: [
      { zh: '清洁能源', en: 'Clean energy' },
      { zh: '能源互联网', en: 'Energy internet' },
      { zh: '高效节能', en: 'High-efficiency energy saving' },
      { zh: '先进环保', en: 'Advanced environmental protection' },
    ],
  },
  {
    id: 'materials',
    tier: 'key',
    nameZh: '新材料',
    nameEn: 'New materials',
    cite: '第二章第二节 4.',
    fields: [
      { zh: '前沿新材料', en: 'Frontier new materials' },
      { zh: '关键战略材料', en: 'Key strategic materials' },
      { zh: '先进基础材料', en: 'Advanced basic materials' },
    ],
  },
  {
    id: 'services',
    tier: 'services',
    nameZh: '现代服务业',
    nameEn: 'Modern services',
    cite: '第二章第三节',
    fields: [
      { zh: '研发服务', en: 'R&D services' },
      { zh: '创业孵化服务', en: 'Start-up incubation services' },
      { zh: '科技咨询服务', en: 'S&T consulting services' },
      { zh: '综合科技服务', en: 'Integrated S&T services' },
      { zh: '金融科技', en: 'Fintech' },
      { zh: '文化科技', en: 'Culture tech' },
      { zh: '消费科技', en: 'Consumer tech' },
      { zh: '城市科技', en: 'Urban tech' },
    ],
  },
  {
    id: 'future',
    tier: 'future',
    nameZh: '未来产业',
    nameEn: 'Future industries',
    cite: '第二章第四节 (names no fields)',
    fields: [],
  },
];

export function industryById(id: string): Industry | undefined {
  return INDUSTRIES.find((i) => i.id === id);
}

/** The industry whose field list contains `fieldZh`, if the taxonomy names it. */
export function industryOfField(fieldZh: string): Industry | undefined {
  return INDUSTRIES.find((i) => i.fields.some((f) => f.zh === fieldZh));
}
