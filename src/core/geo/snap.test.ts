import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { buildSnapIndex, snapPoint, type Project, type Unproject } from './snap';

// A screen where 1 px = 1e-5° in both axes, origin at (116.3, 40.0), y down.
const project: Project = (lon, lat) => ({ x: (lon - 116.3) / 1e-5, y: (40.0 - lat) / 1e-5 });
const unproject: Unproject = (x, y) => ({ lng: 116.3 + x * 1e-5, lat: 40.0 - y * 1e-5 });

// A square from (100, 100) to (200, 200) px.
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116.301, 39.998],
      [116.302, 39.998],
      [116.302, 39.999],
      [116.301, 39.999],
      [116.301, 39.998],
    ],
  ],
};

describe('snapPoint', () => {
  const idx = buildSnapIndex([square]);

  it('snaps to a corner within the tolerance, exactly', () => {
    const s = snapPoint(idx, 203, 196, 10, project, unproject)!;
    expect(s.kind).toBe('vertex');
    expect(s.position).toEqual([116.302, 39.998]);
    expect(s.distancePx).toBeCloseTo(5, 9);
  });

  it('prefers a vertex to a nearer edge point', () => {
    // 3 px from the right edge, 8 px from its lower corner.
    const s = snapPoint(idx, 203, 192.6, 10, project, unproject)!;
    expect(s.kind).toBe('vertex');
  });

  it('snaps to the nearest point of an edge when no vertex is near', () => {
    const s = snapPoint(idx, 150, 104, 10, project, unproject)!;
    expect(s.kind).toBe('edge');
    expect(s.position[0]).toBeCloseTo(116.3015, 12);
    expect(s.position[1]).toBeCloseTo(39.999, 12);
    expect(s.distancePx).toBeCloseTo(4, 9);
  });

  it('returns null beyond the tolerance and for an empty index', () => {
    expect(snapPoint(idx, 150, 150, 10, project, unproject)).toBeNull();
    expect(snapPoint(buildSnapIndex([]), 100, 100, 10, project, unproject)).toBeNull();
  });
});
