/**
 * Reference ellipsoids. CGCS2000 and WGS84 share `a` and differ in `f` by
 * 1.5e-11 relative, which moves a Beijing-sized area by < 1e-9: we measure on
 * WGS84 and state that the figure is valid for CGCS2000 data too.
 */
export interface Ellipsoid {
  readonly name: string;
  /** semi-major axis, metres */
  readonly a: number;
  /** flattening */
  readonly f: number;
}

export const WGS84: Ellipsoid = { name: 'WGS84', a: 6378137, f: 1 / 298.257223563 };
export const CGCS2000: Ellipsoid = { name: 'CGCS2000', a: 6378137, f: 1 / 298.257222101 };
