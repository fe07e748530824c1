import type { SourceId } from './sources';

/**
 * The embedded layers, in drawing order (bottom first). This is the source of
 * public/geo/manifest.json; the app reads the manifest at run time so that a
 * deployment with real boundaries can say so without a rebuild.
 */

export type LayerId =
  'districts' | 'district-labels' | 'yizhuang' | 'zgc-scope' | 'zgc-subparks' | 'zgc-groups';
export type GeometryQuality = 'official' | 'generalised' | 'schematic';

export interface LayerInfo {
  readonly id: LayerId;
  readonly role: 'basemap' | 'park';
  readonly titleZh: string;
  readonly titleEn: string;
  readonly file: string;
  readonly geometryType: 'Polygon' | 'Point';
  readonly geometryQuality: GeometryQuality;
  readonly qualityNoteZh: string;
  readonly qualityNoteEn: string;
  readonly declaredTotalKm2: number | null;
  readonly sources: readonly SourceId[];
}

export const LAYERS: readonly LayerInfo[] = [
  {
    id: 'districts',
    role: 'basemap',
    titleZh: '北京市行政区',
    titleEn: 'Beijing districts',
    file: 'districts.geojson',
    geometryType: 'Polygon',
    geometryQuality: 'generalised',
    qualityNoteZh: '公开数据概化边界（约100米精度），已由GCJ-02转换为WGS84',
    qualityNoteEn: 'Generalised public boundaries (~100 m), converted from GCJ-02 to WGS84',
    declaredTotalKm2: null,
    sources: ['echartsChinaCities', 'W15', 'W16'],
  },
  {
    id: 'district-labels',
    role: 'basemap',
    titleZh: '行政区名称',
    titleEn: 'District names',
    file: 'district-labels.geojson',
    geometryType: 'Point',
    geometryQuality: 'generalised',
    qualityNoteZh: '标注点',
    qualityNoteEn: 'Label points',
    declaredTotalKm2: null,
    sources: ['echartsChinaCities'],
  },
  {
    id: 'yizhuang',
    role: 'park',
    titleZh: '亦庄新城（225 km²）',
    titleEn: 'Yizhuang new town (225 km²)',
    file: 'yizhuang.geojson',
    geometryType: 'Polygon',
    geometryQuality: 'schematic',
    qualityNoteZh: '示意边界；核心区60 km²与大兴、通州部分合计165 km²为官方数字，大兴/通州划分为估计',
    qualityNoteEn:
      'Schematic; the 60 km² core and the 165 km² Daxing + Tongzhou total are official, the Daxing/Tongzhou split is an estimate',
    declaredTotalKm2: 225,
    sources: ['seed000', 'W10'],
  },
  {
    id: 'zgc-scope',
    role: 'park',
    titleZh: '中关村示范区范围（488 km²）',
    titleEn: 'Zhongguancun zone scope (488 km²)',
    file: 'zgc-scope.geojson',
    geometryType: 'Polygon',
    geometryQuality: 'schematic',
    qualityNoteZh: '示意边界，由分园合并；总面积488 km²为官方数字',
    qualityNoteEn: 'Schematic, dissolved from the sub-parks; the 488 km² total is official',
    declaredTotalKm2: 488,
    sources: ['seed003'],
  },
  {
    id: 'zgc-subparks',
    role: 'park',
    titleZh: '中关村分园（一区十六园）',
    titleEn: 'ZGC sub-parks (16 parks)',
    file: 'zgc-subparks.geojson',
    geometryType: 'Polygon',
    geometryQuality: 'schematic',
    qualityNoteZh: '示意边界；仅朝阳、丰台、顺义、平谷园面积有公开来源，其余为估计分配',
    qualityNoteEn:
      'Schematic; only Chaoyang, Fengtai, Shunyi and Pinggu have sourced areas, the rest are estimated shares',
    declaredTotalKm2: 488,
    sources: ['seed003', 'W1', 'W3', 'W4', 'W5'],
  },
  {
    id: 'zgc-groups',
    role: 'park',
    titleZh: '发展组团（31个）',
    titleEn: 'Development groups (31)',
    file: 'zgc-groups.geojson',
    geometryType: 'Polygon',
    geometryQuality: 'schematic',
    qualityNoteZh: '示意：位置为估计（±1.5–6 km），规划未公布组团边界和面积，仅规定不小于2 km²',
    qualityNoteEn:
      'Schematic: locations are estimates (±1.5–6 km); the plan publishes no group boundary or area, only the ≥ 2 km² floor',
    declaredTotalKm2: null,
    sources: ['seed003'],
  },
];
