import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/universal';
import { exportXlsx } from './xlsx-export';
import type { BlockReport } from '../report/evaluate-blocks';

const report = (over: Partial<BlockReport>): BlockReport =>
  ({
    id: 'b1',
    name: '甲',
    areaKm2: 1.234567891,
    areaHa: 123.4567891,
    areaMu: 1851.85,
    planarAreaKm2: 1.2347,
    subpark: '海淀园',
    shareOfSubpark: 0.0123,
    shareDenominator: 'declared',
    subparkAreaKm2: 100,
    sizeClass: 'small',
    mode: 'remove',
    retainedKm2: 0,
    removedKm2: 1.234567891,
    districts: [],
    ecologicalKm2: 0,
    nationalKm2: 0,
    evaluationClass: null,
    evaluation: null,
    status: 'preview',
    warnings: ['near-area-threshold'],
    ...over,
  }) as unknown as BlockReport;

describe('exportXlsx', () => {
  it('writes the report table with numbers as numbers and formula-like text as text', async () => {
    const blob = await exportXlsx([report({}), report({ id: 'b2', name: '=HYPERLINK("http://x","y")' })]);
    const rows = await readSheet(await blob.arrayBuffer());
    expect(rows[0]!.slice(0, 3)).toEqual(['id', 'name', 'areaKm2']);
    expect(rows[1]![2]).toBe(1.234568);
    expect(rows[2]![1]).toBe('=HYPERLINK("http://x","y")');
    expect(rows[1]![rows[0]!.indexOf('warnings')]).toBe('near-area-threshold');
  });

  // GDAL reads the workbook too, and sees the name cell as a string, not a formula.
  it.skipIf(!existsSync('/usr/bin/ogrinfo'))('opens in GDAL with the name as a plain string', async () => {
    const blob = await exportXlsx([report({ name: '=1+1' })]);
    const dir = mkdtempSync(join(tmpdir(), 'pp-xlsx-'));
    const file = join(dir, 'blocks.xlsx');
    writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
    const out = execFileSync('/usr/bin/ogrinfo', ['-al', '-ro', file], { encoding: 'utf8' });
    expect(out).toMatch(/name \(String\) = =1\+1/);
    expect(out).toMatch(/areaKm2 \(Real\) = 1\.234568/);
  });
});
