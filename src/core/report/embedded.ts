import type { FeatureCollection } from 'geojson';
import { buildContext, type ReportContext } from './context';

/**
 * The report context from the embedded layers (public/geo/), fetched from
 * `geoBaseUrl`. The page (live readout) and the worker (assessment) both use
 * it; `fetch` exists in both, so this stays free of DOM code.
 */
export async function fetchEmbeddedContext(geoBaseUrl: string | URL): Promise<ReportContext> {
  const get = async (f: string) => {
    const r = await fetch(new URL(f, geoBaseUrl));
    if (!r.ok) throw new Error(`cannot load ${f}: ${r.status}`);
    return (await r.json()) as FeatureCollection;
  };
  const [subparks, districts, scope, yizhuang] = await Promise.all(
    ['zgc-subparks.geojson', 'districts.geojson', 'zgc-scope.geojson', 'yizhuang.geojson'].map(get),
  );
  return buildContext({
    subparks: subparks!,
    districts: districts!,
    scope: scope!,
    yizhuang: yizhuang!,
    scopeIsSubparkUnion: true,
  });
}
