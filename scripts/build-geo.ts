/**
 * Builds ParkPlan's park layers in public/geo/ from the data kept in the repo:
 *   - attributes: src/data/*.ts (transcribed from the seeds, with sources);
 *   - locations:  data/reference/places.json (estimated centres, with uncertainty);
 *   - districts:  public/geo/districts.geojson (from scripts/extract-districts.ts).
 *
 * Geometry comes from data/boundaries/<layer>.geojson when such a file exists
 * (real boundaries: features with an `id` matching ParkPlan's ids; marked
 * `geometryQuality: 'official'` unless they say otherwise) and is otherwise
 * generated as schematic shapes calibrated to the target areas. Either way
 * every feature is measured on the ellipsoid and written with its declared
 * figure and source, so swapping in real boundaries changes nothing else.
 *
 * Usage: npm run geo:build [-- --out DIR]   (default public/geo)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { GROUPS, GROUP_CATEGORIES } from '../src/data/groups';
import { SUBPARKS, ZGC_TOTAL_KM2, ZGC_TOTAL_SOURCE, type SubparkId } from '../src/data/subparks';
import {
  YIZHUANG_PARTS,
  YIZHUANG_OUTER_KM2,
  YIZHUANG_SOURCE,
  YIZHUANG_TOTAL_KM2,
} from '../src/data/yizhuang';
import { resolveFocus } from '../src/data/focus';
import { modeById } from '../src/data/modes';
import { geometryAreaKm2 } from '../src/core/geo/area';
import { LAYERS, type LayerId } from '../src/data/layers';
import {
  type Areal,
  blob,
  calibrate,
  finish,
  intersectAll,
  subtract,
  unionAll,
  voronoiCells,
} from './lib/schematic';

interface Places {
  groups: {
    id: string;
    lon: number;
    lat: number;
    uncertaintyKm: number;
    confidence: string;
    landmark: string;
  }[];
  yizhuangCore: { bbox: [number, number, number, number] };
  yizhuangTowns: { nameZh: string; district: string; lon: number; lat: number; basis: string }[];
  schematicWeights: Record<string, number>;
  groupShareOfPart: { value: number };
}

const outIdx = process.argv.indexOf('--out');
const OUT_DIR = outIdx > 0 ? process.argv[outIdx + 1]! : 'public/geo';

const places = JSON.parse(readFileSync('data/reference/places.json', 'utf8')) as Places;
const districtsFc = JSON.parse(
  readFileSync('public/geo/districts.geojson', 'utf8'),
) as FeatureCollection<Areal>;
const districtGeom = (short: string): Areal => {
  const f = districtsFc.features.find((d) => d.properties!.short === short);
  if (!f) throw new Error(`no district ${short}`);
  return f.geometry;
};
const districtsUnion = (shorts: readonly string[]) => unionAll(shorts.map(districtGeom))!;

const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

function realBoundaries(layer: LayerId): Map<string, Feature<Areal>> | null {
  const path = `data/boundaries/${layer}.geojson`;
  if (!existsSync(path)) return null;
  const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Areal>;
  console.log(`${layer}: using real boundaries from ${path}`);
  return new Map(fc.features.map((f) => [String(f.properties?.id ?? f.id), f]));
}

// ---------------------------------------------------------------- targets
/** Sub-park units' drawing targets: declared where sourced, else the estimate share. */
function subparkTargets(): Map<
  SubparkId,
  { km2: number; status: 'declared' | 'secondary-approx' | 'estimate' }
> {
  const out = new Map<SubparkId, { km2: number; status: 'declared' | 'secondary-approx' | 'estimate' }>();
  let fixed = 0;
  for (const s of SUBPARKS) {
    if (s.areaDeclaredKm2 !== null) {
      out.set(s.id, { km2: s.areaDeclaredKm2, status: 'declared' });
      fixed += s.areaDeclaredKm2;
    } else if (s.areaApproxKm2) {
      out.set(s.id, { km2: s.areaApproxKm2.km2, status: 'secondary-approx' });
      fixed += s.areaApproxKm2.km2;
    }
  }
  const rest = ZGC_TOTAL_KM2 - fixed;
  const weights = SUBPARKS.filter((s) => !out.has(s.id)).map((s) => {
    const w = places.schematicWeights[s.id];
    if (!w) throw new Error(`no schematic weight for ${s.id}`);
    return [s.id, w] as const;
  });
  const total = weights.reduce((a, [, w]) => a + w, 0);
  for (const [id, w] of weights) out.set(id, { km2: (rest * w) / total, status: 'estimate' });
  return out;
}

// ---------------------------------------------------------------- ZGC
function buildZgc() {
  const targets = subparkTargets();
  const centre = new Map(places.groups.map((g) => [g.id, [g.lon, g.lat] as Position]));
  const cells = voronoiCells(GROUPS.map((g) => ({ id: g.id, centre: centre.get(g.id)! })));
  const share = places.groupShareOfPart.value;
  const realParks = realBoundaries('zgc-subparks');
  const realGroups = realBoundaries('zgc-groups');

  const subparkFeatures: Feature<Areal>[] = [];
  const groupFeatures: Feature<Areal>[] = [];

  for (const sp of SUBPARKS) {
    const target = targets.get(sp.id)!;
    const groups = GROUPS.filter((g) => g.subparkId === sp.id);
    // Each group's clip region: its Voronoi cell within its district(s).
    const clip = new Map(
      groups.map((g) => [g.id, intersectAll([cells.get(g.id)!, districtsUnion(g.districts)])]),
    );
    const spec = (id: string) => ({ id, centre: centre.get(id)! });
    const part = (id: string, s: number) => intersectAll([blob(spec(id), s), clip.get(id)!]);

    let parkGeom: Areal;
    let scale = 0;
    if (realParks?.has(sp.id)) parkGeom = realParks.get(sp.id)!.geometry;
    else {
      const cal = calibrate(sp.nameZh, target.km2, (s) => unionAll(groups.map((g) => part(g.id, s))));
      parkGeom = cal.geometry;
      scale = cal.scale;
    }
    parkGeom = realParks?.has(sp.id) ? parkGeom : finish(parkGeom);
    const parkQuality = realParks?.has(sp.id)
      ? String(realParks.get(sp.id)!.properties?.geometryQuality ?? 'official')
      : 'schematic';

    for (const g of groups) {
      let geom: Areal;
      if (realGroups?.has(g.id)) geom = realGroups.get(g.id)!.geometry;
      else {
        const partKm2 = geometryAreaKm2(part(g.id, scale || 10));
        const groupTarget = Math.max(2.05, share * partKm2);
        geom = finish(
          intersectAll([
            calibrate(g.nameZh, groupTarget, (t) => part(g.id, t), scale || 40).geometry,
            parkGeom,
          ])!,
        );
      }
      const p = places.groups.find((x) => x.id === g.id)!;
      const quality = realGroups?.has(g.id)
        ? String(realGroups.get(g.id)!.properties?.geometryQuality ?? 'official')
        : 'schematic';
      const focus = g.focus.map(resolveFocus);
      groupFeatures.push({
        type: 'Feature',
        id: g.id,
        properties: {
          id: g.id,
          no: g.no,
          nameZh: g.nameZh,
          nameEn: g.nameEn,
          category: g.category,
          categoryEn: GROUP_CATEGORIES.find((c) => c.id === g.category)!.en,
          subparkId: g.subparkId,
          subparkZh: sp.nameZh,
          subparkEn: sp.nameEn,
          districts: g.districts,
          focus: g.focus,
          focusMapped: focus.map((f) => ({
            text: f.text,
            fieldZh: f.fieldZh,
            fieldEn: f.fieldEn,
            qualifierZh: f.qualifierZh,
            industryId: f.industry.id,
            industryZh: f.industry.nameZh,
            tier: f.industry.tier,
            inTaxonomy: f.inTaxonomy,
            noteZh: f.noteZh,
          })),
          industries: [...new Set(focus.map((f) => f.industry.id))],
          focusNotInTaxonomy: focus.filter((f) => !f.inTaxonomy).map((f) => f.text),
          positioningZh: g.positioningZh,
          modes: g.modes.map((m) => m.mode),
          modesZh: g.modes.map((m) => modeById(m.mode).nameZh + (m.partZh ? `(${m.partZh})` : '')),
          geometryQuality: quality,
          geometryNote:
            quality === 'schematic'
              ? `示意：位置为估计（±${p.uncertaintyKm} km，参照 ${p.landmark}），形状与面积为示意，规划未公布组团边界和面积`
              : 'boundary supplied in data/boundaries',
          locationEstimate: {
            lon: p.lon,
            lat: p.lat,
            uncertaintyKm: p.uncertaintyKm,
            confidence: p.confidence,
            landmark: p.landmark,
          },
          areaDeclaredKm2: null,
          areaSource: null,
          areaNote: 'seed003 publishes no group area, only the floor: 面积在2平方公里以上',
          areaMeasuredKm2: round3(geometryAreaKm2(geom)),
          sources: ['seed003'],
        },
        geometry: geom,
      });
    }

    subparkFeatures.push({
      type: 'Feature',
      id: sp.id,
      properties: {
        id: sp.id,
        officialParkId: sp.officialParkId,
        nameZh: sp.nameZh,
        nameEn: sp.nameEn,
        districts: sp.districts,
        evaluationClass: sp.evaluationClass,
        groupIds: groups.map((g) => g.id),
        geometryQuality: parkQuality,
        geometryNote:
          parkQuality === 'schematic'
            ? '示意：由所含组团的估计位置生成，面积按下列目标值校准；非官方边界'
            : 'boundary supplied in data/boundaries',
        areaDeclaredKm2: sp.areaDeclaredKm2,
        areaSource: sp.areaSource,
        areaApproxKm2: sp.areaApproxKm2?.km2 ?? null,
        areaApproxSource: sp.areaApproxKm2?.source ?? null,
        areaTargetKm2: round3(target.km2),
        areaTargetStatus: target.status,
        areaMeasuredKm2: round3(geometryAreaKm2(parkGeom)),
      },
      geometry: parkGeom,
    });
  }

  const scopeGeom = finish(unionAll(subparkFeatures.map((f) => f.geometry))!);
  const scope: Feature<Areal> = {
    type: 'Feature',
    id: 'zgc',
    properties: {
      id: 'zgc',
      nameZh: '中关村国家自主创新示范区',
      nameEn: 'Zhongguancun National Innovation Demonstration Zone',
      geometryQuality: subparkFeatures.every((f) => f.properties!.geometryQuality === 'official')
        ? 'official'
        : 'schematic',
      geometryNote: '由各分园单元合并（dissolve）而成',
      areaDeclaredKm2: ZGC_TOTAL_KM2,
      areaSource: ZGC_TOTAL_SOURCE,
      areaMeasuredKm2: round3(geometryAreaKm2(scopeGeom)),
      officialParkCount: new Set(SUBPARKS.map((s) => s.officialParkId)).size,
      sources: ['seed003'],
    },
    geometry: scopeGeom,
  };
  return { subparkFeatures, groupFeatures, scope };
}

// ---------------------------------------------------------------- Yizhuang
function buildYizhuang(): Feature<Areal>[] {
  const real = realBoundaries('yizhuang');
  const [w, s, e, n] = places.yizhuangCore.bbox;
  const bbox: Polygon = {
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
  };
  const coreCentre: Position = [(w + e) / 2, (s + n) / 2];
  const aspect = ((e - w) * Math.cos((40 * Math.PI) / 180)) / (n - s);
  const coreClip = intersectAll([bbox, districtsUnion(['大兴', '通州'])]);
  const coreTarget = YIZHUANG_PARTS.find((p) => p.id === 'core')!;
  const core =
    real?.get('core')?.geometry ??
    finish(
      calibrate('亦庄新城核心区', coreTarget.targetKm2, (k) =>
        intersectAll([blob({ id: 'yz-core', centre: coreCentre, aspect }, k), coreClip]),
      ).geometry,
    );

  const towns = places.yizhuangTowns;
  const cells = voronoiCells(towns.map((t) => ({ id: t.nameZh, centre: [t.lon, t.lat] })));
  const partGeom = (district: string, target: number): Areal => {
    const mine = towns.filter((t) => t.district === district);
    const clipDistrict = districtGeom(district);
    return finish(
      calibrate(`亦庄新城${district}部分`, target, (k) =>
        subtract(
          unionAll(
            mine.map((t) =>
              intersectAll([
                blob({ id: t.nameZh, centre: [t.lon, t.lat] }, k),
                cells.get(t.nameZh)!,
                clipDistrict,
              ]),
            ),
          ),
          core,
        ),
      ).geometry,
    );
  };

  return YIZHUANG_PARTS.map((part) => {
    const geom =
      real?.get(part.id)?.geometry ?? (part.id === 'core' ? core : partGeom(part.district!, part.targetKm2));
    const quality = real?.has(part.id)
      ? String(real.get(part.id)!.properties?.geometryQuality ?? 'official')
      : 'schematic';
    const outer = part.id !== 'core';
    return {
      type: 'Feature',
      id: part.id,
      properties: {
        id: part.id,
        nameZh: part.nameZh,
        nameEn: part.nameEn,
        district: part.district,
        towns: outer ? towns.filter((t) => t.district === part.district).map((t) => t.nameZh) : [],
        geometryQuality: quality,
        geometryNote:
          quality === 'schematic'
            ? outer
              ? '示意：围绕所含镇的估计位置生成；大兴/通州两部分的面积划分为估计，非官方'
              : '示意：按估计范围（南五环以南、京津塘高速两侧）生成；面积校准到官方60 km²'
            : 'boundary supplied in data/boundaries',
        areaDeclaredKm2: part.areaDeclaredKm2,
        areaSource: part.areaSource,
        areaDeclaredCombinedKm2: outer ? YIZHUANG_OUTER_KM2 : null,
        areaDeclaredCombinedNote: outer ? '大兴和通州部分合计165平方公里 (seed000)' : null,
        areaTargetKm2: round3(part.targetKm2),
        areaTargetStatus: part.targetStatus,
        areaTargetNote: part.targetNote,
        areaMeasuredKm2: round3(geometryAreaKm2(geom)),
        newTownTotalKm2: YIZHUANG_TOTAL_KM2,
        sources: [YIZHUANG_SOURCE, ...(outer ? ['W10', 'W11'] : [])],
      },
      geometry: geom,
    } satisfies Feature<Areal>;
  });
}

// ---------------------------------------------------------------- write
function write(layer: LayerId, features: Feature<Areal>[]) {
  const fc: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features };
  writeFileSync(`${OUT_DIR}/${LAYERS.find((l) => l.id === layer)!.file}`, JSON.stringify(fc));
}

function main() {
  const { subparkFeatures, groupFeatures, scope } = buildZgc();
  const yizhuang = buildYizhuang();
  write('zgc-scope', [scope]);
  write('zgc-subparks', subparkFeatures);
  write('zgc-groups', groupFeatures);
  write('yizhuang', yizhuang);

  const measured: Record<string, number> = {
    districts: districtsFc.features.reduce((a, f) => a + geometryAreaKm2(f.geometry), 0),
    'zgc-scope': geometryAreaKm2(scope.geometry),
    'zgc-subparks': subparkFeatures.reduce((a, f) => a + geometryAreaKm2(f.geometry), 0),
    'zgc-groups': groupFeatures.reduce((a, f) => a + geometryAreaKm2(f.geometry), 0),
    yizhuang: yizhuang.reduce((a, f) => a + geometryAreaKm2(f.geometry), 0),
  };
  const counts: Record<string, number> = {
    districts: districtsFc.features.length,
    'district-labels': 16,
    'zgc-scope': 1,
    'zgc-subparks': subparkFeatures.length,
    'zgc-groups': groupFeatures.length,
    yizhuang: yizhuang.length,
  };
  const manifest = {
    generated: 'by scripts/build-geo.ts and scripts/extract-districts.ts; do not edit by hand',
    crs: 'EPSG:4326 (WGS84), RFC 7946',
    layers: LAYERS.map((l) => ({
      ...l,
      featureCount: counts[l.id] ?? null,
      measuredTotalKm2: measured[l.id] !== undefined ? round2(measured[l.id]!) : null,
    })),
  };
  writeFileSync(`${OUT_DIR}/manifest.json`, JSON.stringify(manifest, null, 2) + '\n');
  for (const f of [...subparkFeatures, scope, ...yizhuang]) {
    const p = f.properties!;
    console.log(
      `${String(p.nameZh).padEnd(14, '　')} target ${p.areaTargetKm2 ?? p.areaDeclaredKm2}  measured ${p.areaMeasuredKm2}`,
    );
  }
  console.log(
    `groups: ${groupFeatures.length}, smallest ${Math.min(...groupFeatures.map((f) => f.properties!.areaMeasuredKm2 as number))} km²`,
  );
}

main();
