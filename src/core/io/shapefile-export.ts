import { zipSync } from 'fflate';
import type { Position } from 'geojson';
import { polygonsOf, type Areal } from '../overlay/zones';
import { signedRingArea } from '../geo/rings';
import type { BlockReport } from '../report/evaluate-blocks';
import { exportColumns, type ExportBlock } from './block-fields';

/**
 * A zipped ESRI Shapefile of polygons (.shp, .shx, .dbf, .prj, .cpg) in
 * WGS84, as GIS and CAD tools expect it: outer rings clockwise and holes
 * counter-clockwise (the reverse of GeoJSON), attribute text in UTF-8 with a
 * .cpg saying so, field names of at most 10 bytes.
 *
 * Written here because the Shapefile format is small and fixed, and the
 * writers on npm either drop the .cpg or mangle non-ASCII text.
 */

export interface ShapefileField {
  /** Written as given when ≤ 10 bytes of UTF-8, else shortened (and made unique). */
  readonly name: string;
  /** dBase's letters: text, number, logical. */
  readonly type: 'C' | 'N' | 'L';
}

export interface ShapefileRecord {
  readonly geometry: Areal;
  readonly values: readonly (string | number | boolean | null)[];
}

const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/**
 * dBase limits: character fields at most 254 bytes. Numbers are written as
 * JavaScript writes them back exactly (17 significant digits at most), in a
 * field 24 characters wide, as GDAL writes doubles; the declared decimals are
 * the most any value of the column needs (at most 15).
 */
const C_MAX = 254;
const N_WIDTH = 24;
const N_MAX_DECIMALS = 15;

const utf8 = new TextEncoder();

/** The longest prefix of `s` whose UTF-8 form fits in `max` bytes (never splitting a character). */
function fitBytes(s: string, max: number): Uint8Array {
  let bytes = utf8.encode(s);
  if (bytes.length <= max) return bytes;
  let chars = [...s];
  while (bytes.length > max) {
    chars = chars.slice(0, -1);
    bytes = utf8.encode(chars.join(''));
  }
  return bytes;
}

/** Field names as dBase stores them: ≤ 10 bytes, unique. */
export function dbfFieldNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = new TextDecoder().decode(fitBytes(n.trim() || 'field', 10));
    let name = base;
    for (let k = 1; used.has(name.toLowerCase()); k++) {
      const suffix = `_${k}`;
      name = new TextDecoder().decode(fitBytes(base, 10 - suffix.length)) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Rings in Shapefile order and winding: each part's outer ring clockwise, then its holes counter-clockwise. */
function shpRings(g: Areal): Position[][] {
  const out: Position[][] = [];
  for (const rings of polygonsOf(g))
    rings.forEach((ring, i) => {
      const ccw = signedRingArea(ring) > 0;
      const wantCw = i === 0;
      out.push(ccw === wantCw ? [...ring].reverse() : ring);
    });
  return out;
}

export function writeShapefile(
  baseName: string,
  fields: readonly ShapefileField[],
  records: readonly ShapefileRecord[],
): Uint8Array {
  const shapes = records.map((r) => shpRings(r.geometry));
  // .shp and .shx
  const contentBytes = shapes.map((rings) => {
    const points = rings.reduce((a, r) => a + r.length, 0);
    return 4 + 32 + 4 + 4 + 4 * rings.length + 16 * points;
  });
  const shpLength = 100 + contentBytes.reduce((a, b) => a + 8 + b, 0);
  const shp = new DataView(new ArrayBuffer(shpLength));
  const shx = new DataView(new ArrayBuffer(100 + 8 * records.length));
  const all = bboxOf(shapes.flat());
  header(shp, shpLength, all);
  header(shx, 100 + 8 * records.length, all);
  let off = 100;
  shapes.forEach((rings, k) => {
    shx.setInt32(100 + 8 * k, off / 2, false);
    shx.setInt32(100 + 8 * k + 4, contentBytes[k]! / 2, false);
    shp.setInt32(off, k + 1, false);
    shp.setInt32(off + 4, contentBytes[k]! / 2, false);
    let p = off + 8;
    shp.setInt32(p, 5, true);
    const box = bboxOf(rings);
    box.forEach((v, i) => shp.setFloat64(p + 4 + 8 * i, v, true));
    p += 36;
    const points = rings.reduce((a, r) => a + r.length, 0);
    shp.setInt32(p, rings.length, true);
    shp.setInt32(p + 4, points, true);
    p += 8;
    let start = 0;
    for (const r of rings) {
      shp.setInt32(p, start, true);
      p += 4;
      start += r.length;
    }
    for (const r of rings)
      for (const pt of r) {
        shp.setFloat64(p, pt[0]!, true);
        shp.setFloat64(p + 8, pt[1]!, true);
        p += 16;
      }
    off += 8 + contentBytes[k]!;
  });

  // Names dBase had to shorten, in full beside the layer: ParkPlan reads them back (others ignore the file).
  const short = dbfFieldNames(fields.map((f) => f.name));
  const renamed = Object.fromEntries(
    fields.flatMap((f, i) => (short[i] !== f.name ? [[short[i]!, f.name]] : [])),
  );
  return zipSync({
    [`${baseName}.shp`]: new Uint8Array(shp.buffer),
    [`${baseName}.shx`]: new Uint8Array(shx.buffer),
    [`${baseName}.dbf`]: writeDbf(fields, records),
    [`${baseName}.prj`]: utf8.encode(WGS84_PRJ),
    [`${baseName}.cpg`]: utf8.encode('UTF-8'),
    ...(Object.keys(renamed).length
      ? { [`${baseName}${FIELD_NAMES_SUFFIX}`]: utf8.encode(JSON.stringify({ fieldNames: renamed })) }
      : {}),
  });
}

/** The file beside a layer that gives its shortened field names in full (see readZippedShapefile). */
export const FIELD_NAMES_SUFFIX = '.parkplan-fields.json';

function bboxOf(rings: readonly Position[][]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (const p of r) {
      w = Math.min(w, p[0]!);
      s = Math.min(s, p[1]!);
      e = Math.max(e, p[0]!);
      n = Math.max(n, p[1]!);
    }
  return Number.isFinite(w) ? [w, s, e, n] : [0, 0, 0, 0];
}

function header(v: DataView, bytes: number, box: [number, number, number, number]) {
  v.setInt32(0, 9994, false);
  v.setInt32(24, bytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 5, true); // Polygon
  box.forEach((x, i) => v.setFloat64(36 + 8 * i, x, true));
}

function writeDbf(fields: readonly ShapefileField[], records: readonly ShapefileRecord[]): Uint8Array {
  const names = dbfFieldNames(fields.map((f) => f.name));
  // Character fields are as wide as their longest value (at least 1 byte).
  const widths = fields.map((f, i) =>
    f.type === 'N'
      ? N_WIDTH
      : f.type === 'L'
        ? 1
        : Math.max(1, ...records.map((r) => fitBytes(String(r.values[i] ?? ''), C_MAX).length)),
  );
  const decimals = fields.map((f, i) =>
    f.type !== 'N'
      ? 0
      : Math.min(
          N_MAX_DECIMALS,
          Math.max(0, ...records.map((r) => decimalsOf(fitNumber(r.values[i] as number | null)))),
        ),
  );
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(headerLength + recordLength * records.length + 1);
  const v = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getUTCFullYear() - 1900;
  out[2] = now.getUTCMonth() + 1;
  out[3] = now.getUTCDate();
  v.setUint32(4, records.length, true);
  v.setUint16(8, headerLength, true);
  v.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.set(fitBytes(names[i]!, 10), at);
    out[at + 11] = f.type.charCodeAt(0);
    out[at + 16] = widths[i]!;
    out[at + 17] = decimals[i]!;
  });
  out[headerLength - 1] = 0x0d;
  records.forEach((r, k) => {
    let at = headerLength + k * recordLength;
    out[at++] = 0x20; // not deleted
    fields.forEach((f, i) => {
      const w = widths[i]!;
      out.fill(0x20, at, at + w);
      const value = r.values[i];
      if (f.type === 'N') {
        const text = fitNumber(value as number | null);
        if (text) out.set(utf8.encode(text), at + w - text.length);
      } else if (f.type === 'L')
        out[at] = value === true ? 0x54 : value === false ? 0x46 : 0x3f; // T, F, ? (no value)
      else if (value !== null && value !== undefined) out.set(fitBytes(String(value), w), at);
      at += w;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** A number as its shortest exact text, in at most N_WIDTH characters ('' for no number). */
function fitNumber(x: number | null | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  const exact = String(x);
  if (exact.length <= N_WIDTH && !/e/i.test(exact)) return exact;
  return x.toPrecision(17).slice(0, N_WIDTH);
}

const decimalsOf = (text: string) => {
  const dot = text.indexOf('.');
  return dot < 0 || /e/i.test(text) ? 0 : text.length - dot - 1;
};

/**
 * The scenario's blocks as a zipped Shapefile: their own attributes, then
 * ParkPlan's fields (block-fields.ts). dBase holds field names of at most 10
 * bytes, so a longer attribute name is shortened there; its full name goes in
 * a small file beside the layer, from which ParkPlan reads it back (GIS tools
 * show the short name).
 */
export function exportShapefile(
  baseName: string,
  blocks: readonly ExportBlock[],
  reports: ReadonlyMap<string, BlockReport>,
): Uint8Array {
  const columns = exportColumns(blocks);
  return writeShapefile(
    baseName,
    columns,
    blocks.map((b) => {
      const r = reports.get(b.id);
      return { geometry: b.geometry, values: columns.map((c) => c.get(b, r)) };
    }),
  );
}
