import type { Map as MaplibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    __parkplan?: {
      map: MaplibreMap;
      idleCount: number;
      warmedUp?: boolean;
      draw?: unknown;
      columns?: number;
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
export {};
