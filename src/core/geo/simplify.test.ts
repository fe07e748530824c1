import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { simplifyArealSteps } from './simplify';
import { runToEnd } from '../../util/tasks';
import { geometryAreaM2 } from './area';
import { lazyAreal, packAreals } from './packed';

const circle = (n: number, r = 0.01): Polygon => {
  const ring = Array.from({ length: n }, (_, i) => [
    116.4 + r * Math.cos((2 * Math.PI * i) / n),
    39.9 + r * Math.sin((2 * Math.PI * i) / n),
  ]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
};

describe('outline thinned for display', () => {
  it('keeps a million-vertex circle within the tolerance with a few hundred positions, in steps', () => {
    const g = circle(1_000_000);
    const steps = simplifyArealSteps(g, 1e-7);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    const thin = r.value as Polygon;
    const ring = thin.coordinates[0]!;
    // A chord of a circle of radius R departs from it by R(1 − cos(θ/2)) ≤ 1e-7: π / acos(1 − 1e-7 / R) chords at least.
    expect(ring.length).toBeGreaterThan(Math.PI / Math.acos(1 - 1e-7 / 0.01));
    expect(ring.length).toBeLessThan(5_000);
    expect(yields).toBeGreaterThan(10);
    expect(ring[0]).toEqual(ring.at(-1));
    // The area moves by less than the tolerance times the perimeter.
    const slack = 1e-7 * 111_000 * (2 * Math.PI * 0.01 * 111_000);
    expect(Math.abs(geometryAreaM2(thin) - geometryAreaM2(g))).toBeLessThan(slack);
  });

  it('reads a packed geometry from its pack, with the same result', () => {
    const g = circle(200_000);
    const pack = packAreals([g])!;
    expect(runToEnd(simplifyArealSteps(lazyAreal(pack, 0), 1e-7))).toEqual(
      runToEnd(simplifyArealSteps(g, 1e-7)),
    );
  });

  it('leaves a small polygon as it is', () => {
    const g = circle(4);
    expect(runToEnd(simplifyArealSteps(g, 1e-7)).coordinates).toEqual(g.coordinates);
  });
});
