/**
 * The six development modes (发展模式) of seed 003, 第四章第一节, with the
 * carriers each suits (第四章第二节). Descriptions are the plan's sentences.
 */

export type ModeId = 'research' | 'hq' | 'cluster' | 'leader' | 'community' | 'town';
export type CarrierId = 'micro' | 'featured' | 'specialised' | 'industrialisation';

export const CARRIERS: Record<CarrierId, { zh: string; en: string }> = {
  micro: { zh: '微集群空间', en: 'Micro-cluster spaces' },
  featured: { zh: '特色创新园', en: 'Featured innovation parks' },
  specialised: { zh: '专业园区', en: 'Specialised parks' },
  industrialisation: { zh: '产业化基地', en: 'Industrialisation bases' },
};

export interface DevelopmentMode {
  readonly id: ModeId;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly descriptionZh: string;
  /** Group names exactly as the mode's paragraph lists them (seed 003, 第四章第一节). */
  readonly groupsAsListed: readonly string[];
  readonly carriers: readonly CarrierId[];
}

export const MODES: readonly DevelopmentMode[] = [
  {
    id: 'research',
    nameZh: '研发创新模式',
    nameEn: 'R&D innovation',
    descriptionZh:
      '研发创新模式基于高校院所的学科优势、人才优势及成果优势,在周边布局创新创业空间,加速科研成果溢出,实现快速产业化。',
    groupsAsListed: ['中知学原始创新组团', '未来科学城西区组团', '良乡组团', '健翔园组团', '怀柔科学城组团'],
    carriers: ['micro', 'featured'],
  },
  {
    id: 'hq',
    nameZh: '创新型总部经济模式',
    nameEn: 'Innovative headquarters economy',
    descriptionZh:
      '创新型总部经济模式基于企业总部集聚特点,通过街区更新、腾笼换鸟实现发展环境优良、人居环境一流。聚焦若干重点产业领域,聚集瞪羚企业、独角兽企业、隐形冠军企业等创新型和研发型企业总部,形成以研发创新为核心的总部经济。',
    groupsAsListed: ['东城园组团', '西城园组团'],
    carriers: ['micro', 'featured'],
  },
  {
    id: 'cluster',
    nameZh: '高端产业集群模式',
    nameEn: 'High-end industrial cluster',
    descriptionZh:
      '高端产业集群模式基于产业链关键环节和薄弱环节精准引育,建立产业链高价值环节培育体系,支持上下游企业加强产业协同和技术合作攻关,增强产业链韧性,提升产业链水平,实现产业链与创新链、资金链、人才链加速对接和深度融合。',
    groupsAsListed: [
      '亦庄园组团',
      '大兴生物医药基地组团',
      '顺义园北区组团',
      '顺义园南区组团',
      '窦店组团',
      '燕房组团',
      '昌平新城组团',
      '丰台园西区组团',
    ],
    carriers: ['micro', 'featured', 'specialised', 'industrialisation'],
  },
  {
    id: 'leader',
    nameZh: '领军企业模式',
    nameEn: 'Leading enterprise',
    descriptionZh:
      '领军企业模式基于发挥大企业引领支撑作用,吸引与其业务相关的企业及自身生态链企业集聚,搭建线上线下相结合的大中小企业创新协同、产能共享、供应链互通的新型产业创新生态,形成大企业带动中小企业发展,中小企业为大企业注入活力的融通发展新格局。',
    groupsAsListed: [
      '上地西三旗组团',
      '电子城组团',
      '未来科学城东区组团',
      '永丰组团',
      '翠湖组团',
      '丰台园东区组团',
    ],
    carriers: ['micro', 'featured', 'specialised', 'industrialisation'],
  },
  {
    id: 'community',
    nameZh: '双创社区模式',
    nameEn: 'Innovation and entrepreneurship community',
    descriptionZh:
      '双创社区模式基于在人才密集区域建设兼具居住与办公双重功能的“孵化器+宿舍”等新型创业公寓,以及通过老工业基地改造升级,打造生活居住与创新创业功能复合的新型创新创业空间,为创业者提供价廉宜居的创业空间。',
    // The plan writes 门头沟组团 here and 门头沟园组团 in 第三章; they are the same group.
    groupsAsListed: [
      '未来科学城西区组团(回龙观地区)',
      '石景山园组团',
      '运河组团',
      '门头沟组团',
      '新媒体组团',
    ],
    carriers: ['micro', 'featured'],
  },
  {
    id: 'town',
    nameZh: '特色小镇模式',
    nameEn: 'Characteristic town',
    descriptionZh:
      '特色小镇模式基于产业属性和人口集聚功能,通过规划建设一批职住相对平衡、体现自身优势和独特性的美丽街区,建立起围绕承接中心城区功能的、能够集聚适度人口和要素的产业体系。',
    groupsAsListed: ['西集组团', '张家湾组团', '密云园组团', '平谷园组团', '延庆园组团'],
    carriers: ['featured', 'specialised'],
  },
];

export function modeById(id: ModeId): DevelopmentMode {
  const m = MODES.find((x) => x.id === id);
  if (!m) throw new Error(`unknown mode ${id}`);
  return m;
}
