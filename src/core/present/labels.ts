import type { MultiPolygon, Polygon } from 'geojson';
import { forEachOuterRingExtent } from '../geo/packed';

/**
 * The zoom from which a block's name fits inside the block on screen. A name
 * on a block a few pixels wide hides its neighbours and says nothing, and
 * MapLibre would still weigh every such label for placement on every frame:
 * with 10,000 blocks at city scale that was most of a frame's time.
 */

/** The box a name needs, in CSS pixels: a few characters of 12 px text, with its halo. */
export const LABEL_BOX_PX: readonly [number, number] = [48, 16];

/** MapLibre's zoom 0 shows the world 512 px wide (Web Mercator). */
const WORLD_PX = 512;
/** Beyond any zoom MapLibre reaches: the name is never drawn. */
export const NEVER = 24;

/** Web Mercator y of a latitude, as a fraction of the world's height (0 at the equator). */
function mercatorY(lat: number): number {
  const phi = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}

/**
 * The lowest zoom at which one part of the block (its outer ring's extent) is
 * at least `box` pixels wide and tall; the largest part decides. Rounded up
 * to 1/100 of a zoom level, so the name never shows where it would not fit.
 * A packed geometry (core/geo/packed.ts) is read without building its coordinates.
 */
export function labelMinZoom(geometry: Polygon | MultiPolygon, box = LABEL_BOX_PX): number {
  let best = NEVER;
  forEachOuterRingExtent(geometry, (w, s, e, n) => {
    const widthAtZ0 = ((e - w) / 360) * WORLD_PX;
    const heightAtZ0 = (mercatorY(n) - mercatorY(s)) * WORLD_PX;
    if (!(widthAtZ0 > 0 && heightAtZ0 > 0)) return;
    const z = Math.max(Math.log2(box[0] / widthAtZ0), Math.log2(box[1] / heightAtZ0));
    best = Math.min(best, z);
  });
  return Math.min(NEVER, Math.ceil(best * 100 - 1e-9) / 100);
}
