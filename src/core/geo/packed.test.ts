import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  arealPositionCount,
  flatAreal,
  forEachOuterRingExtent,
  isLazyAreal,
  lazyAreal,
  packAreals,
  packBuffers,
  packFlat,
  packedSource,
  subPack,
  unpackAreal,
} from './packed';

import { square, two, withHole } from './test-geometries';

const geoms = [square, two, withHole];

describe('packed geometries', () => {
  it('unpack gives back each geometry exactly, holes and multipolygons included', () => {
    const p = packAreals(geoms)!;
    expect(geoms.map((_, i) => unpackAreal(p, i))).toEqual(geoms);
    // 5 + (5 + 5 + 4) + (5 + 4) positions, 1 + 3 + 2 rings, 1 + 2 + 1 polygons
    expect(p.xy.length).toBe(28 * 2);
    expect([p.ringEnds.length, p.polygonEnds.length, p.geometryEnds.length]).toEqual([6, 4, 3]);
  });

  it('refuses positions that are not two finite numbers (the caller keeps those as GeoJSON)', () => {
    const z: Polygon = {
      type: 'Polygon',
      coordinates: [square.coordinates[0]!.map(([x, y]) => [x!, y!, 50])],
    };
    expect(packAreals([square, z])).toBeNull();
    const nan: Polygon = { type: 'Polygon', coordinates: [[[NaN, 40], ...square.coordinates[0]!]] };
    expect(packAreals([nan])).toBeNull();
  });

  it('a lazy geometry reads as plain GeoJSON to JSON, structured clone, spreading and deep equality', () => {
    const p = packAreals(geoms)!;
    geoms.forEach((g, i) => {
      const lazy = lazyAreal(p, i);
      expect(isLazyAreal(lazy)).toBe(true);
      expect(isLazyAreal(g)).toBe(false);
      expect(lazy.type).toBe(g.type);
      expect(JSON.parse(JSON.stringify(lazy))).toEqual(g);
      // What postMessage and IndexedDB do to it.
      const clone = structuredClone(lazy);
      expect(clone).toEqual(g);
      expect(isLazyAreal(clone)).toBe(false);
      expect({ ...lazy }).toEqual(g);
      expect(lazy).toEqual(g);
      expect(Object.keys(lazy)).toEqual(['type', 'coordinates']);
    });
  });

  it('reading coordinates again gives the same arrays, so loops over a ring do not rebuild it', () => {
    const lazy = lazyAreal(packAreals([withHole])!, 0) as Polygon;
    expect(lazy.coordinates[1]).toBe(lazy.coordinates[1]);
  });

  it('coordinates cannot be replaced: geometries are never changed in place', () => {
    const lazy = lazyAreal(packAreals([square])!, 0) as Polygon;
    expect(() => {
      'use strict';
      (lazy as { coordinates: unknown }).coordinates = [];
    }).toThrow(TypeError);
  });

  it('counts positions without building coordinates, the same as for plain geometry', () => {
    const p = packAreals(geoms)!;
    expect(geoms.map((g) => arealPositionCount(g))).toEqual([5, 14, 9]);
    expect(geoms.map((_, i) => arealPositionCount(lazyAreal(p, i)))).toEqual([5, 14, 9]);
  });

  it("gives each polygon's outer-ring extent, packed or not", () => {
    const extents = (g: Polygon | MultiPolygon) => {
      const out: number[][] = [];
      forEachOuterRingExtent(g, (w, s, e, n) => out.push([w, s, e, n]));
      return out;
    };
    const expected = [
      [[116.3, 39.9, 116.31, 39.91]],
      [
        [116.3, 39.9, 116.31, 39.91],
        [116, 40, 116.1, 40.1],
      ],
      [[116, 40, 116.1, 40.1]],
    ];
    expect(geoms.map(extents)).toEqual(expected);
    const p = packAreals(geoms)!;
    expect(geoms.map((_, i) => extents(lazyAreal(p, i)))).toEqual(expected);
    // An empty polygon has no extent.
    expect(extents({ type: 'Polygon', coordinates: [[]] })).toEqual([]);
    expect(extents(lazyAreal(packAreals([{ type: 'Polygon', coordinates: [[]] }])!, 0))).toEqual([]);
  });

  it('tells the pack and index a geometry reads from; plain GeoJSON has none', () => {
    const p = packAreals(geoms)!;
    expect(packedSource(lazyAreal(p, 2))).toEqual([p, 2]);
    expect(packedSource(square)).toBeNull();
  });

  it('makes a pack of some geometries, in the order asked, without building coordinates', () => {
    const empty: Polygon = { type: 'Polygon', coordinates: [] };
    const all = [square, two, withHole, empty, square];
    const p = packAreals(all)!;
    for (const indices of [[2], [1, 3, 0], [4, 2, 1], [3], [], [0, 0]]) {
      const q = subPack(p, indices);
      expect(q.geometryEnds.length).toBe(indices.length);
      expect(indices.map((_, n) => unpackAreal(q, n))).toEqual(indices.map((i) => all[i]));
    }
    // All of it, in order, is the pack itself (not copied).
    expect(subPack(p, [0, 1, 2, 3, 4])).toBe(p);
  });

  it('stores a packed geometry as one list of numbers and packs such lists again', () => {
    const empty: Polygon = { type: 'Polygon', coordinates: [] };
    const all = [square, two, withHole, empty];
    const p = packAreals(all)!;
    const flats = all.map((_, i) => flatAreal(lazyAreal(p, i))!);
    // Counts first (polygons, rings per polygon, positions per ring), then x, y.
    // One typed array (IndexedDB copies it as one block of memory).
    expect(flats[0]).toBeInstanceOf(Float64Array);
    expect([...flats[0]!]).toEqual([1, 1, 5, ...square.coordinates[0]!.flat()]);
    expect([...flats[3]!]).toEqual([1, 0]);
    expect([...flats[1]!.slice(0, 6)]).toEqual([2, 1, 2, 5, 5, 4]);
    const q = packFlat(flats.map((flat, i) => ({ flat, multi: all[i]!.type === 'MultiPolygon' })));
    expect(all.map((_, i) => unpackAreal(q, i))).toEqual(all);
    // Lists of numbers written by an earlier build still pack.
    const old = packFlat(
      flats.map((flat, i) => ({ flat: [...flat], multi: all[i]!.type === 'MultiPolygon' })),
    );
    expect(all.map((_, i) => unpackAreal(old, i))).toEqual(all);
    // Plain GeoJSON is stored as it is.
    expect(flatAreal(square)).toBeNull();
  });

  it('refuses a stored list that is not a packed geometry, naming which', () => {
    const good = { flat: [1, 1, 4, 0, 0, 1, 0, 1, 1, 0, 0], multi: false };
    expect(unpackAreal(packFlat([good]), 0).coordinates).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ]);
    for (const flat of [
      null,
      'x',
      [],
      [1, 1, 4, 0, 0, 1, 0, 1, 1, 0],
      [1, 1, 4, 0, 0, 1, 0, 1, 1, 0, 0, 9],
      [1, 1, 4, 0, 0, 1, 0, NaN, 1, 0, 0],
      [1, 1.5, 4, 0, 0, 1, 0, 1, 1, 0, 0],
      [-1],
      [1, 1, '4', 0, 0, 1, 0, 1, 1, 0, 0],
    ])
      expect(() => packFlat([good, { flat, multi: false }])).toThrow('stored geometry 1 is not');
  });

  it('an empty list packs to empty arrays; the buffers can be transferred', () => {
    const p = packAreals([])!;
    expect(p.geometryEnds.length).toBe(0);
    const q = packAreals(geoms)!;
    const moved = structuredClone(q, { transfer: packBuffers(q) });
    expect(q.xy.length).toBe(0);
    expect(unpackAreal(moved, 2)).toEqual(withHole);
  });
});
