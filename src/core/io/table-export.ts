import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { BlockReport } from '../report/evaluate-blocks';
import { csvCell } from '../report/format';
import { exportColumns, PP_WKT, type ExportBlock, type HeaderStyle } from './block-fields';

/**
 * The blocks as a table (CSV, Excel): one row per block, its own attributes
 * under their own names, ParkPlan's fields headed in Chinese (or with their
 * codes), and the geometry as WKT in the last column, so the table imports
 * back as the same blocks (see block-fields.ts).
 */

const wktNumber = (x: number) => String(x);
const wktRing = (ring: readonly Position[]) =>
  `(${ring.map((p) => `${wktNumber(p[0]!)} ${wktNumber(p[1]!)}`).join(', ')})`;
const wktPolygon = (rings: readonly Position[][]) => `(${rings.map(wktRing).join(', ')})`;

/** WKT of a polygon or multipolygon at full precision (each number as JavaScript writes it back exactly). */
export function toWkt(g: Polygon | MultiPolygon): string {
  return g.type === 'Polygon'
    ? `POLYGON ${wktPolygon(g.coordinates)}`
    : `MULTIPOLYGON (${g.coordinates.map(wktPolygon).join(', ')})`;
}

export type Cell = string | number | boolean | null;

export function blockTable(
  blocks: readonly ExportBlock[],
  reports: ReadonlyMap<string, BlockReport>,
  style: HeaderStyle = 'zh',
): { header: string[]; rows: Cell[][] } {
  const columns = exportColumns(blocks, { style });
  let wkt: string = style === 'zh' ? PP_WKT.zh : PP_WKT.code;
  while (columns.some((c) => c.name === wkt)) wkt = `${wkt}_pp`;
  return {
    header: [...columns.map((c) => c.name), wkt],
    rows: blocks.map((b) => {
      const r = reports.get(b.id);
      return [...columns.map((c) => c.get(b, r)), toWkt(b.geometry)];
    }),
  };
}

/** The table as CSV (UTF-8, no byte-order mark: the caller adds one for Excel). Formula-like text is neutralised. */
export function exportCsv(
  blocks: readonly ExportBlock[],
  reports: ReadonlyMap<string, BlockReport>,
  style: HeaderStyle = 'zh',
): string {
  const { header, rows } = blockTable(blocks, reports, style);
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows)
    lines.push(row.map((v) => csvCell(typeof v === 'boolean' ? String(v) : v)).join(','));
  return lines.join('\r\n') + '\r\n';
}
