import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { blockShape, ZoneSet } from './zones';
import { geometryAreaM2, polygonAreaM2 } from '../geo/area';

const rect = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('ZoneSet overlaps', () => {
  const zoneA = rect(116.3, 39.9, 116.4, 40.0);
  const holed: Polygon = {
    type: 'Polygon',
    coordinates: [
      rect(116.5, 39.9, 116.6, 40.0).coordinates[0]!,
      [...rect(116.54, 39.94, 116.56, 39.96).coordinates[0]!].reverse(),
    ],
  };
  const zones = new ZoneSet([
    { id: 'A', geometry: zoneA, props: {} },
    { id: 'H', geometry: holed, props: {} },
  ]);

  it('gives the whole block for a block inside a zone, nothing for one outside', () => {
    const inside = blockShape(rect(116.32, 39.92, 116.33, 39.93));
    expect(zones.overlaps(inside)).toEqual([{ zone: zones.get('A'), m2: inside.areaM2 }]);
    expect(zones.overlaps(blockShape(rect(116.42, 39.92, 116.43, 39.93)))).toEqual([]);
  });

  it('gives half a block split symmetrically by a zone edge (meridian 116.4)', () => {
    const b = blockShape(rect(116.39, 39.95, 116.41, 39.96));
    const [o] = zones.overlaps(b);
    expect(o!.zone.id).toBe('A');
    // Not exactly ½: the split adds a vertex on the parallel, under the block's great-circle top edge.
    expect(o!.m2 / b.areaM2).toBeCloseTo(0.5, 6);
  });

  it('gives the zone area when the zone lies inside the block', () => {
    const b = blockShape(rect(116.2, 39.8, 116.45, 40.1));
    expect(zones.overlaps(b)[0]!.m2).toBeCloseTo(geometryAreaM2(zoneA), 3);
  });

  it('respects holes: a block in the hole is outside, one straddling the hole edge is partly in', () => {
    expect(zones.overlaps(blockShape(rect(116.545, 39.945, 116.555, 39.955)))).toEqual([]);
    const b = blockShape(rect(116.53, 39.945, 116.55, 39.955)); // half in the hole
    expect(zones.overlaps(b)[0]!.m2 / b.areaM2).toBeCloseTo(0.5, 6);
  });

  // The oracle, polyclip-ts, takes ~8 ms per intersection: give it room on a busy 2-core machine.
  it(
    'agrees with plain polyclip clipping on 150 random blobs around a concave zone',
    { timeout: 60_000 },
    () => {
      // A concave, many-vertex zone like a district boundary.
      const ring: Position[] = [];
      for (let i = 0; i < 400; i++) {
        const t = (2 * Math.PI * i) / 400;
        const r = 0.1 * (1 + 0.3 * Math.sin(5 * t) + 0.1 * Math.sin(17 * t));
        ring.push([116.4 + r * Math.cos(t) * 1.3, 39.9 + r * Math.sin(t)]);
      }
      ring.push(ring[0]!);
      const zone: Polygon = { type: 'Polygon', coordinates: [ring] };
      const set = new ZoneSet([{ id: 'Z', geometry: zone, props: {} }]);
      let seed = 42;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let k = 0; k < 150; k++) {
        const cx = 116.25 + rand() * 0.3;
        const cy = 39.78 + rand() * 0.24;
        const blob: Position[] = [];
        for (let i = 0; i < 50; i++) {
          const t = (2 * Math.PI * i) / 50;
          const r = 0.01 * (1 + 0.3 * Math.sin(3 * t + k));
          blob.push([cx + r * Math.cos(t), cy + r * Math.sin(t)]);
        }
        blob.push(blob[0]!);
        const expected = (
          polyclip.intersection([[blob]] as polyclip.Geom, [[ring]] as polyclip.Geom) as Position[][][]
        ).reduce((a, p) => a + polygonAreaM2(p), 0);
        const got = set.overlaps(blockShape({ type: 'Polygon', coordinates: [blob] }))[0]?.m2 ?? 0;
        expect(Math.abs(got - expected), `blob ${k}`).toBeLessThan(1e-6 * polygonAreaM2([blob]) + 1e-6);
      }
    },
  );
});
