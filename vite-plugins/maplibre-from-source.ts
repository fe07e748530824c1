import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';

/** What the app imports to learn where MapLibre's worker script is. */
export const MAPLIBRE_WORKER_URL = 'virtual:maplibre-worker-url';
const RESOLVED = '\0' + MAPLIBRE_WORKER_URL;

/**
 * Builds MapLibre GL from the TypeScript sources its package ships, with its
 * worker emitted as a chunk of the app's own build.
 *
 * Why: MapLibre 6 publishes its main module and its worker as two standalone
 * bundles (its shared chunk is empty), so the style spec, expression engine,
 * tiling and geometry code travel twice — ≈ 434 KB gzip together. Built in one
 * bundler context, what both threads use lands in one shared chunk, loaded once
 * and cached for the worker, and what ParkPlan never uses is tree-shaken. This
 * is the route MapLibre's maintainers describe for bundler users
 * (maplibre/maplibre-gl-js#7744).
 *
 * Build only: the dev server keeps the published bundles, which need no
 * TypeScript transform of ≈ 400 modules on every start.
 */
/**
 * MapLibre's `util/geojson_bounds.ts` as built here: the same function,
 * computed by `geoJsonExtent` (see there for why), with the same errors for a
 * position MapLibre would refuse (LngLat checks the extremes).
 */
const GEOJSON_BOUNDS = `
import {LngLat} from '../geo/lng_lat.ts';
import {LngLatBounds} from '../geo/lng_lat_bounds.ts';
import {geoJsonExtent} from ${JSON.stringify(fileURLToPath(new URL('./geojson-extent.ts', import.meta.url)))};

export function getGeoJSONBounds(data: GeoJSON.GeoJSON): LngLatBounds {
    const e = geoJsonExtent(data);
    return e ? new LngLatBounds(new LngLat(e[0], e[1]), new LngLat(e[2], e[3])) : new LngLatBounds();
}
`;

export function maplibreFromSource(): Plugin[] {
  const pkg = dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json'));
  const src = join(pkg, 'src');
  const geojsonBounds = join(src, 'util', 'geojson_bounds.ts');
  return [
    {
      name: 'parkplan-maplibre-from-source',
      apply: 'build',
      config: () => ({
        resolve: {
          alias: [
            { find: /^maplibre-gl$/, replacement: join(src, 'index.ts') },
            {
              find: /^@maplibre\/mlt$/,
              replacement: fileURLToPath(new URL('./mlt-not-used.ts', import.meta.url)),
            },
          ],
        },
      }),
      resolveId: (id) => (id === MAPLIBRE_WORKER_URL ? RESOLVED : undefined),
      // MapLibre is written for TypeScript's useDefineForClassFields: false. Its
      // struct arrays, for one, declare typed-array fields that the base
      // constructor fills; standard class fields would reset them to undefined.
      transform: {
        order: 'pre',
        filter: { id: /[\\/]maplibre-gl[\\/]src[\\/].*\.ts$/ },
        handler: async (code, id) => {
          const out = await transformWithOxc(code, id, {
            lang: 'ts',
            sourcemap: true,
            typescript: { removeClassFieldsWithoutInitializer: true },
            assumptions: { setPublicClassFields: true },
          });
          return { code: out.code, map: out.map };
        },
      },
      load(id) {
        if (id === geojsonBounds) return GEOJSON_BOUNDS;
        if (id !== RESOLVED) return;
        const ref = this.emitFile({
          type: 'chunk',
          id: join(src, 'source', 'worker.ts'),
          name: 'maplibre-gl-worker',
        });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      },
    },
    {
      name: 'parkplan-maplibre-published-worker',
      apply: 'serve',
      resolveId: (id) => (id === MAPLIBRE_WORKER_URL ? RESOLVED : undefined),
      load: (id) =>
        id === RESOLVED
          ? `export { default } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';`
          : undefined,
    },
  ];
}
