import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { mapCoords } from '../geo/rings';
import { bd09ToWgs84, gcj02ToWgs84 } from '../crs/china-offsets';
import { checkBlocks, checkStructure, parseGeoJson } from './geojson';
import { ImportError } from './import-error';
import { readZippedShapefile, type ShapefileOptions } from './shapefile';
import { readKml, readKmz } from './kml';
import { readCsv } from './csv';
import { readXlsx } from './xlsx';
import { decodeJson, decodeText, decodeXml } from './text';
import { applyCoordinateFix, describeFix, diagnoseCoordinates, type CoordinateFix } from './plausibility';
import type { ImportNote } from './import-note';
import type { RecognisedCrs } from './prj';
import { importedParts } from './block-fields';

/**
 * One entry point for every import format, by file name: the browser's
 * worker and the command line both call it, so they accept the same files
 * and say the same things about bad ones.
 */

export const IMPORT_EXTENSIONS = ['.geojson', '.json', '.zip', '.kml', '.kmz', '.csv', '.xlsx'] as const;

/** Coordinates a file cannot declare: Chinese web maps' datums, chosen by the user. */
export type InputDatum = 'wgs84' | 'gcj02' | 'bd09';

export interface ReadOptions extends ShapefileOptions {
  /**
   * For files whose coordinates are lon/lat but not WGS84: GCJ-02 (Amap,
   * Tencent) or BD-09 (Baidu). Converted exactly (see china-offsets.ts).
   * Ignored for Shapefiles, whose .prj says what they are.
   */
  readonly datum?: InputDatum;
  /** How to read coordinates that miss Beijing (swapped axes, Gauss-Krüger metres): the planner's choice. */
  readonly fix?: CoordinateFix;
}

function toWgs84(fc: FeatureCollection, datum: InputDatum): FeatureCollection {
  if (datum === 'wgs84') return fc;
  const f = datum === 'gcj02' ? gcj02ToWgs84 : bd09ToWgs84;
  const conv = (p: Position): Position => f([p[0]!, p[1]!]);
  return {
    ...fc,
    features: fc.features.map((feat) =>
      feat.geometry ? { ...feat, geometry: mapCoords(feat.geometry, conv) } : feat,
    ),
  };
}

const DATUM_NAME: Record<InputDatum, string> = {
  wgs84: 'EPSG:4326 (GeoJSON)',
  gcj02: 'GCJ-02 (Amap/Tencent), converted to WGS84',
  bd09: 'BD-09 (Baidu), converted to WGS84',
};

export interface ReadResult {
  readonly blocks: FeatureCollection<Polygon | MultiPolygon>;
  /** What the reader decided or guessed (CRS, encoding, parts left out). */
  readonly notes: readonly ImportNote[];
  readonly crs: string;
}

/** The largest file any reader takes: past it, the planner is asked to split the file. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Refuses a file too large to read, before anything is read (the worker checks File.size with it too). */
export function checkImportSize(size: number, file: string) {
  if (size > MAX_IMPORT_BYTES)
    throw new ImportError('too-large', `${file} is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MB; split it`, {
      file,
      mb: MAX_IMPORT_BYTES / 2 ** 20,
    });
}

/**
 * Lon/lat blocks in `datum`: check the raw coordinates (NaN, ranges), convert,
 * then check they are in Beijing. With `fix`, the coordinates are first read
 * as the planner chose (swapped, or Gauss-Krüger metres). When they miss
 * Beijing and a fix would put them there, the error carries it.
 */
function fromLonLat(
  raw: FeatureCollection,
  file: string,
  datum: InputDatum,
  crs: string,
  fix?: CoordinateFix,
  readerNotes: readonly ImportNote[] = [],
): ReadResult {
  const fc = fix ? applyCoordinateFix(raw, fix) : raw;
  // Metres converted from a Gauss-Krüger zone are CGCS2000, not a web-map datum.
  const effective: InputDatum = fix?.epsg ? 'wgs84' : datum;
  try {
    const converted = effective === 'wgs84' ? fc : toWgs84(checkStructure(fc, file), effective);
    const notes: ImportNote[] = [
      ...readerNotes,
      ...(fix
        ? [
            {
              code: 'fix-applied' as const,
              params: { file, reading: describeFix(fix), fix: JSON.stringify(fix) },
            },
          ]
        : []),
      ...(effective === 'wgs84' ? [] : [{ code: 'datum' as const, params: { file, datum: effective } }]),
    ];
    return { blocks: checkBlocks(converted, file), notes, crs: fix?.epsg ? `EPSG:${fix.epsg}` : crs };
  } catch (e) {
    if (!(e instanceof ImportError) || e.code !== 'geometry') throw e;
    const problem = String(e.params.problem);
    if (!fix?.closeRings && String(e.params.list).includes('"ring-unclosed"')) {
      const suggestion: CoordinateFix = { ...(fix ?? { swap: false }), closeRings: true };
      // Offered only if it works: with the rings closed, the file must pass every check.
      try {
        fromLonLat(raw, file, datum, crs, suggestion);
      } catch {
        throw e;
      }
      throw new ImportError(
        'unclosed',
        `${e.message}. Closing each ring on its first position is safe: re-import with rings closed (command line: ${cliFlags(suggestion)})`,
        { ...e.params, fix: JSON.stringify(suggestion), guess: describeFix(suggestion) },
      );
    }
    const misplaced = ['outside-extent', 'lon-range', 'lat-range'].includes(problem);
    const suggestion = misplaced && !fix?.swap && !fix?.epsg ? diagnoseCoordinates(raw) : null;
    if (!suggestion) throw e;
    const withClose: CoordinateFix = fix?.closeRings ? { ...suggestion, closeRings: true } : suggestion;
    throw new ImportError(
      'misplaced',
      `${e.message}. The coordinates look like ${describeFix(suggestion)}: re-import with that reading (command line: ${cliFlags(withClose)})`,
      { ...e.params, fix: JSON.stringify(withClose), guess: describeFix(suggestion) },
    );
  }
}

/** A recognised system as plain values, for a note the page words in its language. */
function crsNoteParams(c: RecognisedCrs) {
  return {
    crs: c.epsg ? `EPSG:${c.epsg} (${c.name})` : c.name,
    epsg: c.epsg ?? 0,
    name: c.name,
    width: c.gk?.width ?? 0,
    zone: c.gk?.zone ?? 0,
    cm: c.gk?.centralMeridian ?? 0,
    prefix: c.gk?.prefix ? 1 : 0,
    shift: c.shift ?? '',
  };
}

const cliFlags = (f: CoordinateFix) =>
  [
    ...(f.swap ? ['--swap-axes'] : []),
    ...(f.epsg ? [`--crs epsg:${f.epsg}`] : []),
    ...(f.closeRings ? ['--close-rings'] : []),
  ].join(' ');

export function readBlocks(bytes: Uint8Array, file: string, opts: ReadOptions = {}): ReadResult {
  checkImportSize(bytes.length, file);
  const lower = file.toLowerCase();
  const isKml = lower.endsWith('.kml') || lower.endsWith('.kmz');
  const isCsv = lower.endsWith('.csv');
  if (lower.endsWith('.geojson') || lower.endsWith('.json') || isKml || isCsv) {
    const datum = opts.datum ?? 'wgs84';
    const read = lower.endsWith('.kmz')
      ? readKmz(bytes, file)
      : lower.endsWith('.kml')
        ? readKml(decodeXml(bytes), file)
        : {
            collection: isCsv
              ? readCsv(decodeText(bytes, opts.encoding), file)
              : parseGeoJson(decodeJson(bytes), file),
            notes: [],
          };
    return fromLonLat(
      read.collection,
      file,
      datum,
      isKml && datum === 'wgs84' ? 'EPSG:4326 (KML)' : DATUM_NAME[datum],
      opts.fix,
      read.notes,
    );
  }
  if (lower.endsWith('.zip')) {
    const r = readZippedShapefile(bytes, file, opts);
    const crsName = r.crs.epsg ? `EPSG:${r.crs.epsg} (${r.crs.name})` : r.crs.name;
    return {
      blocks: checkBlocks(r.collection, file),
      notes: [
        { code: 'shapefile-crs', params: { file, ...crsNoteParams(r.crs), encoding: r.encoding } },
        ...r.notes,
      ],
      crs: crsName,
    };
  }
  const ext = /\.[^.]+$/.exec(lower)?.[0] ?? '(none)';
  throw new ImportError(
    'unsupported-format',
    `${file}: ${ext} files are not read yet; use GeoJSON, KML/KMZ, CSV or XLSX (WKT or lon/lat columns) or a zipped Shapefile (.shp, .shx, .dbf, .prj)`,
    { file, ext },
  );
}

/**
 * Every format, including those whose reader is asynchronous (XLSX): what
 * the worker and the command line call.
 */
export async function readBlocksAsync(
  bytes: Uint8Array,
  file: string,
  opts: ReadOptions = {},
): Promise<ReadResult> {
  try {
    return plainAttributes(await readAny(bytes, file, opts), file);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // A reader tripped on something no check foresaw: still one clear message, never a crash.
    const detail = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 200);
    throw new ImportError(
      'unreadable',
      `${file} cannot be read: it is damaged or not what its name says (${detail})`,
      { file, reason: 'damaged' },
    );
  }
}

async function readAny(bytes: Uint8Array, file: string, opts: ReadOptions): Promise<ReadResult> {
  if (!file.toLowerCase().endsWith('.xlsx')) return readBlocks(bytes, file, opts);
  checkImportSize(bytes.length, file);
  const datum = opts.datum ?? 'wgs84';
  return fromLonLat(await readXlsx(bytes, file), file, datum, DATUM_NAME[datum], opts.fix);
}

/**
 * Attributes as plain values (text, numbers, booleans, null). Nested objects
 * and arrays are dropped, with a note: ParkPlan shows and exports attributes
 * as table cells, and a deeply nested value could not even be handed from the
 * worker to the page. A file ParkPlan exported is said so (its figures are
 * worked out again; see block-fields.ts).
 */
function plainAttributes(r: ReadResult, file: string): ReadResult {
  let dropped = 0;
  let fromParkPlan = false;
  const features = r.blocks.features.map((f) => {
    const props = f.properties;
    if (props === null || typeof props !== 'object' || Array.isArray(props)) {
      if (props !== null && props !== undefined) dropped++;
      return { ...f, properties: {} };
    }
    const plain: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(props)) {
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        plain[k] = v;
      else dropped++;
    }
    fromParkPlan ||= importedParts(plain, '').fromParkPlan;
    return { ...f, properties: plain };
  });
  const notes: ImportNote[] = [...r.notes];
  if (dropped) notes.push({ code: 'nested-dropped', params: { file, count: dropped } });
  if (fromParkPlan) notes.push({ code: 'parkplan-fields', params: { file } });
  return { ...r, blocks: { ...r.blocks, features }, notes };
}
