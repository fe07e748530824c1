import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Frame } from '../core/present/story';
import { LAYERS } from '../data/layers';
import { loadLayer } from './layer-data';
import { bboxOf, polygonsOf, type Areal } from '../core/overlay/zones';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useExtrudeStore } from '../state/extrude-store';

type BBox = [number, number, number, number];

function bboxOfFeatures(fc: FeatureCollection, keep: (p: Record<string, unknown>) => boolean): BBox | null {
  const polys = fc.features
    .filter(
      (f) =>
        (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') && keep(f.properties ?? {}),
    )
    .flatMap((f) => polygonsOf(f.geometry as Areal));
  return polys.length ? bboxOf(polys) : null;
}

/** Where a view's frame is, now: the layers and blocks are read when the view is shown. */
export async function resolveFrame(frame: Frame): Promise<BBox | null> {
  switch (frame.kind) {
    case 'bounds':
      return [...frame.bbox] as BBox;
    case 'groups':
      return bboxOfFeatures(await loadLayer('zgc-groups.geojson'), (p) => p.category === frame.category);
    case 'layer': {
      const file = LAYERS.find((l) => l.id === frame.layer)?.file;
      return file ? bboxOfFeatures(await loadLayer(file), () => true) : null;
    }
    case 'camera':
      return null;
    case 'blocks': {
      const sc = activeScenario(useDocumentStore.getState().doc);
      const polys = sc.order.flatMap((id) => polygonsOf(sc.blocks[id]!.geometry));
      // No blocks yet: the whole zone.
      return polys.length ? bboxOf(polys) : resolveFrame({ kind: 'layer', layer: 'zgc-scope' });
    }
  }
}

/** Flies to a frame with an animated transition (skipped when the user prefers reduced motion). */
export async function flyToFrame(
  map: maplibregl.Map,
  frame: Frame,
  { padding = 60, instant = false }: { padding?: number; instant?: boolean } = {},
): Promise<void> {
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const duration = reduced || instant ? 0 : 1500;
  // Entering meeting mode hides the side bar: measure the new canvas before aiming the camera.
  map.resize();
  if (frame.kind === 'camera') {
    map.flyTo({
      center: [...frame.center],
      zoom: frame.zoom,
      bearing: frame.bearing,
      pitch: frame.pitch,
      duration,
    });
    return;
  }
  const bbox = await resolveFrame(frame);
  // Tilted for 3D columns, level otherwise (the 3D switch may have started its own tilt just now).
  const pitch = useExtrudeStore.getState().spec ? Math.max(map.getPitch(), 50) : 0;
  if (bbox) map.fitBounds(bbox, { padding, maxZoom: 15, duration, pitch });
}
