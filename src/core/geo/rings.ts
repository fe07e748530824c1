import type { Geometry, Position, Polygon, MultiPolygon } from 'geojson';

/** Signed planar area of a ring in degree² (positive = counter-clockwise). */
export function signedRingArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s / 2;
}

export function isClosed(ring: readonly Position[]): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Drops consecutive repeated vertices and closes the ring. */
export function cleanRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0]!, p[1]!]);
  }
  if (out.length > 1 && isClosed(out)) out.pop();
  if (out.length > 0) out.push([out[0]![0]!, out[0]![1]!]);
  return out;
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
export function rewindPolygon(rings: readonly Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const ccw = signedRingArea(ring) > 0;
    const wantCcw = i === 0;
    return ccw === wantCcw ? ring : [...ring].reverse();
  });
}

export function rewind<G extends Polygon | MultiPolygon>(geom: G): G {
  if (geom.type === 'Polygon') return { ...geom, coordinates: rewindPolygon(geom.coordinates) };
  return { ...geom, coordinates: (geom as MultiPolygon).coordinates.map(rewindPolygon) } as G;
}

export function roundPosition(p: Position, decimals = 6): Position {
  const k = 10 ** decimals;
  return [Math.round(p[0]! * k) / k, Math.round(p[1]! * k) / k];
}

/** The same geometry with every position passed through `f` (reprojection, datum shifts). */
export function mapCoords(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(f)) } as Geometry;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapCoords(x, f)) };
  }
}
