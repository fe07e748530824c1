import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { checkBlocks, parseGeoJson } from './geojson';
import { ImportError } from './import-error';
import { readZippedShapefile, type ShapefileOptions } from './shapefile';

/**
 * One entry point for every import format, by file name: the browser's
 * worker and the command line both call it, so they accept the same files
 * and say the same things about bad ones.
 */

export const IMPORT_EXTENSIONS = ['.geojson', '.json', '.zip'] as const;

export type ReadOptions = ShapefileOptions;

export interface ReadResult {
  readonly blocks: FeatureCollection<Polygon | MultiPolygon>;
  /** What the reader decided or guessed (CRS, encoding, skipped layers). */
  readonly notes: readonly string[];
  readonly crs: string;
}

export function readBlocks(bytes: Uint8Array, file: string, opts: ReadOptions = {}): ReadResult {
  const lower = file.toLowerCase();
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) {
    const fc = parseGeoJson(new TextDecoder().decode(bytes), file);
    return { blocks: checkBlocks(fc, file), notes: [], crs: 'EPSG:4326 (GeoJSON)' };
  }
  if (lower.endsWith('.zip')) {
    const r = readZippedShapefile(bytes, file, opts);
    const crsName = `EPSG:${r.crs.epsg} (${r.crs.name})`;
    return {
      blocks: checkBlocks(r.collection, file),
      notes: [
        `${file}: coordinates converted from ${crsName}; attributes read as ${r.encoding.toUpperCase()}`,
        ...r.notes,
      ],
      crs: crsName,
    };
  }
  const ext = /\.[^.]+$/.exec(lower)?.[0] ?? '(none)';
  throw new ImportError(
    'unsupported-format',
    `${file}: ${ext} files are not read yet; use GeoJSON (WGS84) or a zipped Shapefile (.shp, .shx, .dbf, .prj)`,
    { file, ext },
  );
}
