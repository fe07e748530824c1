// Run by union.test.ts in a process with a small stack (as a browser worker has): unions many squares.
import { unionGeometry } from '../../src/core/report/context';
import { geometryAreaM2 } from '../../src/core/geo/area';
import type { Polygon } from 'geojson';

const n = Number(process.argv[2]);
const squares: Polygon[] = [];
for (let k = 0; k < n; k++) {
  const x = 116 + (k % 200) * 0.002;
  const y = 39.5 + Math.floor(k / 200) * 0.002;
  const d = 0.001;
  squares.push({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
}
const u = unionGeometry(squares);
const sum = squares.reduce((a, s) => a + geometryAreaM2(s), 0);
process.stdout.write(JSON.stringify({ ratio: geometryAreaM2(u!) / sum }));
