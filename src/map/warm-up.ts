import type { FillLayerSpecification, Map as MaplibreMap } from 'maplibre-gl';

/**
 * Compiles the blocks' fill program while the page is idle after start-up,
 * instead of in the middle of the first import (SwiftShader here took
 * 0.1–0.3 s to link it, a freeze the planner would feel). MapLibre compiles a
 * program the first time a layer with those paint bindings draws something,
 * so an invisible copy of the block layer draws one invisible triangle in
 * the middle of the view, once, and is removed.
 */
const SOURCE = 'parkplan-warm-up';

/** Resolves once the program is compiled and the invisible copy is gone again. */
export function warmUpBlockPrograms(map: MaplibreMap, blockLayerId: string): Promise<void> {
  const style = map.getStyle().layers.find((l) => l.id === blockLayerId) as
    FillLayerSpecification | undefined;
  if (!style || map.getSource(SOURCE)) return Promise.resolve();
  const { lng, lat } = map.getCenter();
  // Big enough on screen to survive tiling (a speck is simplified away and nothing would draw).
  const b = map.getBounds();
  const d = (b.getEast() - b.getWest()) / 20;
  map.addSource(SOURCE, {
    type: 'geojson',
    data: {
      type: 'Feature',
      properties: { mode: 'none' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lng, lat],
            [lng + d, lat],
            [lng + d, lat + d],
            [lng, lat],
          ],
        ],
      },
    },
  });
  map.addLayer({
    ...style,
    id: SOURCE,
    source: SOURCE,
    // The same kind of binding as the real layer (colour per feature, constant opacity), so the
    // same program. An opacity of 0 would not draw at all; this one rounds away in 8-bit colour.
    paint: { ...style.paint, 'fill-opacity': 0.001 },
  });
  return new Promise((resolve) =>
    map.once('idle', () => {
      if (map.getLayer(SOURCE)) map.removeLayer(SOURCE);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
      resolve();
    }),
  );
}
