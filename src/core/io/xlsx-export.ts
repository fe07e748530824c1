import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import type { BlockReport } from '../report/evaluate-blocks';
import type { ExportBlock, HeaderStyle } from './block-fields';
import { blockTable } from './table-export';

/**
 * The block table (table-export.ts) as an Excel workbook. Every text cell is
 * written with an explicit String type, so Excel stores it as text and never
 * evaluates it: "=HYPERLINK(…)" in a block name stays a name (formula
 * injection). Numbers are numbers and true/false are booleans, so they read
 * back as such.
 */
export async function exportXlsx(
  blocks: readonly ExportBlock[],
  reports: ReadonlyMap<string, BlockReport>,
  { style = 'zh', sheet = '区块' }: { style?: HeaderStyle; sheet?: string } = {},
): Promise<Blob> {
  const { header, rows } = blockTable(blocks, reports, style);
  const head: Row = header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const }));
  const body: Row[] = rows.map((row) =>
    row.map((v) => {
      if (v === null) return null;
      if (typeof v === 'number') return Number.isFinite(v) ? { value: v, type: Number } : null;
      if (typeof v === 'boolean') return { value: v, type: Boolean };
      return { value: v, type: String };
    }),
  );
  return writeXlsxFile([head, ...body], { sheet }).toBlob();
}
