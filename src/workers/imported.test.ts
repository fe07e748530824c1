import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { packAreals } from '../core/geo/packed';
import { importedCount, importedFeatures } from './analysis-client';
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
    expect(importedCount(pieces)).toBe(3);
    const got = [...importedFeatures(pieces)];
    expect(got.map((f) => f.properties.name)).toEqual(['A', 'B', 'C']);
    expect(got.map((f) => f.geometry)).toEqual([...a, ...b]);
  });
});
