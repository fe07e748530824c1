/**
 * Shares the repeated values of data received from the worker.
 *
 * A structured clone makes every string, array and object anew: 100,000
 * block reports arrive as some two million small objects, most of them
 * repeats ("small", "preview", the same district's name, empty lists). Young
 * objects that survive are what the page's garbage collector spends its
 * pauses copying, so each report is made to share its repeated values as it
 * arrives, and the copies die young. Reports normally come packed
 * (core/report/packed-reports.ts); this serves those a pack cannot carry.
 */

const strings = new Map<string, string>();
/** Past this many distinct strings, new ones are kept as they are (a file of unique names must not fill the table). */
const MAX_STRINGS = 20_000;
const EMPTY_ARRAY: readonly never[] = Object.freeze([]);
const EMPTY_OBJECT: Readonly<Record<string, never>> = Object.freeze({});
/** Lists of strings (a report's warnings), by content. */
const lists = new Map<string, readonly string[]>();
const MAX_LISTS = 2_000;

function shareString(s: string): string {
  const had = strings.get(s);
  if (had !== undefined) return had;
  if (strings.size < MAX_STRINGS) strings.set(s, s);
  return s;
}

/**
 * The value with its strings shared, empty arrays and objects replaced by one
 * frozen instance, and lists of strings shared by content (frozen too: shared
 * values must never be changed in place). Properties named in `unique` (ids,
 * names) are left as they are. Objects are changed in place: call it only on
 * data just received, before anyone else holds it.
 */
export function shareValues<T>(value: T, unique: ReadonlySet<string> = new Set()): T {
  if (typeof value === 'string') return shareString(value) as T;
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY_ARRAY as T;
    if (value.every((v) => typeof v === 'string')) {
      const key = value.join('\u0000');
      const had = lists.get(key);
      if (had) return had as T;
      const list = Object.freeze(value.map(shareString));
      if (lists.size < MAX_LISTS) lists.set(key, list);
      return list as T;
    }
    for (let i = 0; i < value.length; i++) value[i] = shareValues(value[i]);
    return value;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    let empty = true;
    for (const k in o) {
      empty = false;
      if (!unique.has(k)) o[k] = shareValues(o[k]);
    }
    return (empty ? EMPTY_OBJECT : value) as T;
  }
  return value;
}
