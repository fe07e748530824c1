import { MapLibreOverlay } from '@deck.gl/maplibre';
import { GeoJsonLayer } from '@deck.gl/layers';
import type * as maplibregl from 'maplibre-gl';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Column } from '../core/present/extrusion';

/**
 * deck.gl columns interleaved with MapLibre's own layers (one WebGL2
 * context, so they export with the map). This module is imported only when
 * 3D is first switched on: deck.gl is some 200 KB the 2D map never needs.
 */

export interface Extrusion {
  setColumns(columns: readonly Column[]): void;
  remove(): void;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Columns go under the labels and the problem marker, above every fill and outline. */
const BEFORE_LAYER = 'problem-marker';

export function createExtrusion(map: maplibregl.Map): Extrusion {
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  return {
    setColumns(columns) {
      const data: Feature<Polygon | MultiPolygon, { id: string; h: number; flat: boolean; c: string }>[] =
        columns.map((c) => ({
          type: 'Feature',
          id: c.id,
          geometry: c.geometry,
          properties: { id: c.id, h: c.height ?? 0, flat: c.height === null, c: c.color },
        }));
      overlay.setProps({
        layers: [
          new GeoJsonLayer({
            id: 'parkplan-columns',
            data,
            beforeId: map.getLayer(BEFORE_LAYER) ? BEFORE_LAYER : undefined,
            extruded: true,
            wireframe: false,
            filled: true,
            stroked: false,
            getElevation: (f) => f.properties.h,
            // Features without a figure stay flat and pale, so "no score yet" does not read as zero.
            getFillColor: (f) => [...rgb(f.properties.c), f.properties.flat ? 90 : 235],
            getLineColor: [255, 255, 255, 200],
            material: { ambient: 0.55, diffuse: 0.55, shininess: 16, specularColor: [40, 40, 40] },
            updateTriggers: { getElevation: columns, getFillColor: columns },
          }),
        ],
      });
    },
    remove() {
      map.removeControl(overlay);
    },
  };
}
