/**
 * What a reader decided or guessed about a file that it still imported (the
 * coordinate system, the text encoding, parts it left out). `code` and
 * `params` let the app say it in the user's language (i18n `import.notes`);
 * `noteText` is the English sentence the command line prints.
 */
export type ImportNote =
  /** The coordinates were read as the planner chose (params.reading: the fix in English). */
  | { readonly code: 'fix-applied'; readonly params: { file: string; reading: string; fix: string } }
  /** Lon/lat read in a Chinese web map's datum and converted to WGS84. */
  | { readonly code: 'datum'; readonly params: { file: string; datum: 'gcj02' | 'bd09' } }
  /** A Shapefile's coordinates were converted from the system its .prj names. */
  | {
      readonly code: 'shapefile-crs';
      readonly params: {
        file: string;
        /** In English, for the command line; the rest lets the page name it. */
        crs: string;
        epsg: number;
        name: string;
        /** CGCS2000 Gauss-Krüger: zone width (3 or 6; 0 if not one), zone, central meridian, zone in the false easting (1/0). */
        width: number;
        zone: number;
        cm: number;
        prefix: number;
        /** '' none; 'file' or 'user': the datum was shifted with the file's or the user's TOWGS84. */
        shift: string;
        encoding: string;
      };
    }
  | { readonly code: 'shapefile-layers'; readonly params: { file: string; count: number; read: string } }
  | { readonly code: 'cpg-unknown'; readonly params: { file: string; cpg: string } }
  /** No .cpg and the text is not UTF-8: read as GBK. */
  | { readonly code: 'gbk-guessed'; readonly params: { file: string } }
  | { readonly code: 'dbf-missing'; readonly params: { file: string; dbf: string } }
  | { readonly code: 'dbf-count'; readonly params: { file: string; claimed: number; read: number } }
  /** Attribute values that are objects or lists were left out. */
  | { readonly code: 'nested-dropped'; readonly params: { file: string; count: number } }
  /** Points or lines beside a placemark's polygons (in a MultiGeometry) were left out. */
  | { readonly code: 'kml-other-parts'; readonly params: { file: string; count: number } }
  /** The file was written by ParkPlan: its figures (areas, verdicts) are worked out again, not read. */
  | { readonly code: 'parkplan-fields'; readonly params: { file: string } };

export type ImportNoteCode = ImportNote['code'];

export function noteText(n: ImportNote): string {
  const p = n.params as Record<string, string | number>;
  const f = p.file;
  switch (n.code) {
    case 'fix-applied':
      return `${f}: coordinates read as ${p.reading}, as chosen`;
    case 'datum':
      return `${f}: coordinates read as ${p.datum === 'gcj02' ? 'GCJ-02 (Amap/Tencent)' : 'BD-09 (Baidu)'}, converted to WGS84`;
    case 'shapefile-crs':
      return `${f}: coordinates converted from ${p.crs}; attributes read as ${String(p.encoding).toUpperCase()}`;
    case 'shapefile-layers':
      return `${f} holds ${p.count} layers; read ${p.read}`;
    case 'cpg-unknown':
      return `${f}: unknown code page "${p.cpg}" in the .cpg; attributes read as UTF-8`;
    case 'gbk-guessed':
      return `${f}: no .cpg; the attributes are not UTF-8 and were read as GBK — choose another encoding if names look wrong`;
    case 'dbf-missing':
      return `${f}: ${p.dbf} is missing; the blocks have no attributes`;
    case 'dbf-count':
      return `${f}: the .dbf header claims ${p.claimed} records but the file holds ${p.read}; ${p.read} were read`;
    case 'nested-dropped':
      return `${f}: ${p.count} nested attribute value(s) (objects or lists) were left out; attributes are kept as plain values`;
    case 'kml-other-parts':
      return `${f}: ${p.count} point or line part(s) beside placemarks' polygons were left out; blocks are polygons`;
    case 'parkplan-fields':
      return `${f} was exported by ParkPlan: its areas and verdicts are worked out again, not read from the file`;
  }
}
