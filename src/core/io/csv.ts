import type { Feature, FeatureCollection, Position } from 'geojson';
import Papa from 'papaparse';
import { ImportError } from './import-error';
import { parseWktPolygon, WktError } from './wkt';
import { PP_WKT } from './block-fields';

/** A table cell as read: text, or a number or true/false where the column holds only those; null when empty. */
export type TableValue = string | number | boolean | null;

/**
 * Blocks from a CSV table, in one of two shapes:
 * - a WKT column (`wkt`, `geometry`, `geom`, `the_geom`, `几何`, `WKT`) holding
 *   POLYGON or MULTIPOLYGON, one block per row;
 * - lon/lat columns (`lon`/`lat`, `longitude`/`latitude`, `经度`/`纬度`, `x`/`y`)
 *   listing boundary points (界址点) in order, grouped into blocks by an id
 *   column (`id`, `编号`, `地块编号`, `name`, `名称`); the ring is closed for you.
 * Other columns become attributes. Errors name the row and column.
 */

const WKT_COLUMNS = [
  'wkt',
  'geometry',
  'geom',
  'the_geom',
  '几何',
  'shape',
  PP_WKT.code,
  PP_WKT.zh.toLowerCase(),
];
const LON_COLUMNS = ['lon', 'lng', 'longitude', '经度', 'x'];
const LAT_COLUMNS = ['lat', 'latitude', '纬度', 'y'];
const ID_COLUMNS = ['id', '编号', '地块编号', '区块编号', 'name', '名称'];

const find = (fields: readonly string[], names: string[]) =>
  fields.find((f) => names.includes(f.trim().toLowerCase()));

export function readCsv(text: string, file: string): FeatureCollection {
  const body = text.replace(/^\uFEFF/, '');
  // Nothing but blanks (or control bytes): say so, not that no delimiter could be found.
  // eslint-disable-next-line no-control-regex -- control characters are what such files hold
  if (body.replace(/[\s\u0000-\u001f]/g, '') === '')
    throw new ImportError('empty', `${file} has no rows`, { file });
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: true,
  });
  // A one-column file has no delimiter to detect; that is not an error in itself.
  const fatal = parsed.errors.find((e) => e.type !== 'FieldMismatch' && e.code !== 'UndetectableDelimiter');
  if (fatal)
    throw new ImportError('unreadable', `${file}, row ${(fatal.row ?? 0) + 2}: ${fatal.message}`, {
      file,
      reason: 'csv',
      row: (fatal.row ?? 0) + 2,
    });
  const fields = parsed.meta.fields ?? [];
  return readTable(typedColumns(parsed.data, fields), fields, file);
}

/** A number as JavaScript writes it: such text reads back as the same number and the same text. */
const canonicalNumber = (s: string) => s !== '' && String(Number(s)) === s;

/**
 * CSV has no types: as QGIS and GDAL do, a column whose every value is a number
 * (written plainly, so "007" stays text) is read as numbers, and one of only
 * true/false as booleans. An empty cell is no value. A leading apostrophe that
 * ParkPlan's export put before formula-like text (see csvCell) is taken off.
 */
function typedColumns(
  rows: readonly Record<string, string>[],
  fields: readonly string[],
): Record<string, TableValue>[] {
  const kind = new Map<string, 'number' | 'boolean' | 'text'>();
  for (const f of fields) {
    let k: 'number' | 'boolean' | 'text' | null = null;
    for (const row of rows) {
      const v = row[f];
      if (v === undefined || v === '') continue;
      const here = canonicalNumber(v) ? 'number' : v === 'true' || v === 'false' ? 'boolean' : 'text';
      k = k === null || k === here ? here : 'text';
      if (k === 'text') break;
    }
    kind.set(f, k ?? 'text');
  }
  return rows.map((row) => {
    const out: Record<string, TableValue> = {};
    for (const [f, v] of Object.entries(row)) {
      if (v === undefined || v === '') out[f] = null;
      else if (kind.get(f) === 'number') out[f] = Number(v);
      else if (kind.get(f) === 'boolean') out[f] = v === 'true';
      else out[f] = /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
    }
    return out;
  });
}

/**
 * Blocks from a table already split into rows (CSV or a spreadsheet's first
 * sheet): `rows` keyed by the header's column names, which `fields` lists in order.
 */
export function readTable(
  data: readonly Record<string, TableValue>[],
  fields: readonly string[],
  file: string,
): FeatureCollection {
  const parsed = { data };
  const textOf = (v: TableValue | undefined) => (v === null || v === undefined ? '' : String(v));
  const wktCol = find(fields, WKT_COLUMNS);
  const lonCol = find(fields, LON_COLUMNS);
  const latCol = find(fields, LAT_COLUMNS);
  // An empty cell is no value: the attribute is left out, as a block without it is exported.
  const attrs = (row: Record<string, TableValue>, skip: (string | undefined)[]) =>
    Object.fromEntries(Object.entries(row).filter(([k, v]) => !skip.includes(k) && v !== null));

  if (wktCol) {
    const features: Feature[] = parsed.data.map((row, k) => {
      try {
        return {
          type: 'Feature',
          properties: attrs(row, [wktCol]),
          geometry: parseWktPolygon(textOf(row[wktCol])),
        };
      } catch (e) {
        throw new ImportError(
          'csv-geometry',
          `${file}, row ${k + 2}, column "${wktCol}": ${(e as Error).message}`,
          {
            file,
            row: k + 2,
            column: wktCol,
            detail: (e as Error).message,
            ...(e instanceof WktError ? { reason: e.reason, ...e.detail } : {}),
          },
        );
      }
    });
    return { type: 'FeatureCollection', features };
  }
  if (lonCol && latCol) {
    const idCol = find(fields, ID_COLUMNS);
    const groups = new Map<string, { ring: Position[]; first: Record<string, TableValue> }>();
    parsed.data.forEach((row, k) => {
      const lon = Number(textOf(row[lonCol]).trim());
      const lat = Number(textOf(row[latCol]).trim());
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || textOf(row[lonCol]).trim() === '') {
        throw new ImportError(
          'csv-geometry',
          `${file}, row ${k + 2}: "${textOf(row[lonCol])}", "${textOf(row[latCol])}" is not a pair of numbers`,
          {
            file,
            row: k + 2,
            column: `${lonCol}/${latCol}`,
            detail: 'not a number',
            reason: 'not-pair',
          },
        );
      }
      const key = idCol ? textOf(row[idCol]).trim() : '1';
      const g = groups.get(key) ?? { ring: [], first: row };
      g.ring.push([lon, lat]);
      groups.set(key, g);
    });
    const features: Feature[] = [...groups.values()].map(({ ring, first }) => {
      const closed =
        ring.length && (ring[0]![0] !== ring.at(-1)![0] || ring[0]![1] !== ring.at(-1)![1])
          ? [...ring, ring[0]!]
          : ring;
      return {
        type: 'Feature',
        properties: attrs(first, [lonCol, latCol]),
        geometry: { type: 'Polygon', coordinates: [closed] },
      };
    });
    return { type: 'FeatureCollection', features };
  }
  throw new ImportError(
    'csv-no-geometry',
    `${file} has no geometry column: add a WKT column (wkt, geometry, 几何) or lon/lat columns (经度/纬度) with an id column for each block's points`,
    { file },
  );
}
