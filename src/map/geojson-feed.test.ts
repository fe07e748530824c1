import { describe, expect, it } from 'vitest';
import type { GeoJSONSourceDiff, Map as MaplibreMap } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import { createGeoJsonFeed, type FeedFeature } from './geojson-feed';

/** A stand-in for MapLibre: a source that records each diff and keeps what it would hold. */
function fakeMap(opts: { failOn?: number } = {}) {
  const diffs: GeoJSONSourceDiff[] = [];
  const held = new Map<string, { properties: Record<string, unknown>; geometry: unknown }>();
  const source = {
    serialize: () => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [...held.values()] } }),
    updateData: async (d: GeoJSONSourceDiff) => {
      diffs.push(d);
      if (opts.failOn === diffs.length) throw new Error('worker gone');
      if (d.removeAll) held.clear();
      for (const id of d.remove ?? []) held.delete(String(id));
      for (const f of d.add ?? [])
        held.set(String(f.id), { properties: { ...f.properties }, geometry: f.geometry });
      for (const u of d.update ?? [])
        for (const { key, value } of u.addOrUpdateProperties ?? [])
          held.get(String(u.id))!.properties[key] = value;
    },
  };
  const map = { getSource: () => source } as unknown as MaplibreMap;
  return { map, diffs, held };
}

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 0],
    ],
  ],
});

function features(n: number, mode = 'none', geoms = new Map<number, Polygon>()): FeedFeature[] {
  return Array.from({ length: n }, (_, i) => {
    if (!geoms.has(i)) geoms.set(i, square(i));
    return { id: `b${i}`, properties: { id: `b${i}`, mode }, geometry: geoms.get(i)! };
  });
}

describe('geojson feed', () => {
  it('sends a large change in pieces, reports progress while it does, and clears it at the end', async () => {
    const { map, diffs, held } = fakeMap();
    const progress: ({ done: number; total: number } | null)[] = [];
    const feed = createGeoJsonFeed(map, 'blocks', (p) => progress.push(p));
    const fs = features(2000);
    await feed.set(() => fs, fs.length);
    // 24 positions per block: pieces of ≈ 10,000 hold ≈ 417 blocks.
    expect(diffs.length).toBeGreaterThan(3);
    for (const d of diffs) expect(d.add!.length).toBeLessThanOrEqual(420);
    expect(held.size).toBe(2000);
    expect(progress.at(-1)).toBeNull();
    expect(progress.filter(Boolean).at(-1)).toMatchObject({ total: 2000 });
  });

  it('then sends only what changed: a new geometry, new property values, a removal', async () => {
    const { map, diffs, held } = fakeMap();
    const feed = createGeoJsonFeed(map, 'blocks');
    const geoms = new Map<number, Polygon>();
    await feed.set(() => features(10, 'none', geoms), 10);
    diffs.length = 0;
    geoms.set(3, square(30));
    const next = features(10, 'none', geoms).filter((f) => f.id !== 'b7');
    next[5] = { ...next[5]!, properties: { id: 'b5', mode: 'remove' } };
    await feed.set(() => next, next.length);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.add!.map((f) => f.id)).toEqual(['b3']);
    expect(diffs[0]!.update).toEqual([
      {
        id: 'b5',
        addOrUpdateProperties: [
          { key: 'id', value: 'b5' },
          { key: 'mode', value: 'remove' },
        ],
      },
    ]);
    expect(diffs[0]!.remove).toEqual(['b7']);
    expect(held.get('b5')!.properties.mode).toBe('remove');
    // Nothing changed: nothing sent.
    diffs.length = 0;
    await feed.set(() => next, next.length);
    expect(diffs).toHaveLength(0);
  });

  it('a later change supersedes an unfinished one, and the source ends as the later one says', async () => {
    const { map, held } = fakeMap();
    const feed = createGeoJsonFeed(map, 'blocks');
    const first = feed.set(() => features(3000), 3000);
    const second = feed.set(() => features(5, 'cut50'), 5);
    await Promise.all([first, second]);
    expect([...held.keys()].sort()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    expect([...held.values()].every((h) => h.properties.mode === 'cut50')).toBe(true);
  });

  it('after a piece the map did not take, the next change starts again from nothing', async () => {
    const { map, diffs, held } = fakeMap({ failOn: 2 });
    const feed = createGeoJsonFeed(map, 'blocks');
    await feed.set(() => features(10), 10);
    await feed.set(() => features(10), 10); // fails: the source's content is unknown
    await feed.set(() => features(4), 4);
    expect(diffs.at(-1)!.removeAll).toBe(true);
    expect([...held.keys()].sort()).toEqual(['b0', 'b1', 'b2', 'b3']);
  });
});
