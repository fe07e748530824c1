import type { Feature, Polygon, Position } from 'geojson';
import places from '../../../data/reference/places.json';

/** For tests: blocks placed at the estimated centres of groups, which validate-geo guarantees lie inside them. */
export const groupCentre = (id: string): Position => {
  const g = places.groups.find((x) => x.id === id)!;
  return [g.lon, g.lat];
};

/** A square block `halfDeg` either side of `c`, named `name`. */
export const squareBlock = (id: string, c: Position, halfDeg = 0.0025, name = id): Feature<Polygon> => ({
  type: 'Feature',
  id,
  properties: { name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [c[0]! - halfDeg, c[1]! - halfDeg],
        [c[0]! + halfDeg, c[1]! - halfDeg],
        [c[0]! + halfDeg, c[1]! + halfDeg],
        [c[0]! - halfDeg, c[1]! + halfDeg],
        [c[0]! - halfDeg, c[1]! - halfDeg],
      ],
    ],
  },
});
