import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/universal';
import { exportXlsx } from './xlsx-export';
import type { BlockReport } from '../report/evaluate-blocks';
import type { Polygon } from 'geojson';
import type { ExportBlock } from './block-fields';

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

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 39.98],
      [x + 0.01, 39.98],
      [x + 0.01, 39.99],
      [x, 39.99],
      [x, 39.98],
    ],
  ],
});
const blocks: ExportBlock[] = [
  { id: 'b1', name: '甲', geometry: square(116.3), attributes: { id: 'a1', 层数: 3 } },
  { id: 'b2', name: '=HYPERLINK("http://x","y")', geometry: square(116.32), attributes: { id: 'a2' } },
];
const reports = new Map([
  ['b1', report({})],
  ['b2', report({ id: 'b2', name: blocks[1]!.name })],
]);

describe('exportXlsx', () => {
  it('writes the block table: own attributes as they are, ParkPlan fields headed in Chinese, WKT last', async () => {
    const blob = await exportXlsx(blocks, reports);
    const rows = await readSheet(await blob.arrayBuffer());
    expect(rows[0]!.slice(0, 4)).toEqual(['id', '层数', 'ParkPlan编号', '区块名称']);
    expect(rows[0]!.at(-1)).toBe('几何（WKT）');
    // The block's own id stays its own; ParkPlan's is beside it.
    expect(rows[1]!.slice(0, 4)).toEqual(['a1', 3, 'b1', '甲']);
    expect(rows[1]![rows[0]!.indexOf('量算面积（km²）')]).toBe(1.234568);
    expect(rows[1]![rows[0]!.indexOf('调整模式')]).toBe('直接淘汰');
    expect(rows[2]![3]).toBe('=HYPERLINK("http://x","y")');
    expect(String(rows[1]!.at(-1))).toMatch(/^POLYGON \(\(116\.3 39\.98, /);
  });

  it('heads the columns with the codes when asked', async () => {
    const rows = await readSheet(await (await exportXlsx(blocks, reports, { style: 'codes' })).arrayBuffer());
    expect(rows[0]!.slice(0, 5)).toEqual(['id', '层数', 'pp_id', 'pp_name', 'pp_km2']);
    expect(rows[1]![rows[0]!.indexOf('pp_mode')]).toBe('remove');
    expect(rows[0]!.at(-1)).toBe('pp_wkt');
  });

  // GDAL reads the workbook too, and sees the name cell as a string, not a formula.
  it.skipIf(!existsSync('/usr/bin/ogrinfo'))('opens in GDAL with the name as a plain string', async () => {
    const blob = await exportXlsx([{ ...blocks[0]!, name: '=1+1' }], reports, { style: 'codes' });
    const dir = mkdtempSync(join(tmpdir(), 'pp-xlsx-'));
    const file = join(dir, 'blocks.xlsx');
    writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
    const out = execFileSync('/usr/bin/ogrinfo', ['-al', '-ro', file], { encoding: 'utf8' });
    expect(out).toMatch(/pp_name \(String\) = =1\+1/);
    expect(out).toMatch(/pp_km2 \(Real\) = 1\.234568/);
  });
});
