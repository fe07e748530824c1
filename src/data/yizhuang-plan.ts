import type { SourceId } from './sources';

/**
 * What the Yizhuang panel quotes, verbatim: the leading industries, the
 * 2022 targets and the 2035 goal (seed 000, the implementation opinions),
 * and the 2022 results and 2023 priorities (seed 001, the BDA's 2022 work
 * report). A provenance test finds every sentence in its seed.
 */

export interface Quote {
  readonly sentenceZh: string;
  readonly source: SourceId;
}

/** Seed 000, 二（一）1. */
export const YIZHUANG_LEADING_INDUSTRIES: Quote & { readonly industriesZh: readonly string[] } = {
  industriesZh: ['新一代信息技术', '新能源智能汽车', '生物技术和大健康', '机器人和智能制造'],
  sentenceZh:
    '聚焦新一代信息技术、新能源智能汽车、生物技术和大健康、机器人和智能制造等主导产业，补齐延伸产业链，鼓励“硬科技”产业集聚发展。',
  source: 'seed000',
};

/** Seed 000, 一（二）发展目标. */
export const YIZHUANG_TARGETS_2022: Quote = {
  sentenceZh:
    '到2022年，地区生产总值2000亿元以上，规模以上工业总产值突破6000亿元（其中核心区完成5200亿元），企业研发经费投入强度2%以上，PCT专利申请量突破2500件。',
  source: 'seed000',
};

/** Seed 000, 一（二）发展目标. */
export const YIZHUANG_GOAL_2035: Quote = {
  sentenceZh:
    '到2035年，在2018年的基础上，地区生产总值翻两番，高质量发展的体制机制更加完善，法治化营商环境国际领先，建成世界领先的高精尖产业体系，形成创新驱动发展的强大引擎，培育一批具有全球竞争力的优秀企业，建成产城融合、人才汇聚、功能完备、宜业宜居、活力迸发的世界一流产业综合新城，基本实现治理体系和治理能力现代化，成为人与自然和谐共生的美丽城市典范。',
  source: 'seed000',
};

/** Seed 001, 一、过去工作的回顾. */
export const YIZHUANG_RESULTS_2022: Quote = {
  sentenceZh:
    '2022年,亦庄新城预计全年地区生产总值同比增长8%(剔除疫苗因素);工业产值同比增长7%(剔除疫苗因素);固定资产投资同比增长8%;地方级收入同比增长2.7%(同口径增长9.4%)。',
  source: 'seed001',
};

/**
 * Seed 001, 二、2023年工作思路和重点工作: the headings of the priorities. The
 * report announces 十个方面 but lists nine; all nine are given.
 */
export const YIZHUANG_PRIORITIES_2023: { readonly headingsZh: readonly string[]; readonly source: SourceId } =
  {
    headingsZh: [
      '(一)围绕深耕高精尖产业主阵地,着力构建现代化产业体系。',
      '(二)围绕实施创新驱动发展战略,着力打造活力迸发的创新生态。',
      '(三)围绕推动深化改革走向纵深,着力营造国际一流营商环境。',
      '(四)围绕坚定实施扩大内需战略,着力提升政府投资质效带动社会投资。',
      '(五)围绕推进高水平对外开放,着力推动“两区”建设走深走实。',
      '(六)围绕全面深化产城融合发展,着力加快亦庄新城建设步伐。',
      '(七)围绕构建绿色低碳发展体系,着力擦亮新城生态底色。',
      '(八)围绕全方位增进民生福祉,着力提高新城人民生活品质。',
      '(九)围绕加强政府自身建设,着力提升政府服务效能。',
    ],
    source: 'seed001',
  };
