import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { blockShape, ZoneSet } from './zones';
import { ringAreaM2 } from '../geo/area';

// Degenerate contacts that snapping makes common. Expected areas follow from the
// construction (a shared edge, a touching corner, a copy of the zone), not from this code.
const ring = (...pts: [number, number][]): Position[] => [...pts, pts[0]!];
const poly = (...pts: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [ring(...pts)] });
const zone = poly([116.4, 39.9], [116.5, 39.9], [116.5, 40.0], [116.4, 40.0]);
const set = new ZoneSet([{ id: 'Z', geometry: zone, props: {} }]);
const overlap = (g: Polygon) => set.overlaps(blockShape(g))[0]?.m2 ?? 0;
const area = (g: Polygon) => ringAreaM2(g.coordinates[0]!);

describe('intersection area at degenerate contacts', () => {
  it('a block inside, sharing part of the zone edge: the whole block', () => {
    const b = poly([116.45, 39.9], [116.47, 39.9], [116.47, 39.92], [116.45, 39.92]);
    expect(overlap(b) / area(b)).toBeCloseTo(1, 9);
  });

  it('a block outside, sharing part of the zone edge: nothing', () => {
    const b = poly([116.45, 39.88], [116.47, 39.88], [116.47, 39.9], [116.45, 39.9]);
    expect(overlap(b)).toBeLessThan(1e-6 * area(b));
  });

  it('a block touching the zone at a corner only: nothing', () => {
    const b = poly([116.5, 40.0], [116.52, 40.0], [116.52, 40.02], [116.5, 40.02]);
    expect(overlap(b)).toBeLessThan(1e-6 * area(b));
  });

  it('a block with a vertex on the zone edge, poking out: the part inside', () => {
    // Triangle apex on the edge at 116.4: all of it outside except the apex.
    const outside = poly([116.38, 39.94], [116.4, 39.95], [116.38, 39.96]);
    expect(overlap(outside)).toBeLessThan(1e-6 * area(outside));
    const inside = poly([116.42, 39.94], [116.4, 39.95], [116.42, 39.96]).coordinates[0]!.slice().reverse();
    const b: Polygon = { type: 'Polygon', coordinates: [inside] };
    expect(overlap(b) / area(b)).toBeCloseTo(1, 9);
  });

  it('a copy of the zone: the zone area, whichever way it winds', () => {
    expect(overlap(zone) / area(zone)).toBeCloseTo(1, 9);
    const reversed: Polygon = { type: 'Polygon', coordinates: [[...zone.coordinates[0]!].reverse()] };
    expect(overlap(reversed) / area(zone)).toBeCloseTo(1, 9);
  });

  it('a block straddling the edge and running along it for a while', () => {
    // L-shaped block: the part east of 116.4 is inside; its west part is outside.
    const b = poly(
      [116.39, 39.92],
      [116.42, 39.92],
      [116.42, 39.94],
      [116.4, 39.94],
      [116.4, 39.93],
      [116.39, 39.93],
    );
    const insidePart = poly([116.4, 39.92], [116.42, 39.92], [116.42, 39.94], [116.4, 39.94]);
    expect(overlap(b) / area(insidePart)).toBeCloseTo(1, 6);
  });

  it('a zone with the block exactly filling a hole: nothing', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        zone.coordinates[0]!,
        ring([116.44, 39.94], [116.44, 39.96], [116.46, 39.96], [116.46, 39.94]),
      ],
    };
    const s = new ZoneSet([{ id: 'H', geometry: holed, props: {} }]);
    const b = poly([116.44, 39.94], [116.46, 39.94], [116.46, 39.96], [116.44, 39.96]);
    expect(s.overlaps(blockShape(b))[0]?.m2 ?? 0).toBeLessThan(1e-6 * area(b));
  });
});
