// Run by union.test.ts in a process with a small stack (as a browser worker has): the union of a
// chain of n overlapping squares along a parallel, whose extents all touch (one exact union).
import { unionGeometry } from '../../src/core/report/context';
import { geometryAreaM2 } from '../../src/core/geo/area';
import type { Polygon } from 'geojson';

const n = Number(process.argv[2]);
const [x0, y0, step, d] = [116, 39.9, 0.0002, 0.0003];
const squares: Polygon[] = [];
for (let k = 0; k < n; k++) {
  const x = x0 + k * step;
  squares.push({
    type: 'Polygon',
    coordinates: [
      [
        [x, y0],
        [x + d, y0],
        [x + d, y0 + d],
        [x, y0 + d],
        [x, y0],
      ],
    ],
  });
}
const u = unionGeometry(squares)!;
const ring = u.type === 'Polygon' ? u.coordinates[0]! : [];
process.stdout.write(
  JSON.stringify({
    type: u.type,
    parts: u.type === 'Polygon' ? 1 : u.coordinates.length,
    areaM2: geometryAreaM2(u),
    ring,
  }),
);
