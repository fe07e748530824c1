import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BlockReport } from '../report/evaluate-blocks';
import { exportColumns, type ExportBlock } from './block-fields';

/**
 * GeoJSON export: each block with its own attributes as they came and
 * ParkPlan's fields (`pp_…`, see block-fields.ts), its own feature id as the
 * feature's id, WGS84 as RFC 7946 requires. Re-importing the file gives the
 * same blocks, names, attributes and areas.
 */
export function exportGeoJson(
  blocks: readonly ExportBlock[],
  reports: ReadonlyMap<string, BlockReport>,
): string {
  // The source id is the feature's own id here, not a column.
  const columns = exportColumns(blocks, { style: 'codes', sourceIdColumn: false });
  const features: Feature<Polygon | MultiPolygon>[] = blocks.map((b) => {
    const r = reports.get(b.id);
    const properties: Record<string, unknown> = {};
    for (const c of columns) if (!c.own || c.name in b.attributes) properties[c.name] = c.get(b, r);
    return {
      type: 'Feature',
      ...(b.sourceId === undefined ? {} : { id: b.sourceId }),
      properties,
      geometry: b.geometry,
    };
  });
  const fc: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features };
  return JSON.stringify(fc);
}
