import type { FeatureCollection, Geometry, Position } from 'geojson';
import { mapCoords } from '../geo/rings';
import { GK_ZONES, gkConverter, gkZone } from '../crs/gauss-kruger';
import { BEIJING_EXTENT } from '../validate/geojson-checks';

/**
 * When a file's coordinates do not land in Beijing, what they probably are:
 * latitude and longitude swapped, or CGCS2000 Gauss-Krüger metres (with or
 * without the zone prefix, in either axis order) in a format that cannot say
 * so (GeoJSON, CSV, KML). A fix is offered only when it puts every
 * coordinate in Beijing; the planner chooses whether to apply it.
 */

export interface CoordinateFix {
  /** Read each pair as (y, x). */
  readonly swap: boolean;
  /** Read the pairs as metres in this CGCS2000 3° Gauss-Krüger zone. */
  readonly epsg?: number;
  /** Close rings whose last position is not their first. */
  readonly closeRings?: boolean;
}

export function describeFix(fix: CoordinateFix): string {
  const z = fix.epsg ? gkZone(fix.epsg) : undefined;
  const parts = [
    ...(fix.swap ? ['latitude and longitude swapped'] : []),
    ...(z ? [`CGCS2000 Gauss-Krüger metres, EPSG:${z.epsg} (${z.name})`] : []),
    ...(fix.closeRings ? ['rings closed'] : []),
  ];
  return parts.join(', ');
}

function positions(fc: FeatureCollection, limit = 2000): Position[] {
  const out: Position[] = [];
  const visit = (c: unknown): void => {
    if (out.length >= limit || !Array.isArray(c)) return;
    if (typeof c[0] === 'number') out.push(c as Position);
    else for (const x of c) visit(x);
  };
  for (const f of fc.features) {
    const g = f?.geometry as { coordinates?: unknown } | null;
    if (g && 'coordinates' in g) visit(g.coordinates);
    if (out.length >= limit) break;
  }
  return out;
}

const inBeijing = (p: Position) =>
  Number.isFinite(p[0]) &&
  Number.isFinite(p[1]) &&
  p[0]! >= BEIJING_EXTENT[0] &&
  p[0]! <= BEIJING_EXTENT[2] &&
  p[1]! >= BEIJING_EXTENT[1] &&
  p[1]! <= BEIJING_EXTENT[3];

export function fixPosition(fix: CoordinateFix): (p: Position) => Position {
  const inv = fix.epsg ? gkConverter(fix.epsg) : null;
  return (p) => {
    const q: Position = fix.swap ? [p[1]!, p[0]!] : [p[0]!, p[1]!];
    return inv ? inv.inverse([q[0]!, q[1]!]) : q;
  };
}

/** The first fix that puts every (sampled) coordinate in Beijing, or null. */
export function diagnoseCoordinates(fc: FeatureCollection): CoordinateFix | null {
  const pts = positions(fc);
  if (pts.length === 0 || pts.every(inBeijing)) return null;
  // Zones with the prefix first (unambiguous), then zone 39 (most of Beijing) before 38 and 40.
  const zones = [...GK_ZONES].sort(
    (a, b) => Number(b.zonePrefix) - Number(a.zonePrefix) || Math.abs(a.zone - 39) - Math.abs(b.zone - 39),
  );
  const candidates: CoordinateFix[] = [
    { swap: true },
    ...zones.flatMap((z) => [
      { swap: false, epsg: z.epsg },
      { swap: true, epsg: z.epsg },
    ]),
  ];
  for (const fix of candidates) {
    const f = fixPosition(fix);
    try {
      if (pts.every((p) => inBeijing(f(p)))) return fix;
    } catch {
      // a projection that cannot take these numbers is not the answer
    }
  }
  return null;
}

export function applyCoordinateFix(fc: FeatureCollection, fix: CoordinateFix): FeatureCollection {
  const f = fix.swap || fix.epsg ? fixPosition(fix) : null;
  return {
    ...fc,
    features: fc.features.map((feat) => {
      if (!feat?.geometry) return feat;
      let g = f ? mapCoords(feat.geometry, f) : feat.geometry;
      if (fix.closeRings) g = closeRings(g);
      return { ...feat, geometry: g };
    }),
  };
}

const closeRing = (r: Position[]): Position[] =>
  r.length > 0 && (r[0]![0] !== r.at(-1)![0] || r[0]![1] !== r.at(-1)![1]) ? [...r, r[0]!] : r;

function closeRings(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(closeRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(closeRing)) };
  return g;
}
