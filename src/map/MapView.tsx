import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'virtual:maplibre-worker-url';
import { useTranslation } from 'react-i18next';
import { useLayerStore } from '../state/layers-store';
import { useHoverStore, type HoverInfo } from '../state/hover-store';
import type { StyleSpecification } from 'maplibre-gl';
import type { TerraDraw } from 'terra-draw';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { mapInSlices } from '../util/tasks';
import { formatNumber, warmUpNumberFormat } from '../util/format';
import {
  BEIJING_BOUNDS,
  BLOCKS_SOURCE,
  buildStyle,
  DATA_SOURCES,
  INTERACTIVE_LAYERS,
  MARKER_SOURCE,
  PLACE_HIGHLIGHT,
  RETAINED_SOURCE,
  SELECTED_SOURCE,
  type Lang,
} from './style';
import { useViewStore } from '../state/view-store';
import { usePanelStore, type PlaceRef } from '../state/panel-store';
import { useFilterStore } from '../state/filter-store';
import { flyToFrame } from './present';
import { geoBaseUrl, setCurrentMap } from './map-instance';
import { matchesGroup } from '../core/review/group-filter';
import { GROUPS } from '../data/groups';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useAnalysisStore } from '../state/analysis-store';
import { useDrawStore } from '../state/draw-store';
import { useBasemapStore } from '../state/basemap-store';
import { BASEMAP_SOURCE_PREFIX, redactKey } from './basemaps';
import { BasemapErrors } from '../ui/BasemapControl';
import { useExtrudeStore } from '../state/extrude-store';
import { blockFigure, columnsOf, type ColumnInput } from '../core/present/extrusion';
import type { Extrusion } from './extrusion-layer';
import { loadLayer } from './layer-data';
import { bboxOf, polygonsOf, type Areal } from '../core/overlay/zones';
import { labelMinZoom } from '../core/present/labels';
import { createGeoJsonFeed, type GeoJsonFeed } from './geojson-feed';
import { warmUpBlockPrograms } from './warm-up';
import { useMapFeedStore } from '../state/map-feed-store';
import { loadDrawing } from './drawing-loader';
import { CATEGORY_COLORS } from './palette';
import { MODE_COLORS } from '../core/report/mode-colors';
import type { GroupCategory } from '../data/groups';

// MapLibre 6 is ESM-only; under Vite its worker must be pointed at explicitly,
// or the map never fires `load`/`idle`. The build makes it a chunk of the app's
// own (vite-plugins/maplibre-from-source.ts).
maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** Test and debugging hook: the live map and how often it has gone idle. */
    __parkplan?: {
      map: maplibregl.Map;
      idleCount: number;
      /** What start-up leaves for idle time is done (see warm-up.ts); for the benchmarks. */
      warmedUp?: boolean;
      draw?: TerraDraw;
      columns?: number;
      /** The last printed page: its bands (mm), whether all its text fitted, and what it said. */
      print?: {
        paper: string;
        legendMm: number;
        footerMm: number;
        fits: boolean;
        content: {
          subtitle: string;
          legend: readonly { text: string }[];
          notes: readonly string[];
          sources: readonly string[];
        };
      };
    };
  }
}

const LAYER_OF: Record<(typeof INTERACTIVE_LAYERS)[number], HoverInfo['layer']> = {
  'zgc-groups-fill': 'zgc-groups',
  'zgc-subparks-fill': 'zgc-subparks',
  'yizhuang-fill': 'yizhuang',
};

/**
 * Re-applying the style must not drop what others added to the map (the
 * drawing engine's layers) nor the blocks' data, which is set directly. The
 * online basemap is the style's own: one no longer chosen goes (it used to
 * stay on top, still fetching tiles).
 */
function keepForeign(prev: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!prev) return next;
  const ours = (id: string) => id.startsWith(BASEMAP_SOURCE_PREFIX);
  const known = new Set(next.layers.map((l) => l.id));
  const sources = { ...next.sources };
  for (const [id, src] of Object.entries(prev.sources))
    if ((!(id in sources) && !ours(id)) || DATA_SOURCES.includes(id)) sources[id] = src;
  const kept = prev.layers.filter((l) => !known.has(l.id) && !ours(l.id));
  return { ...next, sources, layers: [...next.layers, ...kept] };
}

/** Label zoom per geometry object: a document edit replaces only the geometries it changes. */
const labelZooms = new WeakMap<object, number>();
function labelZoom(g: Polygon | MultiPolygon): number {
  let z = labelZooms.get(g);
  if (z === undefined) labelZooms.set(g, (z = labelMinZoom(g)));
  return z;
}

/**
 * Runs `fn` now if the source exists, else once the style has loaded. Not
 * `isStyleLoaded()`: that is false while any source is still fetching (say,
 * a layer just made visible), and the first 'load' never fires again.
 */
function withSource(map: maplibregl.Map, source: string, fn: () => void) {
  if (map.getSource(source)) fn();
  else map.once('load', fn);
}

/** Runs `fn` when the page is idle (at the latest after 2 s); resolves after it. */
function whenIdle(fn: () => void): Promise<void> {
  return new Promise((resolve) => {
    const run = () => {
      fn();
      resolve();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 0);
  });
}

/** While a large change of blocks is still reaching the map (the table has it already). */
function FeedStatus() {
  const { t, i18n } = useTranslation();
  const progress = useMapFeedStore((s) => s.progress);
  if (!progress) return null;
  return (
    <p className="map-feed" role="status">
      {t('map.feeding', {
        done: formatNumber(progress.done, i18n.language),
        total: formatNumber(progress.total, i18n.language),
      })}
    </p>
  );
}

const PLACE_FILE: Record<PlaceRef['kind'], string> = {
  group: 'zgc-groups.geojson',
  subpark: 'zgc-subparks.geojson',
  yizhuang: 'yizhuang.geojson',
};
const HIGHLIGHT_OF: Record<PlaceRef['kind'], string> = {
  group: 'place-highlight-group',
  subpark: 'place-highlight-subpark',
  yizhuang: 'place-highlight-yizhuang',
};

/**
 * Moves the camera to show this extent (a point: close in), clear of the place panel when it is
 * open over the map, animated unless the user asks for reduced motion.
 */
function frame(map: maplibregl.Map, bbox: readonly [number, number, number, number], maxZoom: number) {
  const [w, s, e, n] = bbox;
  const duration = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : 900;
  const box = map.getContainer().getBoundingClientRect();
  const panel = document.querySelector('.place-panel')?.getBoundingClientRect();
  // Room the panel takes at the map's right (not more than half the map: on a phone it covers the width).
  const right = panel && panel.left > box.left ? Math.min(box.right - panel.left + 16, box.width / 2) : 0;
  const padding = { top: 40, bottom: 90, left: 40, right: 40 + right };
  if (box.width - padding.left - padding.right < 40 || box.height - padding.top - padding.bottom < 40)
    Object.assign(padding, { top: 10, bottom: 10, left: 10, right: 10 });
  if (e - w < 1e-9 && n - s < 1e-9)
    map.flyTo({ center: [w, s], zoom: Math.max(map.getZoom(), 16), duration, padding });
  else map.fitBounds([w, s, e, n], { padding, maxZoom, duration });
}

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const blocksFeed = useRef<GeoJsonFeed | null>(null);
  const { i18n, t } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh') as Lang;
  const visible = useLayerStore((s) => s.visible);
  const opacity = useLayerStore((s) => s.opacity);
  const setHover = useHoverStore((s) => s.setHover);
  const basemap = useBasemapStore((s) => s.choice);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const s = useLayerStore.getState();
    // Marks for the start-up benchmark (bench/browser.bench.ts): map created → first idle.
    performance.mark('parkplan:map-create');
    const map = new maplibregl.Map({
      container: container.current,
      style: buildStyle({
        lang,
        visible: s.visible,
        opacity: s.opacity,
        geoBaseUrl: geoBaseUrl(),
        basemap: useBasemapStore.getState().choice,
      }),
      bounds: BEIJING_BOUNDS,
      // Bottom padding keeps southern Daxing clear of the schematic notice.
      fitBoundsOptions: { padding: { top: 24, left: 24, right: 24, bottom: 84 } },
      attributionControl: { compact: true },
      // Keep the canvas readable for PNG export and screenshots.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    blocksFeed.current = createGeoJsonFeed(map, BLOCKS_SOURCE, useMapFeedStore.getState().setProgress);
    setCurrentMap(map);
    const hook: NonNullable<Window['__parkplan']> = { map, idleCount: 0 };
    window.__parkplan = hook;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('idle', () => {
      if (hook.idleCount === 0) {
        performance.mark('parkplan:map-idle');
        // Once the map is up: compile what the first blocks will need (see warm-up.ts).
        // One at a time, each in a task of its own, so none of them holds the page for long.
        setTimeout(() => {
          if (mapRef.current !== map) return;
          void warmUpBlockPrograms(map, 'blocks-fill')
            .then(() => whenIdle(() => warmUpNumberFormat(i18n.language)))
            .then(() => (hook.warmedUp = true));
        }, 0);
      }
      hook.idleCount += 1;
    });
    map.on('error', (e) => {
      const sourceId = (e as unknown as { sourceId?: string }).sourceId;
      // An online basemap's failing tiles are counted and reported by the basemap's own notice.
      if (sourceId?.startsWith(BASEMAP_SOURCE_PREFIX)) {
        const status = (e.error as { status?: number } | undefined)?.status ?? 0;
        useBasemapStore.getState().tileFailed(status, redactKey(e.error?.message ?? String(e.error)));
        return;
      }
      setError(
        t('status.loadError', { layer: sourceId ?? '?', message: e.error?.message ?? String(e.error) }),
      );
    });

    let hoveredRef: { source: string; id: string | number } | null = null;
    const clearHover = () => {
      if (hoveredRef) map.setFeatureState(hoveredRef, { hover: false });
      hoveredRef = null;
      setHover(null);
      map.getCanvas().style.cursor = '';
    };
    map.on('mousemove', (e) => {
      // While drawing, the readout speaks for the pointer: no hover lookup on every move.
      if (useDrawStore.getState().mode !== 'idle') return hoveredRef ? clearHover() : undefined;
      const layers = INTERACTIVE_LAYERS.filter((l) => map.getLayer(l));
      const f = map.queryRenderedFeatures(e.point, { layers: [...layers] })[0];
      if (!f || f.id === undefined) return clearHover();
      const source = f.source;
      if (!hoveredRef || hoveredRef.source !== source || hoveredRef.id !== f.id) {
        if (hoveredRef) map.setFeatureState(hoveredRef, { hover: false });
        hoveredRef = { source, id: f.id };
        map.setFeatureState(hoveredRef, { hover: true });
      }
      map.getCanvas().style.cursor = 'pointer';
      setHover({
        layer: LAYER_OF[f.layer.id as (typeof INTERACTIVE_LAYERS)[number]],
        properties: f.properties,
        x: e.point.x,
        y: e.point.y,
      });
    });
    map.on('mouseout', clearHover);

    // A click selects a block (the table follows); elsewhere it opens the panel of the
    // group, Yizhuang part or sub-park under the pointer, topmost first.
    map.on('click', (e) => {
      if (useDrawStore.getState().mode !== 'idle') return;
      const layers = ['blocks-fill', ...INTERACTIVE_LAYERS].filter((l) => map.getLayer(l));
      const f = map.queryRenderedFeatures(e.point, { layers })[0];
      if (!f || f.id === undefined) return;
      const id = String(f.id);
      if (f.layer.id === 'blocks-fill') return useAnalysisStore.getState().select(id);
      const kind =
        f.layer.id === 'zgc-groups-fill' ? 'group' : f.layer.id === 'yizhuang-fill' ? 'yizhuang' : 'subpark';
      usePanelStore.getState().open({ kind, id } as PlaceRef);
    });

    // The drawing engine (terra-draw, and the readout's measuring code) loads the first time the
    // planner draws or edits: most sessions only look.
    // Called once: at load if a mode is already on, else by the first mode change (which then unsubscribes).
    // Until it is attached, the panel says the tools are being prepared (clicks on the map would not draw yet).
    const attach = () => {
      const draw = useDrawStore.getState();
      draw.setEngine('loading');
      loadDrawing().then(
        ({ attachDrawing }) => {
          if (mapRef.current !== map) return;
          hook.draw = attachDrawing(map, t);
          useDrawStore.getState().setEngine('ready');
        },
        (e: unknown) => {
          // Not loaded: back to looking, with the reason; the next mode change tries again.
          const st = useDrawStore.getState();
          st.setEngine('absent');
          st.setMode('idle');
          st.setMessage(t('edit.engineFailed', { message: String((e as Error)?.message ?? e) }));
          waitForMode();
        },
      );
    };
    const waitForMode = () => {
      const stop = useDrawStore.subscribe((st) => {
        if (st.mode === 'idle') return;
        stop();
        attach();
      });
    };
    map.on('load', () => {
      if (useDrawStore.getState().mode !== 'idle') return attach();
      waitForMode();
    });
    return () => {
      blocksFeed.current?.dispose();
      blocksFeed.current = null;
      map.remove();
      mapRef.current = null;
      setCurrentMap(null);
      if (window.__parkplan === hook) delete window.__parkplan;
    };
    // The map is created once; later UI changes go through setStyle's diff below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const styled = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    // The map was just created with this very style: applying it again before it has loaded would rebuild it.
    if (!styled.current) {
      styled.current = true;
      return;
    }
    // The style is a pure function of UI state; MapLibre diffs it and applies
    // only the changed properties (sources are untouched, nothing reloads).
    map.setStyle(buildStyle({ lang, visible, opacity, geoBaseUrl: geoBaseUrl(), basemap }), {
      diff: true,
      transformStyle: keepForeign,
    });
  }, [lang, visible, opacity, basemap]);

  // Blocks: the active scenario coloured by the rule's verdict.
  const scenario = useDocumentStore((st) => activeScenario(st.doc));
  const reports = useAnalysisStore((st) => st.reports);
  const selectedId = useAnalysisStore((st) => st.selectedId);
  // The outline being vertex-edited is drawn by the drawing engine alone, not twice.
  const editingId = useDrawStore((st) => (st.edit?.field === 'geometry' ? st.edit.blockId : null));
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const update = () =>
      void blocksFeed.current?.set(function* () {
        for (const id of scenario.order) {
          if (id === editingId) continue;
          const b = scenario.blocks[id]!;
          const r = reports.get(id);
          const geometry = b.geometry as Polygon | MultiPolygon;
          yield {
            id,
            properties: {
              id,
              name: b.name,
              mode: r?.mode ?? 'none',
              fragile: !!r?.warnings.some((w) => w.startsWith('near-')),
              lz: labelZoom(geometry),
            },
            geometry,
          };
        }
      }, scenario.order.length);
    withSource(map, BLOCKS_SOURCE, update);
  }, [scenario, reports, editingId]);

  // Retained parts of cut blocks: the planner's shape where drawn, else the suggestion.
  const suggestions = useAnalysisStore((st) => st.suggestions);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    let stale = false;
    // Gathered in slices after the change's own task: a scenario may hold 100,000 blocks.
    const update = async () => {
      const features = await mapInSlices(
        scenario.order,
        (id): Feature<Polygon | MultiPolygon> | undefined => {
          const r = reports.get(id);
          if (r?.mode !== 'cut50' && r?.mode !== 'cut25') return undefined;
          const planned = scenario.blocks[id]!.retained;
          const geometry = planned ?? suggestions.get(id)?.geometry;
          if (!geometry) return undefined;
          return {
            type: 'Feature',
            id,
            properties: { id, kind: planned ? 'planned' : 'suggested' },
            geometry,
          };
        },
        () => stale,
      );
      const src = map.getSource(RETAINED_SOURCE) as maplibregl.GeoJSONSource | undefined;
      if (features && src) src.setData({ type: 'FeatureCollection', features });
    };
    withSource(map, RETAINED_SOURCE, () => void update());
    return () => {
      stale = true;
    };
  }, [scenario, reports, suggestions]);

  // The selected block's heavy outline: its own one-feature source (outlining every block that way cost a frame's worth).
  const selectedGeometry = selectedId ? scenario.blocks[selectedId]?.geometry : undefined;
  const selectedMode = (selectedId && reports.get(selectedId)?.mode) || 'none';
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    withSource(map, SELECTED_SOURCE, () =>
      (map.getSource(SELECTED_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData({
        type: 'FeatureCollection',
        features:
          selectedId && selectedGeometry && selectedId !== editingId
            ? [
                {
                  type: 'Feature',
                  id: selectedId,
                  properties: { id: selectedId, mode: selectedMode },
                  geometry: selectedGeometry as Polygon | MultiPolygon,
                },
              ]
            : [],
      }),
    );
  }, [selectedId, selectedGeometry, selectedMode, editingId]);

  // The reviewer's filter: groups it leaves out are dimmed (feature state, no re-upload of data).
  const filter = useFilterStore((st) => st.filter);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      if (!map.getSource('zgc-groups')) return;
      for (const g of GROUPS)
        map.setFeatureState({ source: 'zgc-groups', id: g.id }, { dim: !matchesGroup(g, filter) });
    };
    withSource(map, 'zgc-groups', apply);
  }, [filter]);

  // 3D columns: deck.gl is loaded the first time they are switched on.
  const extrude = useExtrudeStore((st) => st.spec);
  const extrusionRef = useRef<Extrusion | null>(null);
  const wasExtruded = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    // Tilt the camera when 3D comes on and level it when it goes off (a saved view's camera, applied after, wins).
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    if (extrude && !wasExtruded.current && map.getPitch() < 20)
      map.easeTo({ pitch: 50, duration: reduced ? 0 : 800 });
    if (!extrude && wasExtruded.current) map.easeTo({ pitch: 0, duration: reduced ? 0 : 800 });
    wasExtruded.current = !!extrude;
    if (!extrude) {
      extrusionRef.current?.remove();
      extrusionRef.current = null;
      useExtrudeStore.getState().setScale(null);
      if (window.__parkplan) window.__parkplan.columns = 0;
      return;
    }
    let live = true;
    void (async () => {
      let items: ColumnInput[];
      if (extrude.target === 'groups') {
        const fc = await loadLayer('zgc-groups.geojson');
        items = fc.features.flatMap((f) =>
          f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'
            ? [
                {
                  id: String(f.properties?.id),
                  geometry: f.geometry,
                  value:
                    typeof f.properties?.areaMeasuredKm2 === 'number' ? f.properties.areaMeasuredKm2 : null,
                  color: CATEGORY_COLORS[f.properties?.category as GroupCategory] ?? '#888888',
                },
              ]
            : [],
        );
      } else {
        items = scenario.order.map((id) => {
          const r = reports.get(id);
          return {
            id,
            geometry: scenario.blocks[id]!.geometry,
            value: r ? blockFigure(r, extrude.figure) : null,
            color: MODE_COLORS[r?.mode ?? 'none'],
          };
        });
      }
      const { columns, scale } = columnsOf(items);
      const { createExtrusion } = await import('./extrusion-layer');
      if (!live) return;
      withSource(map, BLOCKS_SOURCE, () => {
        if (!live) return;
        extrusionRef.current ??= createExtrusion(map);
        extrusionRef.current.setColumns(columns);
        useExtrudeStore.getState().setScale(scale, columns);
        if (window.__parkplan) window.__parkplan.columns = columns.length;
      });
    })();
    return () => {
      live = false;
    };
  }, [extrude, scenario, reports]);

  // Saved views (meeting mode, the views list) fly to their frame.
  const frameRequest = useViewStore((st) => st.frame);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !frameRequest) return;
    void flyToFrame(map, frameRequest.frame, { instant: frameRequest.instant });
  }, [frameRequest]);

  // Camera requests from the panels (a listed problem, a block).
  const focus = useViewStore((st) => st.focus);
  const marker = useViewStore((st) => st.marker);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    frame(map, focus.bbox, 17);
  }, [focus]);

  // The place whose panel is open (from a click, the search or a link): outlined and framed clear of the panel.
  const place = usePanelStore((st) => st.place);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    let live = true;
    const apply = () => {
      for (const [layer] of PLACE_HIGHLIGHT)
        if (map.getLayer(layer))
          map.setFilter(layer, [
            '==',
            ['get', 'id'],
            place && HIGHLIGHT_OF[place.kind] === layer ? place.id : '',
          ]);
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
    if (place && usePanelStore.getState().frame)
      void loadLayer(PLACE_FILE[place.kind]).then((fc) => {
        const f = fc.features.find((x) => x.properties?.id === place.id);
        if (!live || !f || mapRef.current !== map) return;
        const g = f.geometry as Areal;
        if (g.type === 'Polygon' || g.type === 'MultiPolygon') frame(map, bboxOf(polygonsOf(g)), 15);
      });
    return () => {
      live = false;
    };
  }, [place]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const update = () =>
      (map.getSource(MARKER_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData({
        type: 'FeatureCollection',
        features: marker
          ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [...marker] } }]
          : [],
      });
    withSource(map, MARKER_SOURCE, update);
  }, [marker]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="region" aria-label={t('app.title')} />
      <BasemapErrors />
      <FeedStatus />
      {error && (
        <div className="map-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
