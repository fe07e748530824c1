import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { Geometry } from 'geojson';
import { yieldToPage } from '../util/tasks';

/**
 * Feeds a GeoJSON source as a data: URL, which MapLibre's worker fetches and
 * parses itself. `setData(object)` would serialise every feature for the
 * worker in one main-thread task (≈ 0.4 s for 10,000 blocks here, seconds
 * for 100,000). Not a blob: URL: MapLibre's worker hands those back to the
 * page to fetch (and the page would then serialise the parsed result). The
 * text is built a slice at a time, yielding between slices, and each
 * geometry's JSON is kept while the geometry object lives (blocks are
 * immutable), so an edit among 100,000 blocks mostly re-joins strings.
 */

export interface FeedFeature {
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly geometry: Geometry;
}

/** Time a slice may run before the feed yields to the page. */
const SLICE_MS = 8;

const geometryJson = new WeakMap<object, string>();
function jsonOf(g: Geometry): string {
  let s = geometryJson.get(g);
  // Coordinates and type names only: nothing to escape, but cheap to be sure.
  if (s === undefined) geometryJson.set(g, (s = urlSafeJson(JSON.stringify(g))));
  return s;
}

export interface GeoJsonFeed {
  /** Replaces the source's data; a later call supersedes an unfinished one. Resolves when handed to MapLibre (or superseded). */
  set(features: () => Iterable<FeedFeature>): Promise<void>;
  /** Stops any unfinished feed. */
  dispose(): void;
}

/**
 * JSON as the body of a data: URL: "#" would end it, "%" would be read as an
 * escape, and "://" would make MapLibre treat it as a custom protocol. JSON
 * has "/" only inside strings, so escaping these three keeps every byte.
 */
export function urlSafeJson(json: string): string {
  return json.replace(/[%#/]/g, (c) => (c === '%' ? '%25' : c === '#' ? '%23' : '%2F'));
}

export const DATA_URL_PREFIX = 'data:application/json;charset=utf-8,';

export function createGeoJsonFeed(map: MaplibreMap, sourceId: string): GeoJsonFeed {
  let run = 0;
  return {
    async set(features) {
      const mine = ++run;
      const parts: string[] = [];
      let sliceStart = performance.now();
      for (const f of features()) {
        parts.push(
          `{"type":"Feature","id":${urlSafeJson(JSON.stringify(f.id))},"properties":${urlSafeJson(JSON.stringify(f.properties))},"geometry":${jsonOf(f.geometry)}}`,
        );
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          if (mine !== run) return;
          sliceStart = performance.now();
        }
      }
      const source = map.getSource(sourceId) as GeoJSONSource | undefined;
      if (mine !== run || !source) return;
      source.setData(`${DATA_URL_PREFIX}{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
    },
    dispose() {
      run++;
    },
  };
}
