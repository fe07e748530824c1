declare module 'shpjs' {
  /** Geometries of a .shp, one per record (null for null shapes); reprojected only if `prj` is given. */
  export function parseShp(
    shp: ArrayBuffer | Uint8Array | DataView,
    prj?: string,
  ): (import('geojson').Geometry | null)[];
  /** Records of a .dbf, text decoded with `cpg` (a TextDecoder label or a code page). */
  export function parseDbf(dbf: ArrayBuffer | Uint8Array | DataView, cpg?: string): Record<string, unknown>[];
}
