import type { MultiPolygon, Polygon } from 'geojson';
import type { ReportContext } from '../core/report/context';
import { fetchEmbeddedContext } from '../core/report/embedded';
import { assessBlocks, type BlockReport } from '../core/report/evaluate-blocks';

/**
 * The live readout while drawing: one block, measured on the main thread
 * (area + overlay + rule for one block takes tens of microseconds; see
 * npm run bench). The context is built once from the embedded layers.
 */

let context: Promise<ReportContext> | null = null;

export function readoutContext(): Promise<ReportContext> {
  context ??= fetchEmbeddedContext(new URL('geo/', document.baseURI));
  return context;
}

export function readoutFor(ctx: ReportContext, geometry: Polygon | MultiPolygon): BlockReport | null {
  const r = assessBlocks(
    { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] },
    ctx,
    {
      planar: false,
    },
  );
  return r[0] ?? null;
}
