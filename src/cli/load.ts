import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { InputError } from '../core/report/indicators';
import { parseGeoJson } from '../core/io/geojson';
import type { ContextLayers } from '../core/report/context';

/** Node-side file loading for the command line. Errors become one clear line. */

export const GEO_DIR = new URL('../../public/geo/', import.meta.url);

export function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new InputError(`cannot read ${what} ${path}: ${why}`);
  }
}

export function readText(path: string, what: string): string {
  return readBytes(path, what).toString('utf8');
}

export function readGeoJson(path: string, what: string): FeatureCollection {
  const ext = extname(path).toLowerCase();
  if (ext && !['.geojson', '.json'].includes(ext)) {
    throw new InputError(
      `${what} ${path}: ${ext} files are not read yet; save it as GeoJSON (WGS84) or wait for the import formats of issue #4`,
    );
  }
  return parseGeoJson(readText(path, what), `${what} ${path}`);
}

export function embeddedLayers(): ContextLayers {
  const read = (f: string) => JSON.parse(readFileSync(new URL(f, GEO_DIR), 'utf8')) as FeatureCollection;
  return {
    subparks: read('zgc-subparks.geojson'),
    districts: read('districts.geojson'),
    scope: read('zgc-scope.geojson'),
    yizhuang: read('yizhuang.geojson'),
    scopeIsSubparkUnion: true,
  };
}
