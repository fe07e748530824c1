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

describe('snapPoint in Web Mercator', () => {
  // MapLibre's screen at zoom z (512-px tiles), north up, the pointer's neighbourhood centred on (cx, cy).
  const mercator = (z: number, lon0: number, lat0: number) => {
    const world = 512 * 2 ** z;
    const mx = (lon: number) => ((lon + 180) / 360) * world;
    const my = (lat: number) =>
      ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
    const ox = mx(lon0) - 400;
    const oy = my(lat0) - 300;
    const project: Project = (lon, lat) => ({ x: mx(lon) - ox, y: my(lat) - oy });
    const unproject: Unproject = (x, y) => {
      const lng = ((x + ox) / world) * 360 - 180;
      const n = Math.PI * (1 - (2 * (y + oy)) / world);
      return { lng, lat: (Math.atan(Math.sinh(n)) * 180) / Math.PI };
    };
    return { project, unproject };
  };

  it('snaps onto the middle of a 5 km edge at zoom 18 where the exact projection puts it', () => {
    // A long diagonal edge near Beijing; the pointer 4 px off its middle.
    const a = [116.3, 39.98];
    const b = [116.34, 40.015];
    const mid = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
    const { project, unproject } = mercator(18, mid[0]!, mid[1]!);
    const m = project(mid[0]!, mid[1]!);
    const idx = buildSnapIndex([{ type: 'Polygon', coordinates: [[a, b, [116.34, 39.98], a]] } as Polygon]);
    const s = snapPoint(idx, m.x + 4, m.y - 1, 10, project, unproject)!;
    expect(s.kind).toBe('edge');
    // The exact answer, independently: the edge sampled densely in lon/lat, each sample projected exactly.
    let best = { d: Infinity, t: 0 };
    for (let i = 0; i <= 200_000; i++) {
      const t = 0.49 + (0.02 * i) / 200_000;
      const p = project(a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!));
      const dist = Math.hypot(p.x - (m.x + 4), p.y - (m.y - 1));
      if (dist < best.d) best = { d: dist, t };
    }
    expect(Math.abs(s.distancePx - best.d)).toBeLessThan(0.01);
    const exact = project(a[0]! + best.t * (b[0]! - a[0]!), a[1]! + best.t * (b[1]! - a[1]!));
    const got = project(s.position[0]!, s.position[1]!);
    expect(Math.hypot(got.x - exact.x, got.y - exact.y)).toBeLessThan(0.05);
  });
});
