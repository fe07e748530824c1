import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import type { BlockReport } from '../report/evaluate-blocks';
import { TABLE_COLUMNS } from '../report/format';

/**
 * The block table as an Excel workbook: the same columns as the CSV export.
 * Every text cell is written with an explicit String type, so Excel stores
 * it as text and never evaluates it: "=HYPERLINK(…)" in a block name stays
 * a name (formula injection). Numbers are numbers, so sums work.
 */
export async function exportXlsx(reports: readonly BlockReport[], sheet = '区块'): Promise<Blob> {
  const header: Row = TABLE_COLUMNS.map(([h]) => ({ value: h, type: String, fontWeight: 'bold' as const }));
  const rows: Row[] = reports.map((r) =>
    TABLE_COLUMNS.map(([, get]) => {
      const v = get(r);
      if (v === null || v === undefined) return null;
      if (typeof v === 'number') return Number.isFinite(v) ? { value: v, type: Number } : null;
      return { value: Array.isArray(v) ? v.join(';') : String(v), type: String };
    }),
  );
  return writeXlsxFile([header, ...rows], { sheet }).toBlob();
}
