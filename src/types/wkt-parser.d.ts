/** wkt-parser (proj4's own WKT reader): WKT1, ESRI WKT and WKT2 into proj4's definition object. */
declare module 'wkt-parser' {
  export interface WktDefinition {
    projName?: string;
    name?: string;
    srsCode?: string;
    a?: number;
    rf?: number;
    b?: number;
    ellps?: string;
    datumCode?: string;
    datum_params?: number[];
    lat0?: number;
    long0?: number;
    k0?: number;
    x0?: number;
    y0?: number;
    units?: string;
    to_meter?: number;
    axis?: string;
    [key: string]: unknown;
  }
  export default function parse(wkt: string): WktDefinition;
}
