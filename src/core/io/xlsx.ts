import type { FeatureCollection } from 'geojson';
import { readSheet } from 'read-excel-file/universal';
import { ImportError } from './import-error';
import { readTable, type TableValue } from './csv';
import { boundedUnzip } from './zip';

/**
 * Blocks from an Excel workbook's first sheet, read as the CSV reader reads a
 * table (a WKT column, or lon/lat boundary points grouped by an id column).
 * The header is the first non-empty row. The zip is checked against the
 * unpacking bounds before the spreadsheet library inflates anything.
 */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<FeatureCollection> {
  // The spreadsheet library unpacks the whole zip: every entry is inflated here first, counted and
  // dropped (the filter keeps nothing), so a bomb stops at the bound. Its XML parts are checked too.
  const xml = boundedUnzip(bytes, file, /\.(xml|rels)$/i, undefined, true);
  for (const [name, part] of Object.entries(xml)) {
    const head = new TextDecoder('latin1').decode(part.subarray(0, 4096));
    if (/<!(DOCTYPE|ENTITY)/i.test(head))
      throw new ImportError(
        'unsafe-xml',
        `${file}: ${name} declares a DOCTYPE or ENTITY, which a workbook never needs and XML attacks use; re-save the workbook in Excel or WPS`,
        { file },
      );
  }
  let rows: unknown[][];
  try {
    const copy = bytes.slice().buffer;
    rows = (await readSheet(copy)) as unknown[][];
  } catch (e) {
    // The library's own words are programming jargon when a part is missing or damaged.
    const detail = /undefined|null|Cannot read/.test((e as Error).message)
      ? 'a part of the workbook is missing or damaged'
      : (e as Error).message;
    throw new ImportError(
      'unreadable',
      `${file} is not a readable Excel workbook (.xlsx) (${detail}); save it again as .xlsx or as CSV`,
      { file, reason: 'xlsx' },
    );
  }
  const nonEmpty = rows.filter((r) =>
    r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''),
  );
  const [header, ...body] = nonEmpty;
  if (!header) throw new ImportError('empty', `${file} has no rows`, { file });
  const fields = header.map((h, i) => (h === null || h === undefined ? `column${i + 1}` : String(h).trim()));
  const data = body.map((r) => Object.fromEntries(fields.map((f, i) => [f, cellValue(r[i])])));
  return readTable(data, fields, file);
}

/** A cell as it is typed in the workbook (numbers, true/false, text); dates as ISO 8601 text; empty as null. */
function cellValue(v: unknown): TableValue {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  return String(v);
}
