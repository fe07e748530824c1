import type { BlockReport } from './evaluate-blocks';

/**
 * Block reports packed in typed arrays, and reports that read their fields
 * from such a pack.
 *
 * Why: a report is some thirty fields; as an object made by a structured
 * clone it is a dozen small objects (itself, a number box per area, its
 * district and sub-park entries, lists). 100,000 of them arriving from the
 * worker are ≈ 100 MB of young objects, and the page's collector pauses for
 * 30–60 ms at a time copying them. Packed, 5,000 reports are a few typed
 * arrays (moved between threads, never scanned) and one table of their
 * distinct strings; on the page each report is one small object whose
 * fields are getters on its prototype.
 */

/**
 * How each field is packed:
 * - number: a float (NaN stands for null, so a NaN value cannot be packed);
 * - string: an index into the pack's table of distinct strings (or null);
 * - entries: a list of `{id, name, km2}` (a sub-park's or district's share);
 * - value: anything else, kept as it is; null, empty lists and objects and
 *   lists of strings (warnings) are kept once per distinct value.
 */
type Kind = 'number' | 'string' | 'entries' | 'value';

const KINDS = {
  id: 'string',
  name: 'string',
  areaKm2: 'number',
  mendedAreaKm2: 'number',
  areaHa: 'number',
  areaMu: 'number',
  planarAreaKm2: 'number',
  planarCrs: 'string',
  subparkId: 'string',
  subpark: 'string',
  subparkEn: 'string',
  subparkOverlaps: 'entries',
  shareOfSubpark: 'number',
  shareDenominator: 'string',
  subparkAreaKm2: 'number',
  sizeClass: 'string',
  mode: 'string',
  retainedKm2: 'number',
  removedKm2: 'number',
  districts: 'entries',
  ecologicalKm2: 'number',
  partlyEcologicalKm2: 'number',
  zgcScopeKm2: 'number',
  yizhuangKm2: 'value',
  nationalKm2: 'number',
  evaluationClass: 'string',
  evaluation: 'value',
  transitionYears: 'number',
  status: 'string',
  warnings: 'value',
} as const satisfies Record<keyof BlockReport, Kind>;

type Key = keyof typeof KINDS;
const keysOf = (kind: Kind) => (Object.keys(KINDS) as Key[]).filter((k) => KINDS[k] === kind);
const NUMBER_KEYS = keysOf('number');
const STRING_KEYS = keysOf('string');
const ENTRY_KEYS = keysOf('entries');
const VALUE_KEYS = keysOf('value');
const ALL_KEYS = Object.keys(KINDS) as Key[];

interface Entry {
  readonly id: string;
  readonly name: string;
  readonly km2: number;
}

export interface PackedReports {
  readonly count: number;
  /** Number fields, report after report, in NUMBER_KEYS order; NaN for null. */
  readonly numbers: Float64Array;
  /** String fields likewise, as indexes into `strings`; -1 for null. */
  readonly stringRefs: Int32Array;
  /** The distinct strings of the reports (fields and entries). */
  readonly strings: string[];
  /** For each report and entries field, where its entries end. */
  readonly entryEnds: Uint32Array;
  /** Each entry's id and name, as indexes into `strings`. */
  readonly entryRefs: Uint32Array;
  readonly entryKm2: Float64Array;
  /** Value fields likewise, as indexes into `values`. */
  readonly valueRefs: Uint32Array;
  readonly values: unknown[];
}

const isEntry = (e: unknown): e is Entry => {
  if (typeof e !== 'object' || e === null) return false;
  const keys = Object.keys(e);
  const o = e as Record<string, unknown>;
  return (
    keys.length === 3 && typeof o.id === 'string' && typeof o.name === 'string' && typeof o.km2 === 'number'
  );
};

/** The key by which a value is kept once, or null if it is kept for each report. */
function sharedKey(v: unknown): string | null {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.every((s) => typeof s === 'string') ? JSON.stringify(v) : null;
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0)
    return '{}';
  return null;
}

/**
 * The reports packed; null if a field holds what its kind cannot carry
 * (a NaN, a string where a number belongs): the caller sends those as they are.
 */
export function packReports(reports: readonly BlockReport[]): PackedReports | null {
  const n = reports.length;
  const numbers = new Float64Array(n * NUMBER_KEYS.length);
  const stringRefs = new Int32Array(n * STRING_KEYS.length);
  const entryEnds = new Uint32Array(n * ENTRY_KEYS.length);
  const valueRefs = new Uint32Array(n * VALUE_KEYS.length);
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const values: unknown[] = [];
  const valueIndex = new Map<string, number>();
  const entryRefs: number[] = [];
  const entryKm2: number[] = [];
  const intern = (s: string) => {
    let k = stringIndex.get(s);
    if (k === undefined) {
      k = strings.push(s) - 1;
      stringIndex.set(s, k);
    }
    return k;
  };
  for (let i = 0; i < n; i++) {
    const r = reports[i] as unknown as Record<Key, unknown>;
    for (let j = 0; j < NUMBER_KEYS.length; j++) {
      const v = r[NUMBER_KEYS[j]!];
      if (v === null) numbers[i * NUMBER_KEYS.length + j] = NaN;
      else if (typeof v === 'number' && !Number.isNaN(v)) numbers[i * NUMBER_KEYS.length + j] = v;
      else return null;
    }
    for (let j = 0; j < STRING_KEYS.length; j++) {
      const v = r[STRING_KEYS[j]!];
      if (v === null) stringRefs[i * STRING_KEYS.length + j] = -1;
      else if (typeof v === 'string') stringRefs[i * STRING_KEYS.length + j] = intern(v);
      else return null;
    }
    for (let j = 0; j < ENTRY_KEYS.length; j++) {
      const v = r[ENTRY_KEYS[j]!];
      if (!Array.isArray(v)) return null;
      for (const e of v) {
        if (!isEntry(e)) return null;
        entryRefs.push(intern(e.id), intern(e.name));
        entryKm2.push(e.km2);
      }
      entryEnds[i * ENTRY_KEYS.length + j] = entryKm2.length;
    }
    for (let j = 0; j < VALUE_KEYS.length; j++) {
      const v = r[VALUE_KEYS[j]!];
      if (v === undefined) return null;
      const key = sharedKey(v);
      let k = key === null ? undefined : valueIndex.get(key);
      if (k === undefined) {
        k = values.push(v) - 1;
        if (key !== null) valueIndex.set(key, k);
      }
      valueRefs[i * VALUE_KEYS.length + j] = k;
    }
  }
  return {
    count: n,
    numbers,
    stringRefs,
    strings,
    entryEnds,
    entryRefs: Uint32Array.from(entryRefs),
    entryKm2: Float64Array.from(entryKm2),
    valueRefs,
    values,
  };
}

/** The typed arrays of a pack, for a postMessage transfer list. */
export function reportBuffers(p: PackedReports): ArrayBuffer[] {
  return [p.numbers, p.stringRefs, p.entryEnds, p.entryRefs, p.entryKm2, p.valueRefs].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

const PACK = Symbol('pack');
const INDEX = Symbol('index');

/**
 * A report read from a pack. Its fields are getters on the prototype, so
 * making one costs one small object; they are not own properties, so a
 * spread or `Object.keys` sees none of them: use `plainReport` (JSON sees
 * them, through `toJSON`).
 */
class PackedReport {
  // Symbol keys: no structured clone, `Object.keys` or JSON sees them.
  readonly [PACK]: PackedReports;
  readonly [INDEX]: number;
  constructor(pack: PackedReports, index: number) {
    this[PACK] = pack;
    this[INDEX] = index;
  }
  toJSON(): BlockReport {
    return plainReport(this as unknown as BlockReport);
  }
}

function defineGetters() {
  const proto = PackedReport.prototype;
  const define = (key: Key, get: (this: PackedReport) => unknown) =>
    Object.defineProperty(proto, key, { get, enumerable: true });
  NUMBER_KEYS.forEach((key, j) =>
    define(key, function () {
      const v = this[PACK].numbers[this[INDEX] * NUMBER_KEYS.length + j]!;
      return Number.isNaN(v) ? null : v;
    }),
  );
  STRING_KEYS.forEach((key, j) =>
    define(key, function () {
      const p = this[PACK];
      const k = p.stringRefs[this[INDEX] * STRING_KEYS.length + j]!;
      return k < 0 ? null : p.strings[k];
    }),
  );
  ENTRY_KEYS.forEach((key, j) =>
    define(key, function () {
      const p = this[PACK];
      const at = this[INDEX] * ENTRY_KEYS.length + j;
      const list: Entry[] = [];
      for (let e = at ? p.entryEnds[at - 1]! : 0; e < p.entryEnds[at]!; e++)
        list.push({
          id: p.strings[p.entryRefs[2 * e]!]!,
          name: p.strings[p.entryRefs[2 * e + 1]!]!,
          km2: p.entryKm2[e]!,
        });
      return list;
    }),
  );
  VALUE_KEYS.forEach((key, j) =>
    define(key, function () {
      const p = this[PACK];
      return p.values[p.valueRefs[this[INDEX] * VALUE_KEYS.length + j]!];
    }),
  );
}
defineGetters();

/**
 * The pack's reports, as reports. Values kept once for many reports are
 * frozen first: a change to one would otherwise change them all.
 */
export function unpackReports(p: PackedReports): BlockReport[] {
  for (const v of p.values) if (typeof v === 'object' && v !== null) Object.freeze(v);
  const out = new Array<BlockReport>(p.count);
  for (let i = 0; i < p.count; i++) out[i] = new PackedReport(p, i) as unknown as BlockReport;
  return out;
}

/** The report as a plain object with every field its own (for spreading, cloning, comparing). */
export function plainReport(r: BlockReport): BlockReport {
  const out: Record<string, unknown> = {};
  for (const k of ALL_KEYS) out[k] = r[k];
  return out as unknown as BlockReport;
}
