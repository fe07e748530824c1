/* global URLSearchParams, location, performance, window */
// A bare MapLibre map: one GeoJSON source per file, a fill and an outline each.
import * as maplibregl from '/maplibre/maplibre-gl.mjs';

maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const params = new URLSearchParams(location.search);
const data = (params.get('data') ?? '').split(',').filter(Boolean);
const [lon, lat, zoom] = (params.get('view') ?? '116.4,39.95,8.2').split(',').map(Number);
const sources = {};
const layers = [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } }];
data.forEach((url, i) => {
  sources[`s${i}`] = { type: 'geojson', data: url };
  layers.push({
    id: `f${i}`,
    type: 'fill',
    source: `s${i}`,
    paint: { 'fill-color': '#3b82f6', 'fill-opacity': 0.3 },
  });
  layers.push({
    id: `l${i}`,
    type: 'line',
    source: `s${i}`,
    paint: { 'line-color': '#1e3a8a', 'line-width': 1 },
  });
});
performance.mark('parkplan:map-create');
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources, layers },
  center: [lon, lat],
  zoom,
  attributionControl: false,
});
window.__ref = { map, idleCount: 0 };
map.on('idle', () => {
  if (window.__ref.idleCount === 0) performance.mark('parkplan:map-idle');
  window.__ref.idleCount += 1;
});
