import type { DevelopmentGroup, GroupCategory } from '../../data/groups';
import type { ModeId } from '../../data/modes';
import { resolveFocus } from '../../data/focus';

/**
 * "Where does the plan put 集成电路?": filters over the 31 groups by industry
 * field, whole industry, development mode and category. Within one dimension
 * the choices are alternatives (any of them); across dimensions all must hold.
 * An empty dimension does not filter.
 */
export interface GroupFilter {
  /** Taxonomy fields as the plan names them (a qualifier such as (研发) is ignored). */
  readonly fields: readonly string[];
  /** Taxonomy industry ids (ngit, bio, …): any of the group's fields in that industry. */
  readonly industries: readonly string[];
  readonly modes: readonly ModeId[];
  readonly categories: readonly GroupCategory[];
}

export const NO_FILTER: GroupFilter = { fields: [], industries: [], modes: [], categories: [] };

export type Dimension = keyof GroupFilter;

export const isEmpty = (f: GroupFilter) =>
  f.fields.length + f.industries.length + f.modes.length + f.categories.length === 0;

function matchesDimension(g: DevelopmentGroup, f: GroupFilter, d: Dimension): boolean {
  const chosen = f[d] as readonly string[];
  if (chosen.length === 0) return true;
  switch (d) {
    case 'fields':
      return g.focus.some((x) => chosen.includes(resolveFocus(x).fieldZh));
    case 'industries':
      return g.focus.some((x) => chosen.includes(resolveFocus(x).industry.id));
    case 'modes':
      return g.modes.some((m) => chosen.includes(m.mode));
    case 'categories':
      return chosen.includes(g.category);
  }
}

const DIMENSIONS: readonly Dimension[] = ['fields', 'industries', 'modes', 'categories'];

export function matchesGroup(g: DevelopmentGroup, f: GroupFilter): boolean {
  return DIMENSIONS.every((d) => matchesDimension(g, f, d));
}

/**
 * How many groups each choice of `d` would show, given the other dimensions'
 * choices (facet counts, as shops show them).
 */
export function facetCounts(
  groups: readonly DevelopmentGroup[],
  f: GroupFilter,
  d: Dimension,
  options: readonly string[],
): Map<string, number> {
  const others = groups.filter((g) => DIMENSIONS.every((x) => x === d || matchesDimension(g, f, x)));
  return new Map(
    options.map((o) => [o, others.filter((g) => matchesDimension(g, { ...NO_FILTER, [d]: [o] }, d)).length]),
  );
}

/** The choice toggled in or out of one dimension. */
export function toggle(f: GroupFilter, d: Dimension, value: string): GroupFilter {
  const cur = f[d] as readonly string[];
  return { ...f, [d]: cur.includes(value) ? cur.filter((x) => x !== value) : [...cur, value] };
}
