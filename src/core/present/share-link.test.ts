import { describe, expect, it } from 'vitest';
import { isShareHash, parseShareHash, shareHash, type SharedView } from './share-link';
import { NO_FILTER } from '../review/group-filter';
import { LAYERS, type LayerId } from '../../data/layers';

const all = Object.fromEntries(LAYERS.map((l) => [l.id, true])) as Record<LayerId, boolean>;
const view: SharedView = {
  camera: { center: [116.312345678, 39.987654321], zoom: 11.234, bearing: -12.34, pitch: 45.06 },
  visible: { ...all, districts: false, yizhuang: false },
  filter: { ...NO_FILTER, categories: ['三城一区'], modes: ['research'], fields: ['集成电路'] },
  place: { kind: 'group', id: 'zhongzhixue' },
  extrude: { target: 'blocks', figure: 'score' },
  basemap: 'osm',
};

describe('share links', () => {
  it('round-trip the view (camera to 5 decimals of a degree, about 1 m)', () => {
    const hash = shareHash(view);
    expect(isShareHash(hash)).toBe(true);
    const back = parseShareHash(hash)!;
    expect(back.dropped).toEqual([]);
    expect(back.view.camera).toEqual({
      center: [116.31235, 39.98765],
      zoom: 11.23,
      bearing: -12.3,
      pitch: 45.1,
    });
    expect(back.view.visible).toEqual(view.visible);
    expect(back.view.filter).toEqual(view.filter);
    expect(back.view.place).toEqual(view.place);
    expect(back.view.extrude).toEqual(view.extrude);
    expect(back.view.basemap).toBe('osm');
  });

  it('write the camera like MapLibre’s hash (zoom/lat/lon/bearing/pitch) and never a key', () => {
    const hash = shareHash({ ...view, basemap: 'tianditu-img' });
    expect(new URLSearchParams(hash.slice(1)).get('map')).toBe('11.23/39.98765/116.31235/-12.3/45.1');
    expect(hash).not.toMatch(/tk=|key/i);
  });

  it('leave out what is default: the offline basemap, no filter, no place, no 3D', () => {
    const hash = shareHash({ ...view, filter: NO_FILTER, place: null, extrude: null, basemap: 'offline' });
    expect([...new URLSearchParams(hash.slice(1)).keys()]).toEqual(['map', 'layers']);
  });

  it('a place-only link (#group=…) is not a shared view', () => {
    expect(isShareHash('#group=zhongzhixue')).toBe(false);
    expect(parseShareHash('#group=zhongzhixue')).toBeNull();
  });

  it('refuse a camera out of range, and drop unknown layers, filters, places and 3D figures, saying which', () => {
    expect(parseShareHash('#map=30/39.9/116.4/0/0')).toBeNull();
    expect(parseShareHash('#map=10/95/116.4/0/0')).toBeNull();
    expect(parseShareHash('#map=10/39.9/116.4/0')).toBeNull();
    expect(parseShareHash('#map=10/39.9/116.4/0/NaN')).toBeNull();
    const r = parseShareHash(
      '#map=10/39.9/116.4/0/0&layers=zgc-groups,roads&category=外星区&group=nowhere&3d=groups:score&base=<script>',
    )!;
    expect(r.view.visible['zgc-groups']).toBe(true);
    expect(r.view.visible.districts).toBe(false);
    expect(r.view.filter).toEqual(NO_FILTER);
    expect(r.view.place).toBeNull();
    expect(r.view.extrude).toBeNull();
    expect(r.view.basemap).toBe('offline');
    expect(r.dropped).toEqual(['layers=roads', 'category=外星区', 'group=nowhere', '3d=groups:score']);
  });
});
