import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BlockReport } from '../report/evaluate-blocks';

/**
 * GeoJSON export: each block with its own attributes and ParkPlan's figures
 * (areas, sub-park, share and its basis, verdict, warnings), WGS84 as RFC 7946
 * requires. Re-importing the file gives the same blocks and the same areas.
 */

const round = (x: number | null, d: number) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

export function exportGeoJson(
  blocks: readonly {
    id: string;
    name: string;
    geometry: Polygon | MultiPolygon;
    attributes: Readonly<Record<string, unknown>>;
  }[],
  reports: ReadonlyMap<string, BlockReport>,
): string {
  const features: Feature<Polygon | MultiPolygon>[] = blocks.map((b) => {
    const r = reports.get(b.id);
    return {
      type: 'Feature',
      id: b.id,
      properties: {
        ...b.attributes,
        id: b.id,
        name: b.name,
        ...(r
          ? {
              areaKm2: round(r.areaKm2, 6),
              areaHa: round(r.areaHa, 4),
              areaMu: round(r.areaMu, 2),
              planarAreaKm2: round(r.planarAreaKm2, 6),
              subpark: r.subpark,
              shareOfSubpark: round(r.shareOfSubpark, 6),
              shareDenominator: r.shareDenominator,
              sizeClass: r.sizeClass,
              mode: r.mode,
              retainedKm2: round(r.retainedKm2, 6),
              status: r.status,
              warnings: r.warnings.join(';'),
            }
          : {}),
      },
      geometry: b.geometry,
    };
  });
  const fc: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features };
  return JSON.stringify(fc);
}
