/**
 * Cross-layer checks of ParkPlan's embedded layers (public/geo/), shared by
 * scripts/validate-geo.ts and its tests. Pure: takes parsed files, returns
 * findings and table rows.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { geometryAreaKm2 } from '../../src/core/geo/area';
import { BEIJING_EXTENT, checkFeatureCollection, type Problem } from '../../src/core/validate/geojson-checks';
import { GROUP_CATEGORIES } from '../../src/data/groups';
import { ZGC_OFFICIAL_PARK_COUNT, ZGC_TOTAL_KM2 } from '../../src/data/subparks';
import { YIZHUANG_CORE_KM2, YIZHUANG_OUTER_KM2, YIZHUANG_TOTAL_KM2 } from '../../src/data/yizhuang';
import { areaKm2, subtract } from './schematic';

export const AREA_TOLERANCE = 0.005; // 0.5 %, the calibration tolerance

type Areal = Polygon | MultiPolygon;
export type Files = Record<string, FeatureCollection | undefined>;

export interface Manifest {
  layers: {
    id: string;
    file: string;
    featureCount: number | null;
    measuredTotalKm2: number | null;
    geometryQuality: string;
  }[];
}

export interface Row {
  layer: string;
  feature: string;
  quality: string;
  declaredKm2: number | null;
  targetKm2: number | null;
  targetStatus: string;
  measuredKm2: number;
  ok: boolean;
}

export interface Finding {
  layer: string;
  feature: string | null;
  message: string;
}

const QUALITIES = new Set(['official', 'generalised', 'schematic']);
const rel = (a: number, b: number) => Math.abs(a / b - 1);

export function validateLayers(
  manifest: Manifest,
  files: Files,
): { findings: Finding[]; rows: Row[]; problems: (Problem & { layer: string })[] } {
  const findings: Finding[] = [];
  const rows: Row[] = [];
  const problems: (Problem & { layer: string })[] = [];
  const fail = (layer: string, feature: string | null, message: string) =>
    findings.push({ layer, feature, message });

  // Structure and geometry of every file.
  for (const l of manifest.layers) {
    const fc = files[l.id];
    if (!fc) {
      fail(l.id, null, `file ${l.file} is missing or not JSON`);
      continue;
    }
    for (const p of checkFeatureCollection(fc, { extent: BEIJING_EXTENT, windingIsError: true })) {
      problems.push({ ...p, layer: l.id });
      if (p.severity === 'error') fail(l.id, p.featureId, `${p.code}: ${p.message}`);
    }
    if (l.featureCount !== null && fc.features.length !== l.featureCount) {
      fail(l.id, null, `manifest says ${l.featureCount} features, file has ${fc.features.length}`);
    }
    const measured = fc.features.reduce((a, f) => a + geometryAreaKm2(f.geometry), 0);
    if (l.measuredTotalKm2 !== null && Math.abs(measured - l.measuredTotalKm2) > 0.01) {
      fail(
        l.id,
        null,
        `manifest says ${l.measuredTotalKm2} km², files measure ${measured.toFixed(3)} km²: rebuild`,
      );
    }
  }

  // Every park feature states its quality, its declared figure (with source) and its measured area.
  for (const id of ['zgc-scope', 'zgc-subparks', 'zgc-groups', 'yizhuang', 'districts']) {
    for (const f of files[id]?.features ?? []) {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const name = String(p.nameZh ?? p.id);
      if (!QUALITIES.has(String(p.geometryQuality))) fail(id, name, 'geometryQuality missing or unknown');
      if (!('areaDeclaredKm2' in p))
        fail(id, name, 'areaDeclaredKm2 missing (null where no official figure exists)');
      if (typeof p.areaDeclaredKm2 === 'number' && !p.areaSource)
        fail(id, name, 'declared area without areaSource');
      const measured = geometryAreaKm2(f.geometry);
      if (typeof p.areaMeasuredKm2 !== 'number' || Math.abs(p.areaMeasuredKm2 - measured) > 0.005) {
        fail(
          id,
          name,
          `areaMeasuredKm2 ${String(p.areaMeasuredKm2)} does not match the geometry (${measured.toFixed(3)})`,
        );
      }
    }
  }

  const districts = files['districts']?.features ?? [];
  if (districts.length !== 16) fail('districts', null, `expected 16 districts, found ${districts.length}`);

  // ZGC scope: 488 km².
  const scope = files['zgc-scope']?.features[0];
  if (scope) rows.push(areaRow('zgc-scope', scope, ZGC_TOTAL_KM2, 'declared', fail));

  // Sub-parks: 17 units of 16 official parks, each on its target; together the scope.
  const subparks = (files['zgc-subparks']?.features ?? []) as Feature<Areal>[];
  const official = new Set(subparks.map((f) => f.properties!.officialParkId));
  if (official.size !== ZGC_OFFICIAL_PARK_COUNT)
    fail('zgc-subparks', null, `expected ${ZGC_OFFICIAL_PARK_COUNT} official parks, found ${official.size}`);
  for (const f of subparks) {
    const p = f.properties!;
    const target = (p.areaDeclaredKm2 as number | null) ?? (p.areaTargetKm2 as number | null);
    rows.push(
      areaRow(
        'zgc-subparks',
        f,
        target,
        p.areaDeclaredKm2 !== null ? 'declared' : String(p.areaTargetStatus),
        fail,
      ),
    );
  }
  const subparkSum = subparks.reduce((a, f) => a + geometryAreaKm2(f.geometry), 0);
  if (subparks.length && rel(subparkSum, ZGC_TOTAL_KM2) > AREA_TOLERANCE) {
    fail('zgc-subparks', null, `sub-parks add up to ${subparkSum.toFixed(2)} km², not ${ZGC_TOTAL_KM2}`);
  }
  if (scope && subparks.length && rel(geometryAreaKm2(scope.geometry), subparkSum) > 1e-3) {
    fail(
      'zgc-scope',
      null,
      'scope area differs from the sum of the sub-parks: sub-parks overlap or the dissolve lost parts',
    );
  }

  // Groups: 31, categories 9/7/11/4, ≥ 2 km², inside their sub-park, at their estimated location.
  const groups = (files['zgc-groups']?.features ?? []) as Feature<Areal>[];
  if (groups.length !== 31) fail('zgc-groups', null, `expected 31 groups, found ${groups.length}`);
  for (const c of GROUP_CATEGORIES) {
    const n = groups.filter((g) => g.properties!.category === c.id).length;
    if (n !== c.count) fail('zgc-groups', null, `category ${c.id}: expected ${c.count} groups, found ${n}`);
  }
  for (const g of groups) {
    const p = g.properties!;
    const name = String(p.nameZh);
    const area = geometryAreaKm2(g.geometry);
    rows.push(areaRow('zgc-groups', g, null, '≥ 2 (seed003)', fail));
    if (area < 2) fail('zgc-groups', name, `area ${area.toFixed(3)} km² is below the plan's 2 km² floor`);
    const park = subparks.find((s) => s.properties!.id === p.subparkId);
    if (!park) fail('zgc-groups', name, `sub-park ${String(p.subparkId)} not found`);
    else {
      const outside = areaKm2(subtract(g.geometry, park.geometry));
      if (outside / area > 1e-4)
        fail(
          'zgc-groups',
          name,
          `${outside.toFixed(4)} km² lies outside its sub-park ${String(p.subparkZh)}`,
        );
    }
    const loc = p.locationEstimate as { lon: number; lat: number } | undefined;
    if (p.geometryQuality === 'schematic') {
      if (!loc) fail('zgc-groups', name, 'schematic group without locationEstimate');
      else if (!booleanPointInPolygon([loc.lon, loc.lat], g as Feature<Areal>)) {
        fail('zgc-groups', name, 'schematic polygon does not contain its estimated location');
      }
    }
  }

  // Yizhuang: core 60; Daxing + Tongzhou 165; total 225.
  const yz = (files['yizhuang']?.features ?? []) as Feature<Areal>[];
  const part = (id: string) => yz.find((f) => f.properties!.id === id);
  for (const f of yz) {
    const p = f.properties!;
    rows.push(areaRow('yizhuang', f, p.areaTargetKm2 as number, String(p.areaTargetStatus), fail));
  }
  const core = part('core');
  const outerSum = ['daxing', 'tongzhou'].reduce(
    (a, id) => a + (part(id) ? geometryAreaKm2(part(id)!.geometry) : 0),
    0,
  );
  if (!core) fail('yizhuang', null, 'core missing');
  else if (rel(geometryAreaKm2(core.geometry), YIZHUANG_CORE_KM2) > AREA_TOLERANCE)
    fail('yizhuang', 'core', 'core is not 60 km²');
  if (rel(outerSum, YIZHUANG_OUTER_KM2) > AREA_TOLERANCE)
    fail('yizhuang', null, `Daxing + Tongzhou parts measure ${outerSum.toFixed(2)} km², not 165`);
  const total = yz.reduce((a, f) => a + geometryAreaKm2(f.geometry), 0);
  if (rel(total, YIZHUANG_TOTAL_KM2) > AREA_TOLERANCE)
    fail('yizhuang', null, `Yizhuang measures ${total.toFixed(2)} km², not 225`);
  for (const f of yz.filter((x) => x.properties!.id !== 'core')) {
    if (f.properties!.areaTargetStatus !== 'estimate' && f.properties!.geometryQuality === 'schematic') {
      fail('yizhuang', String(f.properties!.id), 'the Daxing/Tongzhou split must be marked as an estimate');
    }
  }

  const labels = (files['district-labels']?.features ?? []) as Feature<Point>[];
  if (labels.length !== 16) fail('district-labels', null, `expected 16 labels, found ${labels.length}`);

  return { findings, rows, problems };
}

function areaRow(
  layer: string,
  f: Feature,
  target: number | null,
  status: string,
  fail: (layer: string, feature: string | null, message: string) => void,
): Row {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const measured = geometryAreaKm2(f.geometry);
  const ok = target === null || rel(measured, target) <= AREA_TOLERANCE;
  if (!ok)
    fail(
      layer,
      String(p.nameZh),
      `measures ${measured.toFixed(2)} km², target ${target} km² (${status}) ± 0.5 %`,
    );
  return {
    layer,
    feature: String(p.nameZh ?? p.id),
    quality: String(p.geometryQuality),
    declaredKm2: typeof p.areaDeclaredKm2 === 'number' ? p.areaDeclaredKm2 : null,
    targetKm2: target,
    targetStatus: status,
    measuredKm2: measured,
    ok,
  };
}
