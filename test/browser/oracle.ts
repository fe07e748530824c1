import geodesic from 'geographiclib-geodesic';

/** The import picker's accessible name, as users and screen readers meet it. */
export const IMPORT_LABEL = '选择要导入的文件（GeoJSON、KML/KMZ、CSV/XLSX、压缩的 Shapefile）';

const geod = geodesic.Geodesic.WGS84;

/** GeographicLib's area (what PROJ and QGIS give) of a closed lon/lat ring, in km². */
export function geographicLibKm2(ring: number[][]): number {
  const p = geod.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat!, lon!);
  return Math.abs(p.Compute(false, true).area!) / 1e6;
}
