import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { geographicLibKm2 } from '../browser/oracle';
import { unionGeometry } from '../../src/core/report/context';
import { geometryAreaM2 } from '../../src/core/geo/area';
import type { Polygon } from 'geojson';

/**
 * The totals' union of every block, at a planner's size. An earlier build spread all the
 * blocks into one call, which overflowed the analysis worker's stack at 100,000 imported
 * blocks (the page then showed no areas or verdicts), and put even blocks clear of all others
 * through the exact union (a million-vertex block took minutes). Areas against GeographicLib.
 */
describe('union of many blocks', () => {
  it('unions a chain of 12,000 overlapping squares with a 90 KB stack (as small as a worker’s) into their outline', () => {
    const out = execFileSync(
      process.execPath,
      ['--stack-size=90', '--import', 'tsx', 'test/unit/union-stack.ts', '12000'],
      { encoding: 'utf8' },
    );
    const u = JSON.parse(out) as { type: string; parts: number; areaM2: number };
    expect(u.type).toBe('Polygon');
    // The squares (0.0003° wide, every 0.0002°) merge into one rectangle.
    const east = 116 + 11_999 * 0.0002 + 0.0003;
    const rect = geographicLibKm2([
      [116, 39.9],
      [east, 39.9],
      [east, 39.9003],
      [116, 39.9003],
      [116, 39.9],
    ]);
    expect(Math.abs(u.areaM2 / 1e6 / rect - 1)).toBeLessThan(1e-6);
  });

  it('keeps 100,000 parcels side by side as they are (their union is their sum), as they are', () => {
    const squares: Polygon[] = [];
    for (let k = 0; k < 100_000; k++) {
      const x = 116 + (k % 400) * 0.001;
      const y = 39.7 + Math.floor(k / 400) * 0.001;
      squares.push({
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.0009, y],
            [x + 0.0009, y + 0.0009],
            [x, y + 0.0009],
            [x, y],
          ],
        ],
      });
    }
    const u = unionGeometry(squares)!;
    expect(u.type === 'MultiPolygon' && u.coordinates.length).toBe(100_000);
    const sum = squares.reduce((a, s) => a + geometryAreaM2(s), 0);
    expect(Math.abs(geometryAreaM2(u) / sum - 1)).toBeLessThan(1e-12);
  });
});
