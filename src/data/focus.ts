import { industryOfField, type Industry, INDUSTRIES } from './taxonomy';

/**
 * Maps a group's focus items (seed 003 第三章第二节) onto the plan's taxonomy
 * (第二章). Most items are taxonomy fields verbatim. The rest are terms the
 * taxonomy does not list; each goes under the industry it belongs to, with
 * the nearest listed field and a note saying that this placement is ours.
 */

export interface FieldExtension {
  readonly industryId: string;
  readonly en: string;
  readonly nearestFieldZh: string | null;
}

export const FIELD_EXTENSIONS: Readonly<Record<string, FieldExtension>> = {
  科学仪器和传感器: {
    industryId: 'manufacturing',
    en: 'Scientific instruments and sensors',
    nearestFieldZh: '智能装备',
  },
  高性能纳米材料: {
    industryId: 'materials',
    en: 'High-performance nanomaterials',
    nearestFieldZh: '前沿新材料',
  },
  研发设计: { industryId: 'services', en: 'R&D and design', nearestFieldZh: '研发服务' },
  体育科技: { industryId: 'services', en: 'Sports tech', nearestFieldZh: null },
  创意设计: { industryId: 'services', en: 'Creative design', nearestFieldZh: '文化科技' },
  第三代半导体: { industryId: 'ngit', en: 'Third-generation semiconductors', nearestFieldZh: '集成电路' },
  石墨烯: { industryId: 'materials', en: 'Graphene', nearestFieldZh: '前沿新材料' },
  中医药: { industryId: 'bio', en: 'Traditional Chinese medicine', nearestFieldZh: '创新药物' },
  新型显示材料: { industryId: 'materials', en: 'New display materials', nearestFieldZh: '关键战略材料' },
  先进化工材料: {
    industryId: 'materials',
    en: 'Advanced chemical materials',
    nearestFieldZh: '先进基础材料',
  },
  无人机: { industryId: 'manufacturing', en: 'Drones (UAV)', nearestFieldZh: '航空航天' },
  园艺科技: { industryId: 'bio', en: 'Horticultural tech', nearestFieldZh: '生物农业' },
};

const QUALIFIERS: Readonly<Record<string, string>> = { 研发: 'R&D', 制造: 'manufacturing' };

export interface FocusItem {
  /** As the plan writes it, e.g. 创新药物(研发). */
  readonly text: string;
  /** The field without qualifier, e.g. 创新药物. */
  readonly fieldZh: string;
  readonly fieldEn: string;
  readonly qualifierZh: string | null;
  readonly qualifierEn: string | null;
  readonly industry: Industry;
  /** False where the taxonomy of 第二章 does not list the field. */
  readonly inTaxonomy: boolean;
  readonly noteZh: string | null;
  readonly noteEn: string | null;
}

export function resolveFocus(text: string): FocusItem {
  const m = /^(.+?)\((.+)\)$/.exec(text);
  const fieldZh = m ? m[1]! : text;
  const qualifierZh = m ? m[2]! : null;
  const qualifierEn = qualifierZh ? (QUALIFIERS[qualifierZh] ?? qualifierZh) : null;
  const industry = industryOfField(fieldZh);
  if (industry) {
    const field = industry.fields.find((f) => f.zh === fieldZh)!;
    return {
      text,
      fieldZh,
      fieldEn: field.en,
      qualifierZh,
      qualifierEn,
      industry,
      inTaxonomy: true,
      noteZh: null,
      noteEn: null,
    };
  }
  const ext = FIELD_EXTENSIONS[fieldZh];
  if (!ext) throw new Error(`focus item not in the taxonomy and not mapped: ${text}`);
  const parent = INDUSTRIES.find((i) => i.id === ext.industryId)!;
  const near = ext.nearestFieldZh;
  return {
    text,
    fieldZh,
    fieldEn: ext.en,
    qualifierZh,
    qualifierEn,
    industry: parent,
    inTaxonomy: false,
    noteZh: `规划第二章未列此领域；ParkPlan 将其归入“${parent.nameZh}”${near ? `（最接近：${near}）` : ''}。`,
    noteEn: `Not listed in chapter 2 of the plan; ParkPlan files it under “${parent.nameEn}”${
      near ? ` (nearest listed field: ${near})` : ''
    }.`,
  };
}
