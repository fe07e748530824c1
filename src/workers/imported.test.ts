import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { packAreals } from '../core/geo/packed';
import { importedFeatures, importedPieces, PIECE_BLOCKS } from './imported';
import type { ImportedPiece } from './protocol';

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 40],
      [x + 0.01, 40],
      [x + 0.01, 40.01],
      [x, 40],
    ],
  ],
});

describe('imported pieces on the page', () => {
  it('gives every block of every piece, in order, packed or not, as the file had it', () => {
    const a = [square(116), square(116.1)];
    const b = [
      { ...square(116.2), coordinates: [square(116.2).coordinates[0]!.map(([x, y]) => [x!, y!, 7])] },
    ];
    const pieces: ImportedPiece[] = [
      { properties: [{ name: 'A' }, { name: 'B' }], packed: packAreals(a) },
      // A third coordinate cannot be packed: the piece carries GeoJSON.
      { properties: [{ name: 'C' }], packed: packAreals(b), geometries: b },
    ];
    expect(pieces[1]!.packed).toBeNull();
    const got = [...importedFeatures(pieces)];
    expect(got.map((f) => f.properties.name)).toEqual(['A', 'B', 'C']);
    expect(got.map((f) => f.geometry)).toEqual([...a, ...b]);
  });

  it('packs 5,000 blocks per piece, and cuts pieces it cannot pack by size', () => {
    const feature = (g: Polygon) => ({ type: 'Feature' as const, properties: { name: 'x' }, geometry: g });
    const flat = Array.from({ length: 12_000 }, (_, i) => feature(square(116 + i * 1e-4)));
    const pieces = importedPieces(flat);
    expect(pieces.map((p) => p.properties.length)).toEqual([PIECE_BLOCKS, PIECE_BLOCKS, 2_000]);
    expect(pieces.every((p) => p.packed && !p.geometries)).toBe(true);
    expect([...importedFeatures(pieces)].map((f) => f.geometry)).toEqual(flat.map((f) => f.geometry));
    // With heights, 2,000 blocks of 4 positions go as GeoJSON in pieces of at most 20,000 positions' clone.
    const tall = flat
      .slice(0, 2_000)
      .map((f) =>
        feature({ type: 'Polygon', coordinates: [f.geometry.coordinates[0]!.map(([x, y]) => [x!, y!, 30])] }),
      );
    const cut = importedPieces(tall);
    expect(cut.length).toBe(3);
    expect(cut.every((p) => p.packed === null && p.geometries!.length === p.properties.length)).toBe(true);
    expect([...importedFeatures(cut)].map((f) => f.geometry)).toEqual(tall.map((f) => f.geometry));
  });
});
