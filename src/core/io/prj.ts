import parseWkt, { type WktDefinition } from 'wkt-parser';
import proj4 from 'proj4';
import type { Position } from 'geojson';

/**
 * Recognises the coordinate system of a Shapefile's .prj (OGC WKT1, ESRI WKT
 * or WKT2, read with proj4's own WKT parser) by its parameters, not its name,
 * and converts its coordinates to WGS84 lon/lat with proj4:
 * - geographic or projected on WGS84 or on a GRS 1980 ellipsoid (CGCS2000,
 *   and NAD83, ETRS89, GDA94, SWEREF99…, all within about a metre of WGS84 and
 *   read as such): accepted; CGCS2000 and its Gauss-Krüger zones, 3° and 6°,
 *   with or without the zone number in the false easting, are named by their
 *   EPSG code;
 * - any other datum (Beijing 1954, Xian 1980, …) needs its shift to WGS84:
 *   accepted with the TOWGS84 parameters the file or the user gives, else
 *   refused saying so.
 */

export interface GkInfo {
  /** Zone width in degrees. */
  readonly width: 3 | 6;
  readonly zone: number;
  readonly centralMeridian: number;
  /** Whether the false easting carries the zone number (e.g. 39 500 000). */
  readonly prefix: boolean;
}

export interface RecognisedCrs {
  readonly kind: 'geographic' | 'projected';
  /** The EPSG code, for WGS84, CGCS2000 and CGCS2000's Gauss-Krüger zones; null for others. */
  readonly epsg: number | null;
  /** The name the .prj gives. */
  readonly name: string;
  readonly gk: GkInfo | null;
  /** The datum was shifted to WGS84 with seven (or three) parameters: the file's or the user's. */
  readonly shift: 'file' | 'user' | null;
  readonly toWgs84: (p: Position) => Position;
}

/** Why a .prj cannot be used, for the page to say in its language (`noteText`-style English in `reason`). */
export type PrjRefusal = 'not-wkt' | 'needs-towgs84' | 'unsupported';

export type PrjResult =
  | { readonly ok: true; readonly crs: RecognisedCrs }
  | { readonly ok: false; readonly name: string; readonly refusal: PrjRefusal; readonly reason: string };

export interface PrjOptions {
  /** Datum shift to WGS84 (3 or 7 Helmert parameters, as PROJ's +towgs84) for a .prj that has none. */
  readonly towgs84?: readonly number[];
}

const WGS84 = { a: 6378137, rf: 298.257223563 };
const GRS80 = { a: 6378137, rf: 298.257222101 };
const same = (x: number | undefined, y: number, tol: number) => x !== undefined && Math.abs(x - y) <= tol;
const isEllipsoid = (d: WktDefinition, e: { a: number; rf: number }) =>
  same(d.a, e.a, 1e-3) && same(d.rf, e.rf, 1e-6);

const DEG = 180 / Math.PI;

/** CGCS2000's Gauss-Krüger zone for these parameters (EPSG:4491–4554), if they are one. */
function cgcs2000Zone(d: WktDefinition): { epsg: number; gk: GkInfo } | null {
  if (!/transverse|gauss/i.test(d.projName ?? '') || !same(d.k0, 1, 1e-12) || !same(d.lat0 ?? 0, 0, 1e-12))
    return null;
  if (!same(d.y0 ?? 0, 0, 1e-6)) return null;
  const cm = (d.long0 ?? NaN) * DEG;
  if (!Number.isInteger(Math.round(cm)) || Math.abs(cm - Math.round(cm)) > 1e-9) return null;
  const c = Math.round(cm);
  const x0 = d.x0 ?? 0;
  const zoneOf = (width: 3 | 6) => (width === 3 ? c / 3 : (c + 3) / 6);
  for (const width of [3, 6] as const) {
    const zone = zoneOf(width);
    if (!Number.isInteger(zone)) continue;
    const range = width === 3 ? zone >= 25 && zone <= 45 : zone >= 13 && zone <= 23;
    if (!range) continue;
    if (same(x0, zone * 1e6 + 5e5, 1e-3))
      return {
        epsg: width === 3 ? 4513 + zone - 25 : 4491 + zone - 13,
        gk: { width, zone, centralMeridian: c, prefix: true },
      };
  }
  // Without the zone number, 3° and 6° zones on the same meridian are the same system; 3° is named.
  if (same(x0, 5e5, 1e-3)) {
    if (Number.isInteger(c / 3) && c / 3 >= 25 && c / 3 <= 45)
      return { epsg: 4534 + (c - 75) / 3, gk: { width: 3, zone: c / 3, centralMeridian: c, prefix: false } };
    if (Number.isInteger((c + 3) / 6) && (c + 3) / 6 >= 13 && (c + 3) / 6 <= 23)
      return {
        epsg: 4502 + (c + 3) / 6 - 13,
        gk: { width: 6, zone: (c + 3) / 6, centralMeridian: c, prefix: false },
      };
  }
  return null;
}

export function recognisePrj(wkt: string, opts: PrjOptions = {}): PrjResult {
  let d: WktDefinition;
  try {
    d = parseWkt(wkt.trim());
  } catch {
    return { ok: false, name: '(unreadable .prj)', refusal: 'not-wkt', reason: 'the .prj is not WKT' };
  }
  if (!d || typeof d !== 'object' || !d.projName)
    return { ok: false, name: '(unreadable .prj)', refusal: 'not-wkt', reason: 'the .prj is not WKT' };
  const name = String(d.name ?? d.srsCode ?? '(unnamed)');
  const geographic = d.projName === 'longlat';
  const onWgs84 = isEllipsoid(d, WGS84);
  const onGrs80 = isEllipsoid(d, GRS80);
  const fileShift = Array.isArray(d.datum_params) && d.datum_params.some((x) => x !== 0);
  const userShift = !fileShift && !onWgs84 && !onGrs80 && !!opts.towgs84?.length;
  if (!onWgs84 && !onGrs80 && !fileShift && !userShift)
    return {
      ok: false,
      name,
      refusal: 'needs-towgs84',
      reason: `its datum (${String(d.datumCode ?? d.ellps ?? 'unknown')}, ellipsoid a = ${d.a}, 1/f = ${d.rf}) needs a shift to WGS84 and the file gives none (no TOWGS84); give the seven parameters (command line: --towgs84 dx,dy,dz,rx,ry,rz,s) or export the file in CGCS2000 or WGS84`,
    };
  // Shapefile coordinates are always x = easting or longitude; an AXIS clause must not swap them.
  const def: WktDefinition = { ...d, axis: 'enu' };
  if (userShift) def.datum_params = [...opts.towgs84!];
  // Same-ellipsoid datums without a shift (CGCS2000, NAD83, …) are read as WGS84.
  if (!fileShift && !userShift) delete def.datum_params;
  let toWgs84: (p: Position) => Position;
  try {
    const conv = proj4(def as unknown as string, 'EPSG:4326');
    toWgs84 = (p) => conv.forward([p[0]!, p[1]!]) as Position;
    const probe = geographic ? [116.4, 39.9] : [def.x0 ?? 500000, 4.4e6];
    if (!toWgs84(probe).every(Number.isFinite)) throw new Error('no result');
  } catch {
    return {
      ok: false,
      name,
      refusal: 'unsupported',
      reason: `its projection (${d.projName}) cannot be converted; export the file in CGCS2000 Gauss-Krüger or WGS84`,
    };
  }
  const zone = !geographic && onGrs80 && !fileShift ? cgcs2000Zone(d) : null;
  const epsg = geographic
    ? onWgs84 && !fileShift
      ? 4326
      : onGrs80 && /china|cgcs/i.test(`${d.datumCode} ${name}`)
        ? 4490
        : null
    : (zone?.epsg ?? null);
  return {
    ok: true,
    crs: {
      kind: geographic ? 'geographic' : 'projected',
      epsg,
      name,
      gk: zone?.gk ?? null,
      shift: fileShift ? 'file' : userShift ? 'user' : null,
      toWgs84,
    },
  };
}

/** WHATWG label for a .cpg code page, or null if the decoder does not know it. */
export function encodingFromCpg(cpg: string): string | null {
  const c = cpg
    .trim()
    .toLowerCase()
    .replace(/^ansi\s+/, '');
  const label = /^\d+$/.test(c)
    ? c === '65001'
      ? 'utf-8'
      : c === '936'
        ? 'gbk'
        : `windows-${c}`
    : c === 'cp936'
      ? 'gbk'
      : c;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}
