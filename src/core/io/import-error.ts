/**
 * An import that cannot go ahead. `code` and `params` let the UI say it in
 * Chinese or English; `message` is the English sentence the command line prints.
 */
export type ImportErrorCode =
  | 'invalid-json'
  | 'not-geojson'
  | 'empty'
  | 'geometry'
  | 'not-polygon'
  | 'unsupported-format'
  | 'too-large'
  | 'unreadable'
  | 'shapefile-parts'
  | 'crs'
  | 'unsafe-xml'
  | 'csv-geometry'
  | 'csv-no-geometry'
  /** Coordinates miss Beijing and a reading that fits was found (params.fix, params.guess). */
  | 'misplaced'
  /** Rings are not closed; closing them is offered (params.fix). */
  | 'unclosed';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
