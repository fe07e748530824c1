import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);
import { BEIJING_EXTENT, checkFeatureCollection, type Problem } from '../validate/geojson-checks';
import { ImportError } from './import-error';

/**
 * Reads candidate blocks from GeoJSON text (WGS84, RFC 7946). Used by the
 * browser's import worker and by the command line. Any error rejects the whole
 * file with one message saying what is wrong and how to fix it: nothing is
 * dropped or changed silently.
 */

/** Files above this size are refused before parsing (a district's parcels fit easily). */
export const MAX_GEOJSON_BYTES = 200 * 1024 * 1024;

export function describeProblem(file: string, p: Problem): string {
  const where =
    p.featureIndex === null
      ? ''
      : ` feature ${p.featureIndex + 1}${p.featureId ? ` (id ${p.featureId})` : ''}`;
  const hint =
    p.code === 'outside-extent'
      ? '; ParkPlan expects WGS84 lon/lat in Beijing: convert the file, or check for swapped axes'
      : p.code === 'lon-range' || p.code === 'lat-range'
        ? '; if these are CGCS2000 Gauss-Krüger metres, reproject to WGS84 first'
        : '';
  return `${file}:${where} ${p.message}${hint}`;
}

/** Line and column (1-based) of a JSON syntax error, from the position V8's message gives; {} if none. */
function jsonErrorPlace(text: string, detail: string): { line?: number; column?: number } {
  const m = /position (\d+)/.exec(detail);
  if (!m) return /Unexpected end/i.test(detail) ? { line: text.split('\n').length } : {};
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(m[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

export function parseGeoJson(text: string, file: string): FeatureCollection {
  if (text.length > MAX_GEOJSON_BYTES) {
    throw new ImportError('too-large', `${file} is larger than ${MAX_GEOJSON_BYTES / 2 ** 20} MB; split it`, {
      file,
      mb: MAX_GEOJSON_BYTES / 2 ** 20,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // The parser's message may quote the file across lines: one line, shortened.
    const detail = (e as Error).message.replace(/\s+/g, ' ').slice(0, 200);
    throw new ImportError('invalid-json', `${file} is not valid JSON (${detail})`, {
      file,
      ...jsonErrorPlace(text, detail),
    });
  }
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  const type = isObject ? (data as { type?: unknown }).type : undefined;
  // RFC 7946 allows a single Feature or a bare geometry as the whole text: each is one block.
  if (type === 'Feature') return { type: 'FeatureCollection', features: [data as Feature] };
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type))
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: data as Geometry }],
    };
  if (type !== 'FeatureCollection') {
    const what = !isObject
      ? `it holds ${Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`}, not an object`
      : type === undefined
        ? 'it has no "type" member'
        : `its "type" is ${JSON.stringify(type)}`;
    const kind = !isObject
      ? Array.isArray(data)
        ? 'array'
        : data === null
          ? 'null'
          : 'value'
      : type === undefined
        ? 'no-type'
        : 'type';
    throw new ImportError(
      'not-geojson',
      `${file} is not GeoJSON: neither a FeatureCollection, a Feature nor a geometry (${what})`,
      {
        file,
        kind,
        ...(kind === 'type' ? { type: String(JSON.stringify(type)).slice(0, 60) } : {}),
      },
    );
  }
  return data as FeatureCollection;
}

/** Checks structure and coordinate values only (no extent): what must hold before a datum conversion. */
export function checkStructure(fc: FeatureCollection, file: string): FeatureCollection {
  const errors = checkFeatureCollection(fc).filter(
    (p) => p.severity === 'error' && p.code !== 'self-intersection',
  );
  if (errors.length) throw geometryError(file, errors, false);
  return fc;
}

/** One ImportError for a file's geometry problems: the first in words, all of them (up to 50) in params.list. */
function geometryError(file: string, errors: readonly Problem[], countInMessage: boolean): ImportError {
  const first = errors[0]!;
  const more =
    countInMessage && errors.length > 1
      ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})`
      : '';
  return new ImportError('geometry', describeProblem(file, first) + more, {
    file,
    problem: first.code,
    feature: first.featureIndex === null ? '' : first.featureIndex + 1,
    detail: first.message,
    more: errors.length - 1,
    list: problemList(errors),
  });
}

/** Up to 50 problems as [feature number, code, [lon, lat] | null], for the app to list with their places. */
function problemList(errors: readonly Problem[]): string {
  // geojson-validation's generic complaint is dropped where a specific check names the same feature's problem.
  const specific = new Set(errors.filter((p) => p.code !== 'structure').map((p) => p.featureIndex));
  return JSON.stringify(
    errors
      .filter((p) => p.code !== 'structure' || !specific.has(p.featureIndex))
      .slice(0, 50)
      .map((p) => [p.featureIndex === null ? 0 : p.featureIndex + 1, p.code, p.at ?? null]),
  );
}

/** Checks a FeatureCollection of blocks: polygons only, well-formed, in Beijing. */
export function checkBlocks(fc: FeatureCollection, file: string): FeatureCollection<Polygon | MultiPolygon> {
  // A boundary that crosses itself is let through: it is listed with a one-click mend after import
  // (src/core/validate/block-checks.ts), where the planner sees it on the map.
  const errors = checkFeatureCollection(fc, { extent: BEIJING_EXTENT }).filter(
    (p) => p.severity === 'error' && p.code !== 'self-intersection',
  );
  if (errors.length) throw geometryError(file, errors, true);
  const bad = fc.features.findIndex(
    (f) => f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon',
  );
  if (bad >= 0) {
    const type = fc.features[bad]!.geometry?.type;
    throw new ImportError(
      'not-polygon',
      `${file}: feature ${bad + 1} is ${type ? `a ${type}` : 'a feature without geometry'}; blocks must be Polygon or MultiPolygon`,
      // The type as GeoJSON names it ('none': no geometry), for the page to name in its language.
      { file, feature: bad + 1, type: type ?? 'none' },
    );
  }
  if (fc.features.length === 0) throw new ImportError('empty', `${file} has no features`, { file });
  return fc as FeatureCollection<Polygon | MultiPolygon>;
}
