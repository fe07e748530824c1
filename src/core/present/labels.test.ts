import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { labelMinZoom, NEVER } from './labels';
import { lazyAreal, packAreals } from '../geo/packed';

/** A rectangle [west, south] + size in degrees. */
const rect = (w: number, s: number, dx: number, dy: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [w + dx, s],
      [w + dx, s + dy],
      [w, s + dy],
      [w, s],
    ],
  ],
});

describe('labelMinZoom', () => {
  it('is the zoom at which the block is 48 px wide (512 px world at zoom 0)', () => {
    // 48 px at zoom 12: 48 / (512 · 2^12) of 360°.
    const dx = (360 * 48) / (512 * 4096);
    expect(labelMinZoom(rect(116.3, 39.9, dx, 0.05))).toBeCloseTo(12, 2);
    // Half as wide needs one zoom level more.
    expect(labelMinZoom(rect(116.3, 39.9, dx / 2, 0.05))).toBeCloseTo(13, 2);
  });

  it('needs 16 px of height: a flat strip is named only when zoomed in far enough', () => {
    // 1 km of latitude near 40° N spans 1000 / 111,000 ≈ 0.009°; Mercator stretches it by 1/cos 40° ≈ 1.305.
    // 16 px = 0.009° · 1.305 / 360 · 512 · 2^z  →  z ≈ log2(16 · 360 / (0.009 · 1.305 · 512)) ≈ 9.91.
    const z = labelMinZoom(rect(116.3, 39.9, 1, 0.009));
    expect(z).toBeGreaterThan(9.85);
    expect(z).toBeLessThan(9.97);
  });

  it('a multipolygon is named where its largest part fits', () => {
    const big = rect(116.3, 39.9, 0.1, 0.1);
    const small = rect(116.5, 39.9, 0.001, 0.001);
    const multi = { type: 'MultiPolygon' as const, coordinates: [small.coordinates, big.coordinates] };
    expect(labelMinZoom(multi)).toBe(labelMinZoom(big));
  });

  it('a block without extent is never named', () => {
    expect(labelMinZoom(rect(116.3, 39.9, 0, 0.1))).toBe(NEVER);
    expect(labelMinZoom({ type: 'Polygon', coordinates: [] })).toBe(NEVER);
  });

  it('reads a packed block as it reads the same block in GeoJSON', () => {
    const blocks = [rect(116.3, 39.9, 0.01, 0.002), rect(116.4, 40, 0.2, 0.1)];
    const p = packAreals(blocks)!;
    expect(blocks.map((_, i) => labelMinZoom(lazyAreal(p, i)))).toEqual(blocks.map((b) => labelMinZoom(b)));
  });
});
