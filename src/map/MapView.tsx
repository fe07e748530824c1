import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useTranslation } from 'react-i18next';
import { useLayerStore } from '../state/layers-store';
import { useHoverStore, type HoverInfo } from '../state/hover-store';
import { BEIJING_BOUNDS, buildStyle, INTERACTIVE_LAYERS, type Lang } from './style';

// MapLibre 6 is ESM-only; under Vite its worker must be pointed at explicitly,
// or the map never fires `load`/`idle`.
maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** Test and debugging hook: the live map and how often it has gone idle. */
    __parkplan?: { map: maplibregl.Map; idleCount: number };
  }
}

const LAYER_OF: Record<(typeof INTERACTIVE_LAYERS)[number], HoverInfo['layer']> = {
  'zgc-groups-fill': 'zgc-groups',
  'zgc-subparks-fill': 'zgc-subparks',
  'yizhuang-fill': 'yizhuang',
};

function geoBaseUrl(): string {
  return new URL('geo/', document.baseURI).href;
}

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const { i18n, t } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh') as Lang;
  const visible = useLayerStore((s) => s.visible);
  const opacity = useLayerStore((s) => s.opacity);
  const setHover = useHoverStore((s) => s.setHover);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const s = useLayerStore.getState();
    const map = new maplibregl.Map({
      container: container.current,
      style: buildStyle({ lang, visible: s.visible, opacity: s.opacity, geoBaseUrl: geoBaseUrl() }),
      bounds: BEIJING_BOUNDS,
      // Bottom padding keeps southern Daxing clear of the schematic notice.
      fitBoundsOptions: { padding: { top: 24, left: 24, right: 24, bottom: 84 } },
      attributionControl: { compact: true },
      // Keep the canvas readable for PNG export and screenshots.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    const hook = { map, idleCount: 0 };
    window.__parkplan = hook;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('idle', () => {
      hook.idleCount += 1;
    });
    map.on('error', (e) => {
      const sourceId = (e as unknown as { sourceId?: string }).sourceId;
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
    return () => {
      map.remove();
      mapRef.current = null;
      if (window.__parkplan === hook) delete window.__parkplan;
    };
    // The map is created once; later UI changes go through setStyle's diff below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    // The style is a pure function of UI state; MapLibre diffs it and applies
    // only the changed properties (sources are untouched, nothing reloads).
    map.setStyle(buildStyle({ lang, visible, opacity, geoBaseUrl: geoBaseUrl() }), { diff: true });
  }, [lang, visible, opacity]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="region" aria-label={t('app.title')} />
      {error && (
        <div className="map-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
