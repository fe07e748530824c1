/**
 * Schematic geometry: shapes placed at estimated centres and calibrated so
 * their ellipsoidal areas hit target figures. Used only by build-geo; when
 * real boundaries exist they replace all of this (see README).
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import intersect from '@turf/intersect';
import union from '@turf/union';
import difference from '@turf/difference';
import voronoi from '@turf/voronoi';
import { featureCollection, point } from '@turf/helpers';
import { geometryAreaKm2 } from '../../src/core/geo/area';
import { roundPosition } from '../../src/core/geo/rings';
import { repairAreal } from '../../src/core/geo/repair';

export type Areal = Polygon | MultiPolygon;

/** Local equirectangular frame in km around Beijing; linear, so star shapes stay star-shaped. */
const LON0 = 116.4;
const LAT0 = 40.0;
const KX = 111.32 * Math.cos((LAT0 * Math.PI) / 180);
const KY = 110.57;
export const toKm = ([lon, lat]: Position): Position => [(lon! - LON0) * KX, (lat! - LAT0) * KY];
export const fromKm = ([x, y]: Position): Position => [LON0 + x! / KX, LAT0 + y! / KY];

/** FNV-1a hash → deterministic pseudo-random phases per id. */
function phases(id: string): [number, number, number] {
  let h = 0x811c9dc5;
  for (const ch of id) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const r = (k: number) => (((h >>> (k * 8)) & 0xff) / 255) * 2 * Math.PI;
  return [r(0), r(1), r(2)];
}

export interface BlobSpec {
  readonly id: string;
  readonly centre: Position;
  /** Semi-axes ratio x:y (1 = round). */
  readonly aspect?: number;
}

/** An irregular star-shaped outline of scale `s` km around the centre (64 vertices). */
export function blob(spec: BlobSpec, s: number): Polygon {
  const [p1, p2, p3] = phases(spec.id);
  const [cx, cy] = toKm(spec.centre);
  const ax = Math.sqrt(spec.aspect ?? 1);
  const ring: Position[] = [];
  const n = 64;
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r =
      s * (1 + 0.16 * Math.sin(2 * t + p1) + 0.1 * Math.sin(3 * t + p2) + 0.05 * Math.sin(5 * t + p3));
    ring.push(fromKm([cx! + r * ax * Math.cos(t), cy! + (r / ax) * Math.sin(t)]));
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

const asFeature = (g: Areal): Feature<Areal> => ({ type: 'Feature', properties: {}, geometry: g });

export function intersectAll(geoms: readonly (Areal | null)[]): Areal | null {
  let acc: Areal | null = geoms[0] ?? null;
  for (const g of geoms.slice(1)) {
    if (!acc || !g) return null;
    acc = intersect(featureCollection([asFeature(acc), asFeature(g)]))?.geometry ?? null;
  }
  return acc;
}

export function unionAll(geoms: readonly (Areal | null)[]): Areal | null {
  const present = geoms.filter((g): g is Areal => !!g);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0]!;
  return union(featureCollection(present.map(asFeature)))?.geometry ?? null;
}

export function subtract(a: Areal | null, b: Areal | null): Areal | null {
  if (!a) return null;
  if (!b) return a;
  return difference(featureCollection([asFeature(a), asFeature(b)]))?.geometry ?? null;
}

export const areaKm2 = (g: Areal | null): number => (g ? geometryAreaKm2(g) : 0);

/**
 * Voronoi cells of the given centres, computed in the km frame so the
 * bisectors are true perpendiculars; returned in lon/lat, keyed by id.
 */
export function voronoiCells(sites: readonly { id: string; centre: Position }[]): Map<string, Polygon> {
  const pts: FeatureCollection<Point> = featureCollection(
    sites.map((s) => point(toKm(s.centre), { id: s.id })),
  );
  const cells = voronoi(pts, { bbox: [-400, -400, 400, 400] });
  const out = new Map<string, Polygon>();
  cells.features.forEach((cell, i) => {
    if (!cell) throw new Error(`no Voronoi cell for ${sites[i]!.id} (duplicate centre?)`);
    out.set(sites[i]!.id, { type: 'Polygon', coordinates: [cell.geometry.coordinates[0]!.map(fromKm)] });
  });
  return out;
}

/**
 * Finds the scale at which `make(scale)` has `targetKm2` (area grows with
 * scale). Throws if the target cannot be reached below `maxScale`.
 */
export function calibrate(
  label: string,
  targetKm2: number,
  make: (scale: number) => Areal | null,
  maxScale = 40,
  relTol = 2e-5,
): { scale: number; geometry: Areal; areaKm2: number } {
  let lo = 0;
  let hi = maxScale;
  const top = make(hi);
  if (areaKm2(top) < targetKm2) {
    throw new Error(
      `${label}: cannot reach ${targetKm2.toFixed(2)} km² (at most ${areaKm2(top).toFixed(2)} km² fits its cell and district)`,
    );
  }
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    const a = areaKm2(make(mid));
    if (Math.abs(a / targetKm2 - 1) < relTol) return { scale: mid, geometry: make(mid)!, areaKm2: a };
    if (a < targetKm2) lo = mid;
    else hi = mid;
  }
  const g = make(hi)!;
  return { scale: hi, geometry: g, areaKm2: areaKm2(g) };
}

/**
 * Rounds to 1e-6° (~0.1 m), drops slivers below `minKm2`, repairs what the
 * rounding may have made touch or cross, and rewinds to RFC 7946.
 */
export function finish(g: Areal, minKm2 = 0.01): Areal {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((rings) => rings.map((ring) => dedupe(ring.map((p) => roundPosition(p)))))
    .filter(
      (rings) => rings[0]!.length >= 4 && geometryAreaKm2({ type: 'Polygon', coordinates: rings }) >= minKm2,
    );
  const out: Areal =
    polys.length === 1
      ? { type: 'Polygon', coordinates: polys[0]! }
      : { type: 'MultiPolygon', coordinates: polys };
  const repaired = repairAreal(out);
  if (!repaired) throw new Error('geometry vanished in repair');
  return repaired;
}

function dedupe(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}
