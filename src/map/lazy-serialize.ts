import type { GeoJSONSource } from 'maplibre-gl';

/**
 * Makes a GeoJSON source's `serialize()` build its data only when read.
 *
 * Why: MapLibre's style hands `source: tileManager.serialize()` to every event
 * a source fires (the evented parent of `Style.addSource`, maplibre-gl 6.17),
 * whether or not anyone reads it; and for a source fed by `updateData`,
 * serialising makes an array of all its features. With 100,000 blocks each
 * tile loaded made an 800 KB array nobody read, ≈ 130 MB of large objects
 * during one import, which set off the collector's full pauses on the page.
 *
 * The object returned has the same keys, each an enumerable getter: a spread,
 * JSON, a structured clone or `map.getStyle()` sees the very same spec, built
 * on the first read (once per call). Keys are those the source had when this
 * was applied; ParkPlan's fed sources take no later options (no clustering).
 */
const LAZY = Symbol('lazy-serialize');

export function serializeLazily(source: GeoJSONSource): void {
  const s = source as GeoJSONSource & { [LAZY]?: true };
  if (s[LAZY]) return;
  s[LAZY] = true;
  const serialize = source.serialize.bind(source);
  const keys = Object.keys(serialize());
  source.serialize = () => {
    let spec: Record<string, unknown> | undefined;
    const full = () => (spec ??= serialize() as unknown as Record<string, unknown>);
    const out = {};
    for (const k of keys) Object.defineProperty(out, k, { get: () => full()[k], enumerable: true });
    return out as ReturnType<GeoJSONSource['serialize']>;
  };
}
