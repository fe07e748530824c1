/**
 * Benchmarks of the measurement and rules core (issue #3), one thread.
 * Prints the figures and checks the budgets; exits 1 when one is missed.
 *
 *   npm run bench
 *
 * Budgets:
 *   - area ≥ 15× faster than GeographicLib, at ≤ 1e-5 relative error;
 *   - area + overlay + rule for 1,000 blocks of 50 vertices ≤ 50 ms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import geodesic from 'geographiclib-geodesic';
import turfArea from '@turf/area';
import { geometryAreaM2 } from '../src/core/geo/area';
import { planarAreaM2 } from '../src/core/geo/planar';
import { pointInPolygons, polygonsOf, type Areal } from '../src/core/overlay/zones';
import { buildContext } from '../src/core/report/context';
import { assessBlocks } from '../src/core/report/evaluate-blocks';
import { embeddedLayers } from '../src/cli/load';

const geod = geodesic.Geodesic.WGS84;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** n blocks of 50 vertices, centred inside the sub-parks (some straddle their edges). */
function makeBlocks(n: number, subparks: FeatureCollection): FeatureCollection<Polygon> {
  const rand = rng(20261123 + n);
  const polys = subparks.features.map((f) => polygonsOf(f.geometry as Areal));
  const [w, s, e, nn] = [115.8, 39.5, 117.2, 40.5];
  const features: Feature<Polygon>[] = [];
  while (features.length < n) {
    const c: Position = [w + rand() * (e - w), s + rand() * (nn - s)];
    if (!polys.some((p) => pointInPolygons(c, p))) continue;
    const rKm = 0.25 + rand() * 0.75;
    const phase = rand() * 6.28;
    const ring: Position[] = [];
    for (let i = 0; i < 50; i++) {
      const t = (2 * Math.PI * i) / 50;
      const r = rKm * (1 + 0.2 * Math.sin(3 * t + phase) + 0.08 * Math.cos(7 * t));
      ring.push([c[0]! + (r / 85.3) * Math.cos(t), c[1]! + (r / 111.0) * Math.sin(t)]);
    }
    ring.push(ring[0]!);
    features.push({
      type: 'Feature',
      id: `b${features.length + 1}`,
      properties: {},
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Median of `runs` timings after `warm` untimed runs (steady state: the JIT has settled). */
function time(fn: () => void, runs = 15, warm = 10): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

function geographicLibM2(ring: Position[]): number {
  const p = geod.Polygon(false);
  for (let i = 0; i < ring.length - 1; i++) p.AddPoint(ring[i]![1]!, ring[i]![0]!);
  return Math.abs(p.Compute(false, true).area!);
}

const layers = embeddedLayers();
const ctx = buildContext(layers);
const rows: string[][] = [];
const failures: string[] = [];
const fmt = (x: number, d = 2) => x.toFixed(d);

for (const n of [1000, 10000]) {
  const fc = makeBlocks(n, layers.subparks);
  const rings = fc.features.map((f) => f.geometry.coordinates[0]!);

  let sink = 0;
  const ours = time(() => {
    for (const f of fc.features) sink += geometryAreaM2(f.geometry);
  });
  const gl = time(
    () => {
      for (const r of rings) sink += geographicLibM2(r);
    },
    5,
    2,
  );
  const turf = time(() => {
    for (const f of fc.features) sink += turfArea(f.geometry);
  });
  const planar = time(
    () => {
      for (const f of fc.features) sink += planarAreaM2(f.geometry);
    },
    5,
    2,
  );
  let maxErr = 0;
  for (const f of fc.features) {
    maxErr = Math.max(
      maxErr,
      Math.abs(geometryAreaM2(f.geometry) / geographicLibM2(f.geometry.coordinates[0]!) - 1),
    );
  }
  const assess = time(
    () => {
      sink += assessBlocks(fc, ctx, { planar: false }).length;
    },
    n >= 10000 ? 5 : 15,
    n >= 10000 ? 2 : 10,
  );
  const assessPlanar = time(
    () => {
      sink += assessBlocks(fc, ctx).length;
    },
    5,
    2,
  );
  void sink;

  const speedup = gl / ours;
  rows.push([
    `${n.toLocaleString('en')} blocks`,
    'area (ParkPlan, ellipsoidal)',
    fmt(ours),
    fmt((n / ours) * 1000, 0),
    `${fmt(speedup, 1)}× GeographicLib, ${fmt(turf / ours, 2)}× turf`,
  ]);
  rows.push([
    '',
    'area (GeographicLib)',
    fmt(gl),
    fmt((n / gl) * 1000, 0),
    `max relative difference ${maxErr.toExponential(1)}`,
  ]);
  rows.push([
    '',
    'area (@turf/area, spherical)',
    fmt(turf),
    fmt((n / turf) * 1000, 0),
    '0.1 % low at Beijing',
  ]);
  rows.push(['', 'planar area (CGCS2000 GK zone 39)', fmt(planar), fmt((n / planar) * 1000, 0), '']);
  rows.push([
    '',
    'area + overlay + rule',
    fmt(assess),
    fmt((n / assess) * 1000, 0),
    'sub-parks, districts, scope, Yizhuang, national zones',
  ]);
  rows.push([
    '',
    'the same + planar area (CLI report)',
    fmt(assessPlanar),
    fmt((n / assessPlanar) * 1000, 0),
    '',
  ]);

  if (speedup < 15) failures.push(`${n} blocks: area is ${fmt(speedup, 1)}× GeographicLib, budget ≥ 15×`);
  if (maxErr > 1e-5)
    failures.push(
      `${n} blocks: area differs from GeographicLib by ${maxErr.toExponential(2)}, budget ≤ 1e-5`,
    );
  if (n === 1000 && assess > 50)
    failures.push(`1,000 blocks: area + overlay + rule took ${fmt(assess)} ms, budget ≤ 50 ms`);
}

// One block of a million vertices (a surveyed boundary, densified), through the command line as a
// planner runs it: read, checked, measured, totalled. A process of its own, as `npm run report` is.
{
  const ringFile = join(tmpdir(), 'parkplan-bench-million-ring.geojson');
  const n = 1_000_000;
  const ring: number[][] = [];
  for (let i = 0; i < n; i++)
    ring.push([
      116.4 + 0.01 * Math.cos((2 * Math.PI * i) / n),
      39.9 + 0.01 * Math.sin((2 * Math.PI * i) / n),
    ]);
  ring.push(ring[0]!);
  writeFileSync(
    ringFile,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'ring' }, geometry: { type: 'Polygon', coordinates: [ring] } },
      ],
    }),
  );
  const t0 = performance.now();
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ringFile, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  const area = (JSON.parse(out) as { areaKm2: number }[])[0]!.areaKm2;
  rows.push([
    '1 block',
    'a 1,000,000-vertex ring through the command line (read, checks, report, totals)',
    fmt(seconds * 1000, 0),
    '',
    `the whole process, as \`npm run report -- file --json\` runs it; area ${area.toFixed(4)} km²`,
  ]);
  if (seconds > 10)
    failures.push(`1,000,000-vertex ring through the command line took ${fmt(seconds, 1)} s, budget ≤ 10 s`);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const header = ['set', 'what', 'ms', 'blocks/s', 'notes'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const budgets = [
  '- area ≥ 15× faster than GeographicLib at ≤ 1e-5 relative error',
  '- area + overlay + rule for 1,000 blocks of 50 vertices ≤ 50 ms (one thread)',
  '- a 1,000,000-vertex ring through the command line ≤ 10 s',
];
const verdict = failures.length ? failures.map((f) => `- **missed:** ${f}`).join('\n') : '- all budgets met';
console.log(
  `\nCore benchmarks — ${machine}, ${date}\n\n${table}\n\nBudgets:\n${budgets.join('\n')}\n${verdict}\n`,
);

// Record in BENCHMARKS.md, replacing this section only.
const path = 'BENCHMARKS.md';
const existing = (() => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '# ParkPlan benchmarks\n\nWritten by `npm run bench`. Figures are medians of repeated runs on the machine named.\n';
  }
})();
const section = `<!-- core:start -->\n## Measurement and rules core\n\n${machine}, ${date}. Blocks: 50-vertex polygons of 0.2–3 km² centred in the sub-parks (about 60 % straddle a sub-park edge). Times are medians after warm-up runs (steady state).\n\n${table}\n\nBudgets:\n${budgets.join('\n')}\n\n${verdict}\n<!-- core:end -->`;
const md = existing.includes('<!-- core:start -->')
  ? existing.replace(/<!-- core:start -->[\s\S]*<!-- core:end -->/, section)
  : `${existing.trimEnd()}\n\n${section}\n`;
writeFileSync(path, md);

if (failures.length) {
  console.error(`bench: ${failures.length} budget(s) missed`);
  process.exit(1);
}
