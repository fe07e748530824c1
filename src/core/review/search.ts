import { GROUPS } from '../../data/groups';
import { SUBPARKS } from '../../data/subparks';
import { PINYIN } from '../../data/pinyin';
import { YIZHUANG_PARTS } from '../../data/yizhuang';

/**
 * Finds groups, sub-parks and the parts of Yizhuang by name: Chinese (any part of the name),
 * pinyin (full, without tones or spaces, e.g. "zhongzhixue", or initials,
 * e.g. "zzx") and English (any word start). Names match better the earlier
 * the query meets them; groups and sub-parks are listed together.
 */
export interface PlaceHit {
  readonly kind: 'group' | 'subpark' | 'yizhuang';
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

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

export function searchPlaces(query: string): PlaceHit[] {
  const q = query.trim();
  if (!q) return [];
  return PLACES.map((p) => ({ p, s: score(p, q) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s)
    .map((x) => x.p);
}
