import { GROUPS } from '../../data/groups';
import { SUBPARKS } from '../../data/subparks';
import { PINYIN } from '../../data/pinyin';
import { YIZHUANG_PARTS } from '../../data/yizhuang';
import { resolveFocus } from '../../data/focus';
import { INDUSTRIES } from '../../data/taxonomy';
import { ROLE_NAMES, SUBPARK_ROLE_SENTENCES } from '../../data/subpark-roles';

/**
 * Finds groups, sub-parks and the parts of Yizhuang by name: Chinese (any part of the name),
 * pinyin (full, without tones or spaces, e.g. "zhongzhixue", or initials,
 * e.g. "zzx") and English (any word start); then by a name planners use for
 * a place that is not its own (中关村科学城 for 海淀园); then by what the plan
 * gives them: a group's fields and industries ("集成" finds the groups that
 * focus on 集成电路) and positioning, a sub-park's role in an industry. Names
 * match better the earlier the query meets them, and names before the rest;
 * each hit says what matched.
 */
export interface PlaceHit {
  readonly kind: 'group' | 'subpark' | 'yizhuang';
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** What matched, when not the name: an alias, a field, an industry, the positioning or a sub-park's role. */
  readonly match?: {
    readonly kind: 'alias' | 'field' | 'industry' | 'positioning' | 'role';
    readonly zh: string;
    readonly en: string;
  };
}

/**
 * Names planners use for places that are not the places' own. 中关村科学城: since 2017 the
 * planning concept covers all of 海淀 (reference facts, W22), so it finds 海淀园.
 */
const ALIASES: readonly { zh: string; en: string; kind: 'subpark'; id: string }[] = [
  { zh: '中关村科学城', en: 'Zhongguancun Science City', kind: 'subpark', id: 'haidian' },
];

const PLACES: readonly PlaceHit[] = [
  ...SUBPARKS.map((s) => ({ kind: 'subpark' as const, id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
  ...GROUPS.map((g) => ({ kind: 'group' as const, id: g.id, nameZh: g.nameZh, nameEn: g.nameEn })),
  ...YIZHUANG_PARTS.map((p) => ({ kind: 'yizhuang' as const, id: p.id, nameZh: p.nameZh, nameEn: p.nameEn })),
];

function score(p: PlaceHit, q: string): number {
  const zh = p.nameZh.indexOf(q);
  if (zh >= 0) return zh;
  const lower = q.toLowerCase().replace(/[\s'’-]/g, '');
  if (!lower) return -1;
  const [full, initials] = PINYIN[p.nameZh] ?? ['', ''];
  if (full.startsWith(lower)) return 10;
  if (initials.startsWith(lower)) return 20;
  if (full.includes(lower)) return 30 + full.indexOf(lower);
  const words = p.nameEn.toLowerCase().split(/[\s-]+/);
  const enAt = words.findIndex((w, i) => words.slice(i).join('').startsWith(lower));
  return enAt >= 0 ? 100 + enAt : -1;
}

/** Where `q` is in a text (Chinese as written, English ignoring case): its position, or -1. */
const at = (text: string, q: string) => text.toLowerCase().indexOf(q.toLowerCase());

/** What of a place other than its name matches the query, and how well (lower is better), if anything. */
function byContent(p: PlaceHit, q: string): { s: number; match: NonNullable<PlaceHit['match']> } | null {
  for (const a of ALIASES)
    if (a.kind === p.kind && a.id === p.id && (a.zh.includes(q) || at(a.en, q) >= 0))
      return { s: 200, match: { kind: 'alias', zh: a.zh, en: a.en } };
  if (p.kind === 'group') {
    const g = GROUPS.find((x) => x.id === p.id)!;
    for (const f of g.focus) {
      const r = resolveFocus(f);
      if (r.fieldZh.includes(q) || at(r.fieldEn, q) >= 0)
        return { s: 300 + r.fieldZh.indexOf(q), match: { kind: 'field', zh: r.text, en: r.fieldEn } };
    }
    for (const f of g.focus) {
      const { industry } = resolveFocus(f);
      if (industry.nameZh.includes(q) || at(industry.nameEn, q) >= 0)
        return { s: 400, match: { kind: 'industry', zh: industry.nameZh, en: industry.nameEn } };
    }
    if (g.positioningZh.includes(q))
      return { s: 500, match: { kind: 'positioning', zh: g.positioningZh, en: g.positioningZh } };
  }
  if (p.kind === 'subpark') {
    for (const r of SUBPARK_ROLE_SENTENCES) {
      const role = r.roles[p.id as keyof typeof r.roles];
      if (!role) continue;
      const industry = INDUSTRIES.find((i) => i.id === r.industryId);
      const fieldZh = r.fieldZh ?? industry?.nameZh ?? '';
      if (fieldZh.includes(q) || (industry && (industry.nameZh.includes(q) || at(industry.nameEn, q) >= 0)))
        return {
          s: 450,
          match: {
            kind: 'role',
            zh: `${fieldZh}：${ROLE_NAMES[role].zh}`,
            en: `${industry?.nameEn ?? fieldZh}: ${ROLE_NAMES[role].en}`,
          },
        };
    }
  }
  return null;
}

export function searchPlaces(query: string): PlaceHit[] {
  const q = query.trim();
  if (!q) return [];
  return PLACES.flatMap((p) => {
    const s = score(p, q);
    if (s >= 0) return [{ p, s }];
    const c = byContent(p, q);
    return c ? [{ p: { ...p, match: c.match }, s: c.s }] : [];
  })
    .sort((a, b) => a.s - b.s)
    .map((x) => x.p);
}
