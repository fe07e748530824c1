import type { Map as MaplibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    __parkplan?: {
      map: MaplibreMap;
      idleCount: number;
      warmedUp?: boolean;
      draw?: unknown;
      columns?: number;
    };
  }
}
export {};
