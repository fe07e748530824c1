import { useEffect, useState } from 'react';
import type { Feature, FeatureCollection } from 'geojson';

/**
 * The embedded layers (public/geo/) as data, for panels that need a feature's
 * properties or geometry (deep links open a panel before anything is clicked).
 * Fetched once per file; the browser has them cached from the map already.
 */
const cache = new Map<string, Promise<FeatureCollection>>();

export function loadLayer(file: string): Promise<FeatureCollection> {
  let p = cache.get(file);
  if (!p) {
    p = fetch(new URL(`geo/${file}`, document.baseURI)).then((r) => {
      if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
      return r.json() as Promise<FeatureCollection>;
    });
    cache.set(file, p);
  }
  return p;
}

/** The feature with this id in a layer file, once loaded (null until then or if absent). */
export function useLayerFeature(file: string, id: string): Feature | null {
  const [found, setFound] = useState<{ key: string; feature: Feature | null } | null>(null);
  const key = `${file}#${id}`;
  useEffect(() => {
    let live = true;
    void loadLayer(file).then((fc) => {
      if (live) setFound({ key, feature: fc.features.find((f) => f.properties?.id === id) ?? null });
    });
    return () => {
      live = false;
    };
  }, [file, id, key]);
  return found?.key === key ? found.feature : null;
}
