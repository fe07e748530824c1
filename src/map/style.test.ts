import { describe, expect, it } from 'vitest';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { buildStyle, STYLE_LAYERS } from './style';
import { BASEMAPS, redactKey } from './basemaps';
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

describe('online basemaps (an option)', () => {
  const ids = (s: ReturnType<typeof buildStyle>) => s.layers.map((l) => l.id);
  it('OpenStreetMap: a raster under every ParkPlan layer, attributed, districts outlined only', () => {
    const s = buildStyle({ ...base, lang: 'zh', basemap: { id: 'osm', tiandituKey: '' } });
    expect(s.sources['basemap-osm']).toMatchObject({
      type: 'raster',
      tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    });
    expect(String((s.sources['basemap-osm'] as { attribution: string }).attribution)).toContain(
      'OpenStreetMap',
    );
    expect(ids(s).slice(0, 3)).toEqual(['background', 'basemap-osm', 'districts-fill']);
    expect((s.layers[2]!.paint as Record<string, unknown>)['fill-opacity']).toBe(0);
  });

  it('Tianditu needs a key; with one, imagery and its annotation come from all eight hosts with the key', () => {
    expect(
      Object.keys(
        buildStyle({ ...base, lang: 'zh', basemap: { id: 'tianditu-img', tiandituKey: ' ' } }).sources,
      ),
    ).not.toContain('basemap-img');
    const s = buildStyle({ ...base, lang: 'zh', basemap: { id: 'tianditu-img', tiandituKey: 'k1' } });
    const img = s.sources['basemap-img'] as { tiles: string[] };
    expect(img.tiles).toHaveLength(8);
    expect(img.tiles[3]).toMatch(/^https:\/\/t3\.tianditu\.gov\.cn\/img_w\/wmts\?/);
    expect(img.tiles[3]).toContain('LAYER=img&STYLE=default&TILEMATRIXSET=w');
    expect(img.tiles[3]).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k1');
    // Annotation above the park fills, under ParkPlan's own labels.
    const order = ids(s);
    expect(order.indexOf('basemap-cia')).toBeGreaterThan(order.indexOf('zgc-groups-fill'));
    expect(order.indexOf('basemap-cia')).toBeLessThan(order.indexOf('district-labels'));
  });

  it('Tianditu annotation follows the UI language (cva in Chinese, eva in English)', () => {
    const k = { id: 'tianditu-vec' as const, tiandituKey: 'k' };
    expect(Object.keys(buildStyle({ ...base, lang: 'zh', basemap: k }).sources)).toContain('basemap-cva');
    expect(Object.keys(buildStyle({ ...base, lang: 'en', basemap: k }).sources)).toContain('basemap-eva');
  });
});

describe('redactKey', () => {
  it('hides the Tianditu key in any text shown to users', () => {
    expect(redactKey('GET https://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&tk=abc123&x=1 failed')).toBe(
      'GET https://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&tk=***&x=1 failed',
    );
  });
});

describe('sources the built app can draw', () => {
  it('are GeoJSON or raster tiles, never vector tiles: the build leaves out the MLT decoder (vite-plugins/mlt-not-used.ts)', () => {
    for (const b of BASEMAPS)
      for (const lang of ['zh', 'en'] as const) {
        const s = buildStyle({ ...base, lang, basemap: { id: b.id, tiandituKey: 'k' } });
        for (const [id, source] of Object.entries(s.sources))
          expect(['geojson', 'raster'], id).toContain(source.type);
      }
  });
});

/**
 * How MapLibre feeds a paint value to its shader, by MapLibre's own expression
 * parser: a constant or zoom-only value is a uniform ('u'), one that varies per
 * feature a vertex attribute ('a'), one varying with both 'z'. Layers of a type
 * whose values bind alike share one compiled shader program.
 */
function binding(layer: LayerSpecification, property: string): 'u' | 'a' | 'z' {
  const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]![
    property
  ];
  const parsed = expression.createPropertyExpression(
    paint[property] ?? (spec as { default?: unknown }).default,
    property,
    spec as Parameters<typeof expression.createPropertyExpression>[2],
  );
  if (parsed.result !== 'success')
    throw new Error(`${layer.id} ${property}: ${JSON.stringify(parsed.value)}`);
  const kind = parsed.value.kind;
  return kind === 'constant' || kind === 'camera' ? 'u' : kind === 'source' ? 'a' : 'z';
}

describe('shader programs at start-up (each one a link of 20–120 ms under SwiftShader, BENCHMARKS.md)', () => {
  const layers = buildStyle({ ...base, lang: 'zh' }).layers;
  const layer = (id: string) => layers.find((l) => l.id === id)!;
  const paint = (id: string) => (layer(id) as { paint: Record<string, unknown> }).paint;
  const parkFills = ['districts-fill', 'yizhuang-fill', 'zgc-subparks-fill', 'zgc-groups-fill'];
  const dashed = ['yizhuang-line', 'zgc-subparks-line', 'zgc-scope-line', 'zgc-groups-line'];

  it('the four park fills bind colour and opacity alike, so they draw with one program', () => {
    for (const id of parkFills) {
      expect(binding(layer(id), 'fill-color'), id).toBe('a');
      expect(binding(layer(id), 'fill-opacity'), id).toBe('a');
      expect(paint(id)['fill-outline-color'], id).toBeUndefined();
    }
  });

  it('no park fill draws its own antialiased edge: an outline layer is drawn over each', () => {
    const ids = new Set(layers.map((l) => l.id));
    for (const id of parkFills) {
      expect(paint(id)['fill-antialias'], id).toBe(false);
      expect(ids.has(id.replace('-fill', '-line')), id).toBe(true);
    }
  });

  it('the dashed outlines bind every value as a uniform, so they draw with one program', () => {
    for (const id of dashed)
      for (const p of [
        'line-color',
        'line-width',
        'line-opacity',
        'line-blur',
        'line-gap-width',
        'line-offset',
      ])
        expect(binding(layer(id), p), `${id} ${p}`).toBe('u');
  });

  it('still shows the hover: the park fills deepen under the pointer', () => {
    for (const id of ['yizhuang-fill', 'zgc-subparks-fill', 'zgc-groups-fill'])
      expect(JSON.stringify(paint(id)['fill-opacity']), id).toContain('"hover"');
  });
});
