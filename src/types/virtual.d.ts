declare module 'virtual:maplibre-worker-url' {
  /** URL of MapLibre's worker script (vite-plugins/maplibre-from-source.ts). */
  const url: string;
  export default url;
}
