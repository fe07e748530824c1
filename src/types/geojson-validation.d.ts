declare module 'geojson-validation' {
  /** With trace = true, returns the list of problems (empty when valid). */
  export function valid(obj: unknown, trace: true): string[];
  export function valid(obj: unknown, trace?: false): boolean;
  export function isFeatureCollection(obj: unknown, trace: true): string[];
}
