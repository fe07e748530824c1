/**
 * Validates every file in public/geo/ and prints a table a planner can read:
 * each park feature's official figure, the figure its geometry is calibrated
 * to (and whether that is declared or an estimate), and what it measures on
 * the WGS84 ellipsoid. Exits 1 on any error. Run by `npm test`.
 *
 * Usage: npm run validate-geo [-- --dir public/geo]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { validateLayers, type Files, type Manifest } from './lib/validate-layers';

const dirIdx = process.argv.indexOf('--dir');
const dir = dirIdx > 0 ? process.argv[dirIdx + 1]! : 'public/geo';

function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

const manifest = readJson<Manifest>(join(dir, 'manifest.json'));
if (!manifest) {
  console.error(`validate-geo: ${join(dir, 'manifest.json')} is missing or not JSON; run npm run geo:build`);
  process.exit(1);
}
const files: Files = {};
for (const l of manifest.layers) files[l.id] = readJson<FeatureCollection>(join(dir, l.file));

const { findings, rows, problems } = validateLayers(manifest, files);

const n = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
const pad = (s: string, w: number) =>
  s + ' '.repeat(Math.max(0, w - [...s].reduce((a, c) => a + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
console.log(`\nParkPlan embedded layers (${dir}) — areas in km² on the WGS84 ellipsoid\n`);
console.log(
  [
    pad('layer', 14),
    pad('feature', 26),
    pad('quality', 11),
    pad('official', 9),
    pad('target', 9),
    pad('basis', 17),
    pad('measured', 9),
    pad('diff', 8),
    'ok',
  ].join(' '),
);
for (const r of rows) {
  const diff = r.targetKm2 ? `${((r.measuredKm2 / r.targetKm2 - 1) * 100).toFixed(3)}%` : '';
  console.log(
    [
      pad(r.layer, 14),
      pad(r.feature, 26),
      pad(r.quality, 11),
      pad(n(r.declaredKm2), 9),
      pad(n(r.targetKm2), 9),
      pad(r.targetStatus, 17),
      pad(n(r.measuredKm2, 3), 9),
      pad(diff, 8),
      r.ok ? 'OK' : 'FAIL',
    ].join(' '),
  );
}
const warnings = problems.filter((p) => p.severity === 'warning');
console.log(
  `\n${manifest.layers.length} files, ${rows.length} measured features, ${warnings.length} warnings, ${findings.length} errors`,
);
for (const w of warnings) console.log(`warning  ${w.layer} ${w.featureId ?? ''}: ${w.message}`);
for (const f of findings) console.error(`ERROR    ${f.layer} ${f.feature ?? ''}: ${f.message}`);
process.exit(findings.length ? 1 : 0);
