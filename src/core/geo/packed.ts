import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Polygons and multipolygons packed in typed arrays, and geometries that read
 * their coordinates from such a pack.
 *
 * Why: as GeoJSON, a block of five vertices is some twenty small objects on
 * the JavaScript heap (each position an array of two numbers). A page holding
 * 100,000 imported blocks that way spends 30–60 ms at a time copying them in
 * the young-generation collector while they arrive. Packed, a piece of 5,000
 * blocks is a handful of typed arrays (moved between threads without copying,
 * and never scanned by the collector), and each block's geometry is one small
 * object until someone reads its coordinates.
 */

type Areal = Polygon | MultiPolygon;

export interface PackedAreals {
  /** x, y of every position, ring after ring. */
  readonly xy: Float64Array;
  /** For each ring, where it ends, in positions. */
  readonly ringEnds: Uint32Array;
  /** For each polygon, where it ends, in rings. */
  readonly polygonEnds: Uint32Array;
  /** For each geometry, where it ends, in polygons. */
  readonly geometryEnds: Uint32Array;
  /** For each geometry, 1 if it is a MultiPolygon. */
  readonly multi: Uint8Array;
}

/**
 * The geometries packed; null if any position is not two finite numbers
 * (a third coordinate, say): those are kept as they are by the caller.
 */
export function packAreals(geoms: readonly Areal[]): PackedAreals | null {
  let positions = 0;
  let rings = 0;
  let polygons = 0;
  for (const g of geoms) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    polygons += polys.length;
    for (const poly of polys) {
      rings += poly.length;
      for (const ring of poly) {
        for (const p of ring)
          if (p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
        positions += ring.length;
      }
    }
  }
  const xy = new Float64Array(positions * 2);
  const ringEnds = new Uint32Array(rings);
  const polygonEnds = new Uint32Array(polygons);
  const geometryEnds = new Uint32Array(geoms.length);
  const multi = new Uint8Array(geoms.length);
  let p = 0;
  let r = 0;
  let q = 0;
  geoms.forEach((g, i) => {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    multi[i] = g.type === 'MultiPolygon' ? 1 : 0;
    for (const poly of polys) {
      for (const ring of poly) {
        for (const pos of ring) {
          xy[2 * p] = pos[0]!;
          xy[2 * p + 1] = pos[1]!;
          p++;
        }
        ringEnds[r++] = p;
      }
      polygonEnds[q++] = r;
    }
    geometryEnds[i] = q;
  });
  return { xy, ringEnds, polygonEnds, geometryEnds, multi };
}

/** The typed arrays of a pack, for a postMessage transfer list. */
export function packBuffers(p: PackedAreals): ArrayBuffer[] {
  return [p.xy, p.ringEnds, p.polygonEnds, p.geometryEnds, p.multi].map((a) => a.buffer as ArrayBuffer);
}

export function packedCount(p: PackedAreals): number {
  return p.geometryEnds.length;
}

/** Geometry `index` of the pack as plain GeoJSON (new arrays each call). */
export function unpackAreal(p: PackedAreals, index: number): Areal {
  const coordinates = unpackCoordinates(p, index);
  return p.multi[index]
    ? { type: 'MultiPolygon', coordinates: coordinates as Position[][][] }
    : { type: 'Polygon', coordinates: coordinates as Position[][] };
}

function unpackCoordinates(p: PackedAreals, index: number): Position[][] | Position[][][] {
  const polys: Position[][][] = [];
  const q0 = index ? p.geometryEnds[index - 1]! : 0;
  for (let q = q0; q < p.geometryEnds[index]!; q++) {
    const rings: Position[][] = [];
    for (let r = q ? p.polygonEnds[q - 1]! : 0; r < p.polygonEnds[q]!; r++) {
      const end = p.ringEnds[r]!;
      const ring: Position[] = [];
      for (let k = r ? p.ringEnds[r - 1]! : 0; k < end; k++) ring.push([p.xy[2 * k]!, p.xy[2 * k + 1]!]);
      rings.push(ring);
    }
    polys.push(rings);
  }
  return p.multi[index] ? polys : polys[0]!;
}

const PACK = Symbol('pack');
const INDEX = Symbol('index');

interface Lazy {
  readonly [PACK]: PackedAreals;
  readonly [INDEX]: number;
}

/**
 * Coordinates built lately, by geometry: code that reads `coordinates` again
 * and again (a loop over a ring's vertices) gets the same arrays, while a
 * pass over all blocks (sending them to the map) leaves only short-lived garbage.
 */
const recent = new Map<Lazy, Position[][] | Position[][][]>();
const RECENT_MAX = 256;

function lazyCoordinates(this: Lazy) {
  let c = recent.get(this);
  if (!c) {
    c = unpackCoordinates(this[PACK], this[INDEX]);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(this, c);
  }
  return c;
}

/**
 * Geometry `index` of the pack as a GeoJSON geometry whose `coordinates` are
 * built from the pack when read. It is an ordinary object to every reader:
 * `coordinates` is an own enumerable property (a getter), so structured clone
 * (postMessage, IndexedDB), JSON and spreading see plain GeoJSON; the pack
 * hides behind non-enumerable symbol keys. Like every geometry in the
 * document, it is never changed in place.
 */
export function lazyAreal(p: PackedAreals, index: number): Areal {
  const g = { type: p.multi[index] ? 'MultiPolygon' : 'Polygon' };
  Object.defineProperty(g, 'coordinates', { get: lazyCoordinates, enumerable: true });
  Object.defineProperty(g, PACK, { value: p });
  Object.defineProperty(g, INDEX, { value: index });
  return g as Areal;
}

/** Whether a geometry reads its coordinates from a pack (see `lazyAreal`). */
export function isLazyAreal(g: object): boolean {
  return PACK in g;
}

/**
 * Calls `fn` with the extent of each polygon's outer ring (an empty ring is
 * skipped), without building the coordinates of a packed geometry.
 */
export function forEachOuterRingExtent(
  g: Areal,
  fn: (west: number, south: number, east: number, north: number) => void,
): void {
  if (!isLazyAreal(g)) {
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      const ring = poly[0];
      if (!ring?.length) continue;
      let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const p of ring) {
        w = Math.min(w, p[0]!);
        e = Math.max(e, p[0]!);
        s = Math.min(s, p[1]!);
        n = Math.max(n, p[1]!);
      }
      fn(w, s, e, n);
    }
    return;
  }
  const { [PACK]: p, [INDEX]: i } = g as unknown as Lazy;
  for (let q = i ? p.geometryEnds[i - 1]! : 0; q < p.geometryEnds[i]!; q++) {
    const r = q ? p.polygonEnds[q - 1]! : 0;
    if (r === p.polygonEnds[q]) continue;
    const end = p.ringEnds[r]!;
    const start = r ? p.ringEnds[r - 1]! : 0;
    if (start === end) continue;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = start; k < end; k++) {
      const x = p.xy[2 * k]!;
      const y = p.xy[2 * k + 1]!;
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
    fn(w, s, e, n);
  }
}

/** Where polygon q's rings start in a pack, and ring r's positions. */
const ringStart = (p: PackedAreals, q: number) => (q ? p.polygonEnds[q - 1]! : 0);
const positionStart = (p: PackedAreals, r: number) => (r ? p.ringEnds[r - 1]! : 0);

/** Geometry i of a pack: its polygons [q0, q1), rings [r0, r1) and positions [k0, k1). */
function spanOf(p: PackedAreals, i: number) {
  const q0 = i ? p.geometryEnds[i - 1]! : 0;
  const q1 = p.geometryEnds[i]!;
  const r0 = ringStart(p, q0);
  const r1 = ringStart(p, q1);
  return { q0, q1, r0, r1, k0: positionStart(p, r0), k1: positionStart(p, r1) };
}

/** Positions in a geometry, without building its coordinates if it is packed. */
export function arealPositionCount(g: Areal): number {
  if (!isLazyAreal(g)) {
    let n = 0;
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      for (const ring of poly) n += ring.length;
    return n;
  }
  const { [PACK]: p, [INDEX]: i } = g as unknown as Lazy;
  const { k0, k1 } = spanOf(p, i);
  return k1 - k0;
}

/** The pack and index a geometry reads its coordinates from, if it is packed (see `lazyAreal`). */
export function packedSource(g: Areal): readonly [PackedAreals, number] | null {
  if (!isLazyAreal(g)) return null;
  const { [PACK]: p, [INDEX]: i } = g as unknown as Lazy;
  return [p, i];
}

/**
 * Geometries `indices` of a pack as a pack of their own (in that order),
 * copied range by range: no coordinate is built. All of a pack in order is
 * the pack itself, which the caller must then not transfer.
 */
export function subPack(p: PackedAreals, indices: readonly number[]): PackedAreals {
  if (indices.length === packedCount(p) && indices.every((i, k) => i === k)) return p;
  let polygons = 0;
  let rings = 0;
  let positions = 0;
  for (const i of indices) {
    const { q0, q1, r0, r1, k0, k1 } = spanOf(p, i);
    polygons += q1 - q0;
    rings += r1 - r0;
    positions += k1 - k0;
  }
  const out = {
    xy: new Float64Array(positions * 2),
    ringEnds: new Uint32Array(rings),
    polygonEnds: new Uint32Array(polygons),
    geometryEnds: new Uint32Array(indices.length),
    multi: new Uint8Array(indices.length),
  };
  let q = 0;
  let r = 0;
  let k = 0;
  indices.forEach((i, n) => {
    const { q0, q1, r0, r1, k0, k1 } = spanOf(p, i);
    out.xy.set(p.xy.subarray(2 * k0, 2 * k1), 2 * k);
    for (let x = r0; x < r1; x++) out.ringEnds[r + x - r0] = p.ringEnds[x]! - k0 + k;
    for (let x = q0; x < q1; x++) out.polygonEnds[q + x - q0] = p.polygonEnds[x]! - r0 + r;
    q += q1 - q0;
    r += r1 - r0;
    k += k1 - k0;
    out.geometryEnds[n] = q;
    out.multi[n] = p.multi[i]!;
  });
  return out;
}

/**
 * A packed geometry as one list of numbers, for storage: polygon count, each
 * polygon's ring count, each ring's position count, then x, y of every
 * position. Read from the pack: no coordinate is built. Stored in IndexedDB,
 * it is one array to clone instead of an array per position.
 */
export function flatAreal(g: Areal): Float64Array | null {
  const source = packedSource(g);
  if (!source) return null;
  const [p, i] = source;
  const { q0, q1, r0, r1, k0, k1 } = spanOf(p, i);
  // A typed array: IndexedDB copies it as one block of memory (a million positions as a list of numbers took 0.2 s).
  const head = 1 + (q1 - q0) + (r1 - r0);
  const out = new Float64Array(head + 2 * (k1 - k0));
  let at = 0;
  out[at++] = q1 - q0;
  for (let q = q0; q < q1; q++) out[at++] = ringStart(p, q + 1) - ringStart(p, q);
  for (let r = r0; r < r1; r++) out[at++] = positionStart(p, r + 1) - positionStart(p, r);
  out.set(p.xy.subarray(2 * k0, 2 * k1), head);
  return out;
}

/**
 * The rings of a packed geometry as ranges of its pack's `xy` (positions [start, end), per polygon),
 * for code that reads many positions without building them; null if the geometry is not packed.
 */
export function packedRings(g: Areal): { xy: Float64Array; polygons: [number, number][][] } | null {
  const source = packedSource(g);
  if (!source) return null;
  const [p, i] = source;
  const { q0, q1 } = spanOf(p, i);
  const polygons: [number, number][][] = [];
  for (let q = q0; q < q1; q++) {
    const rings: [number, number][] = [];
    for (let r = ringStart(p, q); r < ringStart(p, q + 1); r++)
      rings.push([positionStart(p, r), positionStart(p, r + 1)]);
    polygons.push(rings);
  }
  return { xy: p.xy, polygons };
}

/**
 * Geometries stored by `flatAreal`, packed together (`multi`: whether each is
 * a MultiPolygon). Throws, naming the geometry (`name`, else its index), if
 * one is not such a list.
 */
export class BadFlatError extends Error {
  /** `item`: the index of the geometry that is not such a list. */
  constructor(
    readonly item: number,
    name: string,
  ) {
    super(`stored geometry ${name} is not a packed polygon list`);
  }
}

export function packFlat(items: readonly { flat: unknown; multi: boolean; name?: string }[]): PackedAreals {
  let polygons = 0;
  let rings = 0;
  let positions = 0;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  items.forEach(({ flat, name }, i) => {
    const bad = () => new BadFlatError(i, name ?? String(i));
    if (!(Array.isArray(flat) || flat instanceof Float64Array) || !count(flat[0])) throw bad();
    const np = flat[0] as number;
    let nr = 0;
    for (let k = 1; k <= np; k++) {
      if (!count(flat[k])) throw bad();
      nr += flat[k] as number;
    }
    let nk = 0;
    for (let k = 1 + np; k <= np + nr; k++) {
      if (!count(flat[k])) throw bad();
      nk += flat[k] as number;
    }
    if (flat.length !== 1 + np + nr + 2 * nk) throw bad();
    for (let k = 1 + np + nr; k < flat.length; k++) if (!Number.isFinite(flat[k])) throw bad();
    polygons += np;
    rings += nr;
    positions += nk;
  });
  const out = {
    xy: new Float64Array(2 * positions),
    ringEnds: new Uint32Array(rings),
    polygonEnds: new Uint32Array(polygons),
    geometryEnds: new Uint32Array(items.length),
    multi: new Uint8Array(items.length),
  };
  let [q, r, k] = [0, 0, 0];
  items.forEach(({ flat, multi }, i) => {
    const f = flat as ArrayLike<number>;
    const np = f[0]!;
    const first = k;
    // Ring sizes follow the polygons' ring counts, ring after ring; then the coordinates.
    let at = 1 + np;
    for (let x = 1; x <= np; x++) {
      for (let y = 0; y < f[x]!; y++) {
        k += f[at++]!;
        out.ringEnds[r++] = k;
      }
      out.polygonEnds[q++] = r;
    }
    for (let z = at; z < f.length; z++) out.xy[2 * first + z - at] = f[z]!;
    out.geometryEnds[i] = q;
    out.multi[i] = multi ? 1 : 0;
  });
  return out;
}

/**
 * The extent [west, south, east, north] of every position of a packed
 * geometry, read from its pack (null if it has no position); undefined if the
 * geometry is not packed.
 */
export function packedExtent(g: object): [number, number, number, number] | null | undefined {
  if (!isLazyAreal(g)) return undefined;
  const { [PACK]: p, [INDEX]: i } = g as unknown as Lazy;
  const { k0, k1 } = spanOf(p, i);
  if (k0 === k1) return null;
  const e: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = k0; k < k1; k++) {
    const x = p.xy[2 * k]!;
    const y = p.xy[2 * k + 1]!;
    if (x < e[0]) e[0] = x;
    if (x > e[2]) e[2] = x;
    if (y < e[1]) e[1] = y;
    if (y > e[3]) e[3] = y;
  }
  return e;
}
