import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { lazyAreal, packAreals, packBuffers } from '../core/geo/packed';
import { chunkByWeight, cloneWeight } from '../util/tasks';
import type { ImportedPiece } from './protocol';

/**
 * An import's blocks on their way from the worker to the page: made into
 * pieces in the worker, read back one by one on the page (see ImportedPiece).
 */

/** Blocks per piece: their properties are cloned (a few milliseconds), their packed geometries moved. */
export const PIECE_BLOCKS = 5_000;
/** Positions per piece of geometries that could not be packed, which are cloned. */
export const PIECE_POSITIONS = 20_000;

/** Worker side: the blocks in pieces, geometries packed where they can be. */
export function importedPieces(features: readonly Feature<Polygon | MultiPolygon>[]): ImportedPiece[] {
  const pieces: ImportedPiece[] = [];
  for (let k = 0; k < features.length; k += PIECE_BLOCKS) {
    const run = features.slice(k, k + PIECE_BLOCKS);
    const packed = packAreals(run.map((f) => f.geometry));
    if (packed) pieces.push({ properties: run.map((f) => f.properties ?? {}), ...idsOf(run), packed });
    // Cloned as GeoJSON: pieces of a few milliseconds' clone each, as for any long list.
    else
      for (const part of chunkByWeight(run, (f) => cloneWeight(f.geometry), PIECE_POSITIONS))
        pieces.push({
          properties: part.map((f) => f.properties ?? {}),
          ...idsOf(part),
          packed: null,
          geometries: part.map((f) => f.geometry),
        });
  }
  return pieces;
}

const featureId = (id: unknown) =>
  typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;

/** The features' own ids, when any has one (most files have none, and then nothing is sent). */
function idsOf(run: readonly Feature[]): { ids?: (string | number | undefined)[] } {
  return run.some((f) => featureId(f.id) !== undefined) ? { ids: run.map((f) => featureId(f.id)) } : {};
}

/** What a message carrying these pieces can move rather than copy. */
export function transferables(pieces: readonly ImportedPiece[]): ArrayBuffer[] {
  return pieces.flatMap((p) => (p.packed ? packBuffers(p.packed) : []));
}

/**
 * The imported blocks one by one: properties, and a geometry that builds its
 * coordinates only when read (core/geo/packed.ts), so the page does not hold
 * every vertex of a large import as small arrays.
 */
export function* importedFeatures(pieces: readonly ImportedPiece[]): Generator<{
  properties: Record<string, unknown>;
  geometry: Polygon | MultiPolygon;
  id?: string | number;
}> {
  for (const piece of pieces)
    for (let i = 0; i < piece.properties.length; i++)
      yield {
        properties: piece.properties[i]!,
        geometry: piece.packed ? lazyAreal(piece.packed, i) : piece.geometries![i]!,
        ...(piece.ids?.[i] === undefined ? {} : { id: piece.ids[i] }),
      };
}
