import { describe, expect, it } from 'vitest';
import { buildStyle, STYLE_LAYERS } from './style';
import { LAYERS } from '../data/layers';
import { DEFAULT_OPACITY, DEFAULT_VISIBLE } from '../state/layers-store';

const base = { visible: DEFAULT_VISIBLE, opacity: DEFAULT_OPACITY, geoBaseUrl: 'http://localhost/geo/' };

describe('offline style', () => {
  it('has a source per embedded layer at an absolute URL, and no glyph or tile server', () => {
    const s = buildStyle({ ...base, lang: 'zh' });
    for (const l of LAYERS)
      expect(s.sources[l.id]).toMatchObject({ type: 'geojson', data: `http://localhost/geo/${l.file}` });
    expect(s.glyphs).toBeUndefined();
    expect(JSON.stringify(s)).not.toMatch(/https?:\/\/(?!localhost)/);
  });

  it('draws every style layer it names for each panel layer', () => {
    const ids = new Set(buildStyle({ ...base, lang: 'zh' }).layers.map((l) => l.id));
    for (const l of LAYERS) for (const id of STYLE_LAYERS[l.id]) expect(ids.has(id), id).toBe(true);
  });

  it('hides all style layers of a hidden panel layer', () => {
    const s = buildStyle({ ...base, lang: 'zh', visible: { ...DEFAULT_VISIBLE, 'zgc-groups': false } });
    for (const id of STYLE_LAYERS['zgc-groups']) {
      expect(s.layers.find((l) => l.id === id)!.layout).toMatchObject({ visibility: 'none' });
    }
    expect(s.layers.find((l) => l.id === 'districts-fill')!.layout).toMatchObject({ visibility: 'visible' });
  });

  it('labels in the chosen language', () => {
    const label = (lang: 'zh' | 'en') =>
      (
        buildStyle({ ...base, lang }).layers.find((l) => l.id === 'district-labels')!.layout as Record<
          string,
          unknown
        >
      )['text-field'];
    expect(label('zh')).toEqual(['get', 'nameZh']);
    expect(label('en')).toEqual(['get', 'nameEn']);
  });

  it('dashes the outlines of schematic layers', () => {
    const s = buildStyle({ ...base, lang: 'zh' });
    for (const id of ['zgc-scope-line', 'zgc-subparks-line', 'zgc-groups-line', 'yizhuang-line']) {
      expect(
        (s.layers.find((l) => l.id === id)!.paint as Record<string, unknown>)['line-dasharray'],
        id,
      ).toBeDefined();
    }
  });
});
