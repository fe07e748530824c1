import type { BlockReport, Totals } from './evaluate-blocks';

/** Output formats of the report: JSON objects, CSV and a readable table. */

/** The fields the command line's --json promises (issue #3), plus the rest of the report. */
export function toJson(r: BlockReport) {
  return {
    id: r.id,
    name: r.name,
    areaKm2: Number.isFinite(r.areaKm2) ? r.areaKm2 : null,
    mendedAreaKm2: r.mendedAreaKm2,
    planarAreaKm2: r.planarAreaKm2,
    subpark: r.subpark,
    shareOfSubpark: r.shareOfSubpark,
    shareDenominator: r.shareDenominator,
    sizeClass: r.sizeClass,
    mode: r.mode,
    retainedKm2: r.retainedKm2,
    warnings: r.warnings,
    removedKm2: r.removedKm2,
    areaHa: r.areaHa,
    areaMu: r.areaMu,
    planarCrs: r.planarCrs,
    subparkId: r.subparkId,
    subparkAreaKm2: r.subparkAreaKm2,
    subparkOverlaps: r.subparkOverlaps,
    districts: r.districts,
    ecologicalKm2: r.ecologicalKm2,
    partlyEcologicalKm2: r.partlyEcologicalKm2,
    zgcScopeKm2: r.zgcScopeKm2,
    yizhuangKm2: r.yizhuangKm2,
    nationalKm2: r.nationalKm2,
    evaluationClass: r.evaluationClass,
    evaluation: r.evaluation,
    transitionYears: r.transitionYears,
    status: r.status,
  };
}

/**
 * A CSV cell. Text that a spreadsheet would run as a formula (= + - @ tab CR)
 * is prefixed with an apostrophe; numbers are written as numbers.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = Array.isArray(v) ? v.join(';') : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report table's columns: CSV and XLSX exports and the command line's --csv. */
export const TABLE_COLUMNS: readonly [string, (r: BlockReport) => unknown][] = [
  ['id', (r) => r.id],
  ['name', (r) => r.name],
  ['areaKm2', (r) => round(r.areaKm2, 6)],
  ['areaHa', (r) => round(r.areaHa, 4)],
  ['areaMu', (r) => round(r.areaMu, 2)],
  ['planarAreaKm2', (r) => (r.planarAreaKm2 === null ? null : round(r.planarAreaKm2, 6))],
  ['subpark', (r) => r.subpark],
  ['shareOfSubpark', (r) => (r.shareOfSubpark === null ? null : round(r.shareOfSubpark, 6))],
  ['shareDenominator', (r) => r.shareDenominator],
  ['subparkAreaKm2', (r) => (r.subparkAreaKm2 === null ? null : round(r.subparkAreaKm2, 4))],
  ['sizeClass', (r) => r.sizeClass],
  ['mode', (r) => r.mode],
  ['retainedKm2', (r) => (r.retainedKm2 === null ? null : round(r.retainedKm2, 6))],
  ['removedKm2', (r) => (r.removedKm2 === null ? null : round(r.removedKm2, 6))],
  ['districts', (r) => r.districts.map((d) => `${d.name}:${round(d.km2, 4)}`)],
  ['ecologicalKm2', (r) => round(r.ecologicalKm2, 6)],
  ['nationalKm2', (r) => round(r.nationalKm2, 6)],
  ['evaluationClass', (r) => r.evaluationClass],
  ['score', (r) => (r.evaluation ? round(r.evaluation.score, 3) : null)],
  ['rank', (r) => r.evaluation?.rank ?? null],
  ['status', (r) => r.status],
  ['warnings', (r) => r.warnings],
];

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function toCsv(reports: readonly BlockReport[]): string {
  const lines = [TABLE_COLUMNS.map(([h]) => h).join(',')];
  for (const r of reports) lines.push(TABLE_COLUMNS.map(([, get]) => csvCell(get(r))).join(','));
  return lines.join('\n') + '\n';
}

/** Display width: CJK characters take two columns in a terminal. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

const MODE_ZH: Record<string, string> = { remove: '淘汰', cut50: '压减50%', cut25: '压减25%' };
const STATUS_ZH: Record<string, string> = {
  preview: '预览',
  kept: '保留',
  rectify: '责令整改',
  due: '按模式调整',
  transition: '过渡期',
  'needs-repair': '需先修复',
};

export function toTable(reports: readonly BlockReport[], totals: Totals): string {
  const head = [
    'id',
    'name',
    'km²',
    'GK km²',
    'sub-park',
    'share',
    'basis',
    'size',
    'mode',
    'retained',
    'status',
    'warnings',
  ];
  const rows = reports.map((r) => [
    r.id,
    r.name,
    r.status === 'needs-repair'
      ? `needs repair (mended ${r.mendedAreaKm2!.toFixed(4)})`
      : r.areaKm2.toFixed(4),
    r.planarAreaKm2 === null ? '—' : r.planarAreaKm2.toFixed(4),
    r.subpark ?? '—',
    r.shareOfSubpark === null ? '—' : `${(r.shareOfSubpark * 100).toFixed(2)}%`,
    r.shareDenominator === 'declared' ? 'declared' : r.shareDenominator === 'measured' ? 'measured' : '—',
    r.sizeClass ?? '—',
    r.mode ? `${r.mode} ${MODE_ZH[r.mode]}` : '—',
    r.retainedKm2 === null ? '—' : r.retainedKm2.toFixed(4),
    `${r.status} ${STATUS_ZH[r.status]}`,
    r.warnings.join(' '),
  ]);
  const numeric = new Set([2, 3, 5, 9]);
  const widths = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]!))));
  const line = (cells: string[]) =>
    cells
      .map((x, c) => pad(x, widths[c]!, numeric.has(c)))
      .join('  ')
      .trimEnd();
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  out.push(
    `${totals.blockCount} blocks${totals.needsRepair ? ` (${totals.needsRepair} need repair and are left out of the sums)` : ''} · sum ${totals.sumKm2.toFixed(3)} km² · union ${totals.unionKm2.toFixed(3)} km² · ` +
      `in national zones ${totals.nationalOverlapKm2.toFixed(3)} km² · net ${totals.netOfNationalKm2.toFixed(3)} km² ` +
      `(integration figure ~${totals.integrationFigure.km2} km², seed002)`,
  );
  out.push(`retained if every verdict applied: ${totals.retainedIfAllAppliedKm2.toFixed(3)} km²`);
  for (const t of totals.bySubpark) {
    out.push(
      `  ${pad(t.name, 16)} ${String(t.blocks).padStart(4)} blocks  ${t.areaKm2.toFixed(3).padStart(10)} km²  retained ${t.retainedIfAppliedKm2.toFixed(3)} km²`,
    );
  }
  out.push(`note: ${totals.nationalNote}`);
  return out.join('\n') + '\n';
}
