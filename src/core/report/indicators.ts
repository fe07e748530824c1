import Papa from 'papaparse';
import { INDICATORS, type IndicatorId } from '../rules/evaluation';
import type { BlockInput } from './evaluate-blocks';

/**
 * Reads block indicators from CSV or JSON. Columns (or keys) may be the
 * indicator ids (`newRevenue`, …) or their Chinese names (`当年新增总收入`, …).
 * A row is keyed by `id` (also `blockId`, `区块编号`, `编号`). Optional:
 * `rectificationFailed` / `整改后仍不达标` (true/false, 1/0, 是/否) and
 * `transitionYears` / `过渡期` (years, ≤ 5).
 */

export class InputError extends Error {}

const ID_KEYS = ['id', 'blockId', '区块编号', '编号'];
const FAILED_KEYS = ['rectificationFailed', '整改后仍不达标'];
const TRANSITION_KEYS = ['transitionYears', '过渡期', '过渡期年限'];

function indicatorFor(key: string): IndicatorId | undefined {
  const k = key.trim();
  return INDICATORS.find((i) => i.id === k || i.zh === k)?.id;
}

function bool(v: unknown, where: string): boolean {
  if (typeof v === 'boolean') return v;
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  if (['true', '1', 'yes', '是', 'y'].includes(s)) return true;
  if (['false', '0', 'no', '否', 'n', ''].includes(s)) return false;
  throw new InputError(`${where}: "${String(v)}" is not true/false (use true/false, 1/0 or 是/否)`);
}

function num(v: unknown, where: string): number | null {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, '').trim());
  if (!Number.isFinite(n)) throw new InputError(`${where}: "${String(v)}" is not a number`);
  return n;
}

export function parseIndicators(
  text: string,
  format: 'csv' | 'json',
): { inputs: Map<string, BlockInput>; ignoredColumns: string[] } {
  let rows: Record<string, unknown>[];
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new InputError(`indicators file is not valid JSON (${(e as Error).message})`);
    }
    if (!Array.isArray(data) || data.some((r) => typeof r !== 'object' || r === null)) {
      throw new InputError('indicators JSON must be an array of objects, one per block');
    }
    rows = data as Record<string, unknown>[];
  } else {
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    const fatal = parsed.errors.find((e) => e.type !== 'FieldMismatch');
    if (fatal) throw new InputError(`indicators CSV, row ${(fatal.row ?? 0) + 2}: ${fatal.message}`);
    rows = parsed.data;
  }
  const inputs = new Map<string, BlockInput>();
  const ignored = new Set<string>();
  rows.forEach((row, k) => {
    const line = format === 'csv' ? `row ${k + 2}` : `item ${k + 1}`;
    const idKey = ID_KEYS.find((key) => key in row);
    const id = idKey ? String(row[idKey] ?? '').trim() : '';
    if (!id) throw new InputError(`indicators ${line}: no block id (a column named ${ID_KEYS.join(' / ')})`);
    if (inputs.has(id)) throw new InputError(`indicators ${line}: block id "${id}" appears twice`);
    const indicators: Partial<Record<IndicatorId, number | null>> = {};
    let rectificationFailed: boolean | undefined;
    let transitionYears: number | undefined;
    for (const [key, value] of Object.entries(row)) {
      const where = `indicators ${line}, column "${key}"`;
      if (key === idKey) continue;
      const ind = indicatorFor(key);
      if (ind) indicators[ind] = num(value, where);
      else if (FAILED_KEYS.includes(key)) rectificationFailed = bool(value, where);
      else if (TRANSITION_KEYS.includes(key)) {
        const y = num(value, where);
        if (y !== null && y < 0) throw new InputError(`${where}: a transition period cannot be negative`);
        transitionYears = y ?? undefined;
      } else ignored.add(key);
    }
    inputs.set(id, { indicators, rectificationFailed, transitionYears });
  });
  return { inputs, ignoredColumns: [...ignored] };
}
