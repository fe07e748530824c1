import { describe, expect, it } from 'vitest';
import kinks from '@turf/kinks';
import type { Polygon, Position } from 'geojson';
import { kinkPoints } from './self-intersections';

/** A deterministic pseudo-random generator, so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const key = (p: Position) => `${p[0]!.toFixed(12)},${p[1]!.toFixed(12)}`;
const keys = (ps: Position[]) => [...new Set(ps.map(key))].sort();

describe('kinkPoints', () => {
  it('finds the crossing of a bow-tie', () => {
    const bowtie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    expect(kinkPoints(bowtie).points).toEqual([[1, 1]]);
  });

  it('agrees with @turf/kinks (all pairs tested) on 200 random polygons with holes', () => {
    const next = rng(7);
    for (let trial = 0; trial < 200; trial++) {
      const ring = (n: number, cx: number, cy: number, r: number): Position[] => {
        const pts: Position[] = [];
        for (let i = 0; i < n; i++) pts.push([cx + (next() - 0.5) * r, cy + (next() - 0.5) * r]);
        return [...pts, pts[0]!];
      };
      const poly: Polygon = {
        type: 'Polygon',
        coordinates: [ring(4 + Math.floor(next() * 12), 0, 0, 10), ring(3 + Math.floor(next() * 5), 0, 0, 4)],
      };
      const expected = keys(kinks(poly).features.map((f) => f.geometry.coordinates));
      expect(keys(kinkPoints(poly).points), `trial ${trial}`).toEqual(expected);
    }
  });

  it('checks a million-vertex ring without crossings quickly (no pair-by-pair loop)', () => {
    const n = 1_000_000;
    const ring: Position[] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      ring.push([116.4 + 0.01 * Math.cos(a), 39.9 + 0.01 * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    const r = kinkPoints({ type: 'Polygon', coordinates: [ring] });
    expect(r).toEqual({ points: [], gaveUp: false });
  });

  it('gives up, saying so, on a shape whose edges all overlap in their boxes', () => {
    // A star with spikes through the centre: every edge's box holds the centre.
    const n = 20_000;
    const ring: Position[] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = i % 2 ? 1 : 1e-9;
      ring.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    expect(kinkPoints({ type: 'Polygon', coordinates: [ring] }, 1_000_000).gaveUp).toBe(true);
  });
});
