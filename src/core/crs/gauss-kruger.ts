import proj4 from 'proj4';

/**
 * CGCS2000 Gauss-Krüger zones covering Beijing, which proj4 does not ship: the
 * 3-degree zones 38–40 (central meridians 114°, 117°, 120°E) and the 6-degree
 * zone 20 (117°E). Each zone exists
 * with the zone number prefixed to the false easting (e.g. EPSG:4527, x_0 =
 * 39 500 000) and without it (e.g. EPSG:4548, x_0 = 500 000); CAD drawings use
 * either. Definitions match PROJ 9.1's for these EPSG codes.
 */

export interface GkZone {
  readonly epsg: number;
  readonly zone: number;
  readonly centralMeridian: number;
  readonly zonePrefix: boolean;
  readonly name: string;
  readonly proj4: string;
}

const defs: GkZone[] = [];
for (const [zone, cm, withPrefix, withoutPrefix] of [
  [38, 114, 4526, 4547],
  [39, 117, 4527, 4548],
  [40, 120, 4528, 4549],
] as const) {
  for (const [epsg, prefix] of [
    [withPrefix, true],
    [withoutPrefix, false],
  ] as const) {
    const x0 = prefix ? zone * 1_000_000 + 500_000 : 500_000;
    defs.push({
      epsg,
      zone,
      centralMeridian: cm,
      zonePrefix: prefix,
      name: prefix
        ? `CGCS2000 / 3-degree Gauss-Kruger zone ${zone}`
        : `CGCS2000 / 3-degree Gauss-Kruger CM ${cm}E`,
      proj4: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
    });
  }
}
// The 6-degree zone over Beijing (zone 20, 117°E): EPSG:4498 with the zone number, EPSG:4509 without.
for (const [epsg, prefix] of [
  [4498, true],
  [4509, false],
] as const)
  defs.push({
    epsg,
    zone: 20,
    centralMeridian: 117,
    zonePrefix: prefix,
    name: prefix ? 'CGCS2000 / Gauss-Kruger zone 20' : 'CGCS2000 / Gauss-Kruger CM 117E',
    proj4: `+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=${prefix ? 20_500_000 : 500_000} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
  });
export const GK_ZONES: readonly GkZone[] = defs;

proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs');
for (const z of GK_ZONES) proj4.defs(`EPSG:${z.epsg}`, z.proj4);

export function gkZone(epsg: number): GkZone | undefined {
  return GK_ZONES.find((z) => z.epsg === epsg);
}

/** A forward/inverse converter between WGS84 lon/lat and a GK zone's metres. */
export function gkConverter(epsg: number) {
  const z = gkZone(epsg);
  if (!z) throw new Error(`EPSG:${epsg} is not a CGCS2000 Gauss-Krüger zone ParkPlan knows`);
  return proj4('EPSG:4326', z.proj4);
}
