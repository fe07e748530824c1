import { describe, expect, it } from 'vitest';
import type { GeoJSONSource } from 'maplibre-gl';
import { serializeLazily } from './lazy-serialize';

/** A stand-in for a GeoJSON source fed by updateData: serialising lists every feature it holds. */
function fakeSource(features: unknown[]) {
  let calls = 0;
  const source = {
    serialize() {
      calls++;
      return {
        type: 'geojson',
        promoteId: 'id',
        data: { type: 'FeatureCollection', features: [...features] },
      };
    },
  };
  return { source: source as unknown as GeoJSONSource, calls: () => calls };
}

describe('serializeLazily', () => {
  it('builds nothing for an event nobody reads', () => {
    const { source, calls } = fakeSource([]);
    serializeLazily(source);
    const before = calls();
    // What MapLibre's style does for each event: the spec is made and attached, not read.
    const event = { ...{ sourceId: 'blocks', source: source.serialize() } };
    expect(event.source).toBeDefined();
    expect(calls()).toBe(before);
  });

  it('gives the same spec as before when read, by any reader, built once per call', () => {
    const features = [{ type: 'Feature', id: 'a', properties: {}, geometry: null }];
    const { source, calls } = fakeSource(features);
    const plain = source.serialize();
    serializeLazily(source);
    const spec = source.serialize();
    const before = calls();
    expect(spec).toEqual(plain);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(plain);
    expect(structuredClone(spec)).toEqual(plain);
    expect({ ...spec }).toEqual(plain);
    expect(calls()).toBe(before + 1);
    // Later data shows in later calls.
    features.push({ type: 'Feature', id: 'b', properties: {}, geometry: null });
    expect((source.serialize() as { data: { features: unknown[] } }).data.features).toHaveLength(2);
  });

  it('is applied once per source', () => {
    const { source } = fakeSource([]);
    serializeLazily(source);
    const first = source.serialize;
    serializeLazily(source);
    expect(source.serialize).toBe(first);
  });
});
