import type { LayerSpecification, RasterSourceSpecification } from 'maplibre-gl';

/**
 * Online basemaps, an option the user turns on; the embedded district map is
 * the default and needs no network. Both online services are in WGS84 /
 * CGCS2000 (which agree to centimetres), so ParkPlan's layers sit on them
 * without the GCJ-02 offset Chinese commercial maps carry.
 */

export type BasemapId = 'offline' | 'osm' | 'tianditu-vec' | 'tianditu-img';

export interface BasemapInfo {
  readonly id: BasemapId;
  readonly nameZh: string;
  readonly nameEn: string;
  /** The service's name in messages. */
  readonly shortZh: string;
  readonly shortEn: string;
  readonly needsKey: boolean;
}

export const BASEMAPS: readonly BasemapInfo[] = [
  {
    id: 'offline',
    nameZh: '离线底图（行政区）',
    nameEn: 'Offline (districts)',
    shortZh: '离线底图',
    shortEn: 'the offline basemap',
    needsKey: false,
  },
  {
    id: 'osm',
    nameZh: 'OpenStreetMap（在线）',
    nameEn: 'OpenStreetMap (online)',
    shortZh: 'OpenStreetMap',
    shortEn: 'OpenStreetMap',
    needsKey: false,
  },
  {
    id: 'tianditu-vec',
    nameZh: '天地图矢量（在线，需密钥）',
    nameEn: 'Tianditu map (online, key)',
    shortZh: '天地图矢量',
    shortEn: 'Tianditu map',
    needsKey: true,
  },
  {
    id: 'tianditu-img',
    nameZh: '天地图影像（在线，需密钥）',
    nameEn: 'Tianditu imagery (online, key)',
    shortZh: '天地图影像',
    shortEn: 'Tianditu imagery',
    needsKey: true,
  },
];

export interface BasemapChoice {
  readonly id: BasemapId;
  /** The user's Tianditu key (天地图 tk), kept on this device only. */
  readonly tiandituKey: string;
}

export const OFFLINE: BasemapChoice = { id: 'offline', tiandituKey: '' };

/** Sources of online basemaps are named so, to tell their tile errors from the data's. */
export const BASEMAP_SOURCE_PREFIX = 'basemap-';

const OSM_ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors';
const TIANDITU_ATTRIBUTION =
  '© <a href="https://www.tianditu.gov.cn/" target="_blank" rel="noopener">天地图 Tianditu</a>（国家地理信息公共服务平台）';

/** Tianditu's WMTS in Web Mercator ("_w"), over its eight hosts. */
export function tiandituTiles(layer: string, key: string): string[] {
  return Array.from(
    { length: 8 },
    (_, i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
      `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
      `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
  );
}

export interface BasemapStyle {
  readonly sources: Record<string, RasterSourceSpecification>;
  /** Drawn just above the background, under every ParkPlan layer. */
  readonly base: LayerSpecification[];
  /** Place-name annotation, drawn above the park fills and under ParkPlan's labels. */
  readonly labels: LayerSpecification[];
}

const NONE: BasemapStyle = { sources: {}, base: [], labels: [] };

/**
 * The raster sources and layers of a choice. Tianditu without a key gives
 * nothing (the panel asks for one); its annotation follows the UI language.
 */
export function basemapStyle(choice: BasemapChoice, lang: 'zh' | 'en'): BasemapStyle {
  const raster = (id: string): LayerSpecification => ({
    id,
    type: 'raster',
    source: id,
    paint: { 'raster-fade-duration': 0 },
  });
  switch (choice.id) {
    case 'offline':
      return NONE;
    case 'osm':
      return {
        sources: {
          'basemap-osm': {
            type: 'raster',
            tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
            tileSize: 256,
            maxzoom: 19,
            attribution: OSM_ATTRIBUTION,
          },
        },
        base: [raster('basemap-osm')],
        labels: [],
      };
    case 'tianditu-vec':
    case 'tianditu-img': {
      const key = choice.tiandituKey.trim();
      if (!key) return NONE;
      const img = choice.id === 'tianditu-img';
      const layer = img ? 'img' : 'vec';
      // Chinese annotation (cva/cia) or English (eva/eia).
      const note = `${lang === 'en' ? 'e' : 'c'}${img ? 'ia' : 'va'}`;
      const src = (l: string): RasterSourceSpecification => ({
        type: 'raster',
        tiles: tiandituTiles(l, key),
        tileSize: 256,
        maxzoom: 18,
        attribution: TIANDITU_ATTRIBUTION,
      });
      return {
        sources: { [`basemap-${layer}`]: src(layer), [`basemap-${note}`]: src(note) },
        base: [raster(`basemap-${layer}`)],
        labels: [raster(`basemap-${note}`)],
      };
    }
  }
}

/** A tile URL fit to show: the key replaced, so a screenshot of an error never leaks it. */
export function redactKey(text: string): string {
  return text.replace(/([?&]tk=)[^&\s]*/g, '$1***');
}
