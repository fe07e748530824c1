import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import * as gjv from 'geojson-validation';
import { kinkPoints } from '../geo/self-intersections';
import { isClosed, signedRingArea } from '../geo/rings';

/**
 * Structural and geometric checks of a GeoJSON FeatureCollection. Structure
 * comes from geojson-validation; this adds what it misses: non-finite
 * numbers, coordinate ranges and an expected extent, ring closure and length,
 * RFC 7946 winding, repeated vertices and self-intersections. Every problem
 * has a stable code, the feature it concerns and, where possible, a place.
 */

export type Severity = 'error' | 'warning';

export type ProblemCode =
  | 'structure'
  | 'not-finite'
  | 'lon-range'
  | 'lat-range'
  | 'outside-extent'
  | 'ring-unclosed'
  | 'ring-too-short'
  | 'winding'
  | 'duplicate-vertex'
  | 'self-intersection'
  /** So many overlapping edges that the self-crossing check stopped (a hostile or broken shape). */
  | 'too-complex';

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly featureIndex: number | null;
  readonly featureId: string | null;
  readonly message: string;
  /** A position to zoom to, where one is known. */
  readonly at?: [number, number];
}

export interface CheckOptions {
  /** [west, south, east, north]: coordinates outside it are reported. */
  readonly extent?: readonly [number, number, number, number];
  /** Winding is only a warning by default (RFC 7946 §3.1.6 tells parsers not to reject it). */
  readonly windingIsError?: boolean;
}

export { BEIJING_EXTENT } from '../geo/extent';

export function checkFeatureCollection(input: unknown, opts: CheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  if (
    typeof input !== 'object' ||
    input === null ||
    (input as { type?: unknown }).type !== 'FeatureCollection'
  ) {
    return [
      {
        code: 'structure',
        severity: 'error',
        featureIndex: null,
        featureId: null,
        message: 'not a GeoJSON FeatureCollection',
      },
    ];
  }
  let messages: string[];
  try {
    messages = gjv.valid(input, true);
  } catch {
    // geojson-validation throws on some malformed input (null positions, very deep nesting).
    messages = ['geometry is malformed (null or missing coordinates, or nested too deeply)'];
  }
  for (const msg of messages) {
    const m = /^at (\d+):/.exec(msg);
    problems.push({
      code: 'structure',
      severity: 'error',
      featureIndex: m ? Number(m[1]) : null,
      featureId: null,
      message: msg,
    });
  }
  const fc = input as FeatureCollection;
  if (!Array.isArray(fc.features)) return problems;
  fc.features.forEach((f, i) => {
    try {
      checkFeature(f, i, opts, problems);
    } catch {
      // Malformed beyond what the structure check describes: never let it throw.
      problems.push({
        code: 'structure',
        severity: 'error',
        featureIndex: i,
        featureId: null,
        message: 'geometry is malformed',
      });
    }
  });
  return problems;
}

function featureIdOf(f: Feature): string | null {
  const id = f.id ?? (f.properties as Record<string, unknown> | null)?.id;
  return id === undefined || id === null ? null : String(id);
}

function checkFeature(f: Feature, index: number, opts: CheckOptions, out: Problem[]) {
  if (!f || typeof f !== 'object' || !f.geometry) return;
  const id = featureIdOf(f);
  const add = (code: ProblemCode, severity: Severity, message: string, at?: Position) =>
    out.push({
      code,
      severity,
      featureIndex: index,
      featureId: id,
      message,
      ...(at && Number.isFinite(at[0]) && Number.isFinite(at[1])
        ? { at: [at[0]!, at[1]!] as [number, number] }
        : {}),
    });

  let positionsOk = true;
  forEachPosition(f.geometry, (p) => {
    if (!Array.isArray(p) || p.length < 2 || !p.every((c) => typeof c === 'number' && Number.isFinite(c))) {
      add('not-finite', 'error', `coordinate ${showPosition(p)} is not a pair of finite numbers`);
      positionsOk = false;
      return;
    }
    const [lon, lat] = p as [number, number];
    if (lon < -180 || lon > 180) {
      add(
        'lon-range',
        'error',
        `longitude ${lon} is outside −180…180 (projected metres, or swapped axes?)`,
        p,
      );
      positionsOk = false;
    }
    if (lat < -90 || lat > 90) {
      add('lat-range', 'error', `latitude ${lat} is outside −90…90 (projected metres, or swapped axes?)`, p);
      positionsOk = false;
    }
  });
  if (!positionsOk) return;

  if (opts.extent) {
    const [w, s, e, n] = opts.extent;
    let outside: Position | null = null;
    forEachPosition(f.geometry, (p) => {
      if (!outside && (p[0]! < w || p[0]! > e || p[1]! < s || p[1]! > n)) outside = p;
    });
    if (outside)
      add(
        'outside-extent',
        'error',
        `coordinate ${JSON.stringify(outside)} lies outside the expected extent`,
        outside,
      );
  }

  const polygons =
    f.geometry.type === 'Polygon'
      ? [f.geometry.coordinates]
      : f.geometry.type === 'MultiPolygon'
        ? f.geometry.coordinates
        : [];
  if (
    (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') &&
    (polygons.length === 0 || polygons.some((rings) => rings.length === 0))
  ) {
    add('structure', 'error', `${f.geometry.type} has no rings`);
    return;
  }
  let ringsOk = true;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      if (ring.length < 4) {
        add(
          'ring-too-short',
          'error',
          `ring ${r} has ${ring.length} positions; a ring needs at least 4`,
          ring[0],
        );
        ringsOk = false;
        return;
      }
      if (!isClosed(ring)) {
        add('ring-unclosed', 'error', `ring ${r} is not closed (first and last positions differ)`, ring[0]);
        ringsOk = false;
      }
      const ccw = signedRingArea(ring) > 0;
      if (ccw !== (r === 0)) {
        add(
          'winding',
          opts.windingIsError ? 'error' : 'warning',
          `${r === 0 ? 'exterior' : 'interior'} ring ${r} winds ${ccw ? 'counter-clockwise' : 'clockwise'}; RFC 7946 wants ${r === 0 ? 'counter-clockwise' : 'clockwise'}`,
          ring[0],
        );
      }
      for (let k = 1; k < ring.length; k++) {
        if (ring[k]![0] === ring[k - 1]![0] && ring[k]![1] === ring[k - 1]![1]) {
          add('duplicate-vertex', 'warning', `ring ${r} repeats vertex ${k}`, ring[k]);
          break;
        }
      }
    });
  }
  if (ringsOk && polygons.length > 0) {
    const k = kinkPoints(f.geometry as Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>);
    if (k.gaveUp)
      add(
        'too-complex',
        'error',
        'boundary has so many overlapping edges that it cannot be checked; simplify it (e.g. QGIS Simplify) and import again',
      );
    else if (k.points.length > 0) {
      const at = k.points[0]!;
      add(
        'self-intersection',
        'error',
        `boundary crosses itself at ${k.points.length} point(s), first near ${fmt(at)}`,
        at,
      );
    }
  }
}

const fmt = (p: Position) => `${p[0]!.toFixed(6)}, ${p[1]!.toFixed(6)}`;

function forEachPosition(g: Geometry, fn: (p: Position) => void) {
  switch (g.type) {
    case 'Point':
      return fn(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.forEach(fn);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.forEach((r) => r.forEach(fn));
    case 'MultiPolygon':
      return g.coordinates.forEach((p) => p.forEach((r) => r.forEach(fn)));
    case 'GeometryCollection':
      return g.geometries.forEach((x) => forEachPosition(x, fn));
  }
}

/** A position as written, with Infinity and NaN by name (JSON.stringify would print them as null). */
function showPosition(p: unknown): string {
  if (!Array.isArray(p)) return JSON.stringify(p) ?? String(p);
  return `[${p.map((v) => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)))).join(',')}]`;
}
