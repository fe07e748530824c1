import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { suggestRetainedShape, RETAINED_TOLERANCE } from './retained-shape';
import { geometryAreaM2 } from '../geo/area';
import { polygonsOf } from '../overlay/zones';

const LAT = 39.98;
const kx = 111_320 * Math.cos((LAT * Math.PI) / 180);
const ky = 110_574;
/** A W × H metre rectangle with its south-west corner at (116.3, 39.98). */
function rectM(w: number, h: number): Polygon {
  const x1 = 116.3 + w / kx;
  const y1 = LAT + h / ky;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [116.3, LAT],
        [x1, LAT],
        [x1, y1],
        [116.3, y1],
        [116.3, LAT],
      ],
    ],
  };
}

/** What lies outside the block: nothing, for a retained shape. */
const outsideM2 = (shape: Polygon | ReturnType<typeof rectM>, block: Polygon) => {
  const d = polyclip.difference(
    polygonsOf(shape as Polygon) as polyclip.Geom,
    polygonsOf(block) as polyclip.Geom,
  ) as Position[][][];
  return d.reduce((a, p) => a + geometryAreaM2({ type: 'Polygon', coordinates: p }), 0);
};

describe('suggestRetainedShape', () => {
  it('shrinks a 2 × 1.5 km block evenly to half its area: the inset solves (W − 2d)(H − 2d) = A/2', () => {
    const block = rectM(2000, 1500);
    const full = geometryAreaM2(block);
    const s = suggestRetainedShape(block, full / 2)!;
    expect(Math.abs(s.areaM2 - full / 2)).toBeLessThanOrEqual((full / 2) * RETAINED_TOLERANCE);
    expect(geometryAreaM2(s.geometry)).toBeCloseTo(s.areaM2, 3);
    // (2000 − 2d)(1500 − 2d) = 1.5e6 → 4d² − 7000d + 1.5e6 = 0 → d = (7000 − √(49e6 − 24e6)) / 8 = 250 m.
    expect(s.insetM).toBeCloseTo(250, -1); // within 5 m: turf buffers on a sphere, we measure on the ellipsoid
    expect(outsideM2(s.geometry as Polygon, block)).toBeLessThan(1e-3);
    expect(s.iterations).toBeLessThan(15);
  });

  it('keeps 75 % of an L-shaped block inside the block', () => {
    const L: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [116.3, LAT],
          [116.3 + 2000 / kx, LAT],
          [116.3 + 2000 / kx, LAT + 600 / ky],
          [116.3 + 600 / kx, LAT + 600 / ky],
          [116.3 + 600 / kx, LAT + 2000 / ky],
          [116.3, LAT + 2000 / ky],
          [116.3, LAT],
        ],
      ],
    };
    const full = geometryAreaM2(L);
    const s = suggestRetainedShape(L, full * 0.75)!;
    expect(Math.abs(s.areaM2 - full * 0.75)).toBeLessThanOrEqual(full * 0.75 * RETAINED_TOLERANCE);
    expect(outsideM2(s.geometry as Polygon, L)).toBeLessThan(1e-3);
  });

  it('offers nothing when the whole block is kept or nothing is', () => {
    const block = rectM(1000, 1000);
    const full = geometryAreaM2(block);
    expect(suggestRetainedShape(block, full)).toBeNull();
    expect(suggestRetainedShape(block, 0)).toBeNull();
  });
});
