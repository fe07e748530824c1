import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { ImportError } from './import-error';
import { encodingFromCpg, recognisePrj, type RecognisedCrs } from './prj';
import { boundedUnzip } from './zip';
import { mapCoords, rewind } from '../geo/rings';
import type { ImportNote } from './import-note';

/**
 * Reads a zipped Shapefile (.shp + .shx + .dbf, with .prj and .cpg) into
 * WGS84 GeoJSON. Extraction stays in memory and is bounded (a zip bomb or a
 * path like ../../x changes nothing); the coordinate system comes from the
 * .prj (see prj.ts); attribute text is decoded per the .cpg, or as the
 * caller chooses when there is none (GBK is the usual Chinese CAD export).
 */

export interface ShapefileOptions {
  /** Encoding for .dbf text when the zip has no .cpg (default: UTF-8 if it decodes cleanly, else GBK). */
  readonly encoding?: string;
  /** Datum shift to WGS84 for a .prj whose datum needs one and gives none (see prj.ts). */
  readonly towgs84?: readonly number[];
  /** Bound on what the zip may unpack to (default MAX_UNZIPPED_BYTES, see zip.ts). */
  readonly maxUnzippedBytes?: number;
}

export interface ShapefileResult {
  readonly collection: FeatureCollection;
  readonly crs: RecognisedCrs;
  readonly encoding: string;
  readonly notes: readonly ImportNote[];
}

export function readZippedShapefile(
  zip: Uint8Array,
  file: string,
  opts: ShapefileOptions = {},
): ShapefileResult {
  const entries = boundedUnzip(
    zip,
    file,
    /\.(shp|shx|dbf|prj|cpg)$|\.parkplan-fields\.json$/i,
    opts.maxUnzippedBytes,
  );
  const names = Object.keys(entries);
  const shps = names.filter((n) => /\.shp$/i.test(n)).sort();
  if (shps.length === 0) {
    throw new ImportError(
      'shapefile-parts',
      `${file} holds no .shp file; zip the .shp, .shx, .dbf and .prj together`,
      {
        file,
        missing: '.shp',
      },
    );
  }
  const base = shps[0]!.replace(/\.shp$/i, '');
  const part = (ext: string) => names.find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase());
  const notes: ImportNote[] = [];
  if (shps.length > 1)
    notes.push({ code: 'shapefile-layers', params: { file, count: shps.length, read: shps[0]! } });
  const prjName = part('prj');
  if (!prjName) {
    throw new ImportError(
      'shapefile-parts',
      `${file}: ${base}.prj is missing, so the coordinate system is unknown; export the Shapefile with its .prj`,
      { file, missing: '.prj' },
    );
  }
  const prjText = new TextDecoder().decode(entries[prjName]);
  const prj = recognisePrj(prjText, opts.towgs84 ? { towgs84: opts.towgs84 } : {});
  if (!prj.ok) {
    throw new ImportError('crs', `${file}: the .prj describes "${prj.name}": ${prj.reason}`, {
      file,
      crs: prj.name,
      refusal: prj.refusal,
    });
  }
  const dbfName = part('dbf');
  const cpgName = part('cpg');
  let encoding = 'utf-8';
  if (cpgName) {
    const cpg = new TextDecoder().decode(entries[cpgName]).trim();
    const label = encodingFromCpg(cpg);
    if (!label) notes.push({ code: 'cpg-unknown', params: { file, cpg } });
    encoding = label ?? 'utf-8';
  } else if (opts.encoding) {
    encoding = encodingFromCpg(opts.encoding) ?? 'utf-8';
  } else if (dbfName) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(entries[dbfName]);
    } catch {
      encoding = 'gbk';
      notes.push({ code: 'gbk-guessed', params: { file } });
    }
  }

  let geoms: Geometry[];
  try {
    geoms = parseShp(entries[shps[0]!]!) as unknown as Geometry[];
  } catch (e) {
    throw new ImportError('unreadable', `${file}: ${shps[0]} cannot be read (${(e as Error).message})`, {
      file,
      reason: 'part',
      part: shps[0]!,
    });
  }
  let attrs: Record<string, unknown>[] = [];
  try {
    if (dbfName)
      attrs = parseDbf(saneDbf(entries[dbfName]!, file, notes), encoding) as Record<string, unknown>[];
  } catch (e) {
    throw new ImportError('unreadable', `${file}: ${dbfName} cannot be read (${(e as Error).message})`, {
      file,
      reason: 'part',
      part: dbfName ?? '.dbf',
    });
  }
  if (!dbfName) notes.push({ code: 'dbf-missing', params: { file, dbf: `${base}.dbf` } });
  else
    attrs = fullNames(
      withoutBlanks(attrs, entries[dbfName]!, encoding),
      entries[part('parkplan-fields.json') ?? ''],
    );

  const crs = prj.crs;
  // Lon/lat on WGS84 or read as such are taken as they are (converting them would only add noise).
  const toWgs =
    crs.kind === 'geographic' && !crs.shift ? (p: Position): Position => [p[0]!, p[1]!] : crs.toWgs84;
  const features: Feature[] = geoms.map((g, i) => ({
    type: 'Feature',
    properties: (attrs[i] ?? {}) as Record<string, unknown>,
    // Shapefiles wind outer rings clockwise; RFC 7946 wants them anticlockwise.
    geometry: g ? rfc7946(mapCoords(g, toWgs)) : (null as unknown as Geometry),
  }));
  return { collection: { type: 'FeatureCollection', features }, crs, encoding, notes };
}

/**
 * Attributes without the blanks of dBase, which has no null: an empty text or
 * number field, and a logical field holding "?" (which the reader reads as
 * false), are no value, so the attribute is left out (as ParkPlan writes a
 * value it does not have).
 */
function withoutBlanks(
  attrs: Record<string, unknown>[],
  dbf: Uint8Array,
  encoding: string,
): Record<string, unknown>[] {
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLength = v.getUint16(8, true);
  const recordLength = v.getUint16(10, true);
  // Where each logical field sits in a record, by the name the reader gives it.
  const logical: { name: string; at: number }[] = [];
  let at = 1;
  for (let p = 32; p + 32 <= headerLength && dbf[p] !== 0x0d; p += 32) {
    const name = new TextDecoder(encoding)
      .decode(dbf.subarray(p, p + 11))
      .replace(/\0/g, '')
      .trim();
    if (dbf[p + 11] === 0x4c) logical.push({ name, at });
    at += dbf[p + 16]!;
  }
  return attrs.map((a, k) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(a))
      if (!(typeof value === 'number' && Number.isNaN(value)) && value !== '') out[key] = value;
    for (const l of logical) {
      const byte = dbf[headerLength + k * recordLength + l.at];
      if (l.name in out && byte !== undefined && !/[TtYyFfNn]/.test(String.fromCharCode(byte)))
        delete out[l.name];
    }
    return out;
  });
}

/**
 * Field names in full where ParkPlan's export had to shorten them to dBase's 10 bytes and wrote
 * them beside the layer (shapefile-export.ts). A file that cannot be read as such is ignored.
 */
function fullNames(
  attrs: Record<string, unknown>[],
  sidecar: Uint8Array | undefined,
): Record<string, unknown>[] {
  if (!sidecar) return attrs;
  let names: Record<string, unknown>;
  try {
    names =
      (JSON.parse(new TextDecoder().decode(sidecar)) as { fieldNames?: Record<string, unknown> })
        .fieldNames ?? {};
  } catch {
    return attrs;
  }
  const map = new Map(Object.entries(names).filter((e): e is [string, string] => typeof e[1] === 'string'));
  if (map.size === 0) return attrs;
  return attrs.map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [map.get(k) ?? k, v])));
}

const rfc7946 = (g: Geometry): Geometry =>
  g.type === 'Polygon' || g.type === 'MultiPolygon' ? rewind(g) : g;

/**
 * The .dbf with a record count it can hold. A damaged header may claim
 * billions of records, which the reader would walk through one by one; the
 * count is cut to what the file's length allows, and a note says so.
 */
function saneDbf(dbf: Uint8Array, file: string, notes: ImportNote[]): Uint8Array {
  if (dbf.length < 32)
    throw new ImportError('unreadable', `${file}: the .dbf is too short to be one`, { file, reason: 'dbf' });
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const claimed = v.getUint32(4, true);
  const headerLength = v.getUint16(8, true);
  const recordLength = v.getUint16(10, true);
  if (recordLength === 0 || headerLength < 33 || headerLength > dbf.length)
    throw new ImportError('unreadable', `${file}: the .dbf header is damaged`, { file, reason: 'dbf' });
  const fits = Math.floor((dbf.length - headerLength) / recordLength);
  if (claimed <= fits) return dbf;
  notes.push({ code: 'dbf-count', params: { file, claimed, read: fits } });
  const copy = dbf.slice();
  new DataView(copy.buffer).setUint32(4, fits, true);
  return copy;
}
