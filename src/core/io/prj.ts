import { GK_ZONES, type GkZone } from '../crs/gauss-kruger';

/**
 * Recognises the coordinate system of a Shapefile's .prj (ESRI or OGC WKT1,
 * or WKT2) among those Beijing's planners use: WGS84, CGCS2000 geographic,
 * and CGCS2000 3-degree Gauss-Krüger zones 38–40 with or without the zone
 * number in the false easting. Anything else is reported by name, so the
 * user knows what to reproject from.
 */

export type RecognisedCrs =
  | { kind: 'geographic'; epsg: 4326 | 4490; name: string }
  | { kind: 'gauss-kruger'; epsg: number; zone: GkZone; name: string };

export type PrjResult = { ok: true; crs: RecognisedCrs } | { ok: false; name: string; reason: string };

const num = (wkt: string, names: string[]): number | null => {
  for (const n of names) {
    const re = new RegExp(`PARAMETER\\s*\\[\\s*"${n.replace(/[ _]/g, '[ _]')}"\\s*,\\s*([-+0-9.eE]+)`, 'i');
    const m = re.exec(wkt);
    if (m) return Number(m[1]);
  }
  return null;
};

export function recognisePrj(wkt: string): PrjResult {
  const text = wkt.trim();
  const top = /^\s*(PROJCS|PROJCRS|PROJECTEDCRS|GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\s*\[\s*"([^"]*)"/i.exec(
    text,
  );
  if (!top) return { ok: false, name: '(unreadable .prj)', reason: 'the .prj is not WKT' };
  const name = top[2]!;
  const upper = text.toUpperCase();
  const cgcs = /CGCS|CHINA[ _]?2000|CHINA GEODETIC COORDINATE SYSTEM 2000|D_CHINA_2000/.test(upper);
  const wgs = /WGS[ _]?(19)?84|WGS_1984/.test(upper);
  const oldDatum = /BEIJING|XIAN|XI'AN|1954|1980/.test(upper) && !cgcs;
  if (oldDatum) {
    return {
      ok: false,
      name,
      reason:
        'Beijing 1954 and Xian 1980 need a datum transformation ParkPlan does not do; export the file in CGCS2000 or WGS84',
    };
  }
  if (/^(GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)$/i.test(top[1]!)) {
    if (cgcs) return { ok: true, crs: { kind: 'geographic', epsg: 4490, name } };
    if (wgs) return { ok: true, crs: { kind: 'geographic', epsg: 4326, name } };
    return { ok: false, name, reason: 'unknown geographic datum' };
  }
  const tm = /GAUSS[ _]?KRUGER|TRANSVERSE[ _]?MERCATOR/.test(upper);
  if (!tm || !(cgcs || /GRS[ _]?1980|GRS80/.test(upper))) {
    return { ok: false, name, reason: 'not a CGCS2000 Gauss-Krüger projection' };
  }
  const cm = num(text, ['central_meridian', 'Longitude of natural origin', 'longitude_of_center']);
  const fe = num(text, ['false_easting', 'False easting']);
  const k = num(text, ['scale_factor', 'Scale factor at natural origin']) ?? 1;
  if (cm === null || fe === null || Math.abs(k - 1) > 1e-9) {
    return {
      ok: false,
      name,
      reason: 'its central meridian, false easting or scale factor is missing or unusual',
    };
  }
  const zone = GK_ZONES.find(
    (z) =>
      Math.abs(z.centralMeridian - cm) < 1e-9 &&
      Math.abs((z.zonePrefix ? z.zone * 1e6 + 5e5 : 5e5) - fe) < 1e-3,
  );
  if (!zone) {
    return {
      ok: false,
      name,
      reason: `central meridian ${cm}° with false easting ${fe} is not one of the 3-degree zones 38–40 (114°, 117°, 120°E)`,
    };
  }
  return { ok: true, crs: { kind: 'gauss-kruger', epsg: zone.epsg, zone, name } };
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
