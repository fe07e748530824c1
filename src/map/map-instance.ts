import type * as maplibregl from 'maplibre-gl';

/** The live map, for panels that read its camera (save a view, share a link, export an image). */
let current: maplibregl.Map | null = null;

export const currentMap = () => current;
export function setCurrentMap(map: maplibregl.Map | null) {
  current = map;
}

/** The live camera, or null before the map exists. */
export function currentCamera() {
  if (!current) return null;
  const c = current.getCenter();
  return {
    center: [c.lng, c.lat] as [number, number],
    zoom: current.getZoom(),
    bearing: current.getBearing(),
    pitch: current.getPitch(),
  };
}

/** Absolute URL of the embedded GeoJSON folder (MapLibre's workers need absolute URLs). */
export function geoBaseUrl(): string {
  return new URL('geo/', document.baseURI).href;
}
