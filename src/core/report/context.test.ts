import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { buildContext } from './context';
import { embeddedLayers } from '../../cli/load';
import { blockShape, pointInPolygons, polygonsOf, type Areal } from '../overlay/zones';

describe('report context', () => {
  const layers = embeddedLayers();
  const fast = buildContext(layers); // scope derived from the sub-parks
  const direct = buildContext({ ...layers, scopeIsSubparkUnion: false }); // scope clipped directly

  it('gives the same scope and national-zone overlaps whether derived from the sub-parks or clipped', () => {
    const parks = layers.subparks.features.map((f) => polygonsOf(f.geometry as Areal));
    let seed = 3;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    let n = 0;
    while (n < 200) {
      const c: Position = [115.9 + rand() * 1.3, 39.55 + rand() * 0.9];
      // Half near sub-parks, half anywhere (including the Yizhuang core outside the scope).
      if (n % 2 === 0 && !parks.some((p) => pointInPolygons(c, p))) continue;
      const ring: Position[] = [];
      for (let i = 0; i < 40; i++) {
        const t = (2 * Math.PI * i) / 40;
        ring.push([c[0]! + 0.012 * Math.cos(t), c[1]! + 0.009 * Math.sin(t)]);
      }
      ring.push(ring[0]!);
      const b = blockShape({ type: 'Polygon', coordinates: [ring] });
      const sub = fast.subparks.overlaps(b).reduce((a, o) => a + o.m2, 0);
      expect(fast.scopeKm2(b, sub)).toBeCloseTo(direct.scopeKm2(b, sub), 6);
      expect(fast.nationalKm2(b, sub)).toBeCloseTo(direct.nationalKm2(b, sub), 6);
      n++;
    }
  });

  it('refuses scopeIsSubparkUnion when the scope is not the dissolve of the sub-parks', () => {
    const half = { ...layers.subparks, features: layers.subparks.features.slice(0, 8) };
    expect(() => buildContext({ ...layers, subparks: half, scopeIsSubparkUnion: true })).toThrow(
      /scopeIsSubparkUnion/,
    );
  });
});
