/**
 * Great-circle distance in metres on the mean Earth sphere: enough for sizing
 * things on screen and paper (scale bars, 3D column heights), never for
 * figures anyone signs off (those are ellipsoidal, src/core/geo/area.ts).
 */
export function haversineM(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
