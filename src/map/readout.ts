import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildContext, type ReportContext } from '../core/report/context';
import { assessBlocks, type BlockReport } from '../core/report/evaluate-blocks';

/**
 * The live readout while drawing: one block, measured on the main thread
 * (area + overlay + rule for one block takes tens of microseconds; see
 * npm run bench). The context is built once from the embedded layers.
 */

let context: Promise<ReportContext> | null = null;

export function readoutContext(): Promise<ReportContext> {
  const base = new URL('geo/', document.baseURI);
  const get = (f: string) => fetch(new URL(f, base)).then((r) => r.json() as Promise<FeatureCollection>);
  context ??= Promise.all(
    ['zgc-subparks.geojson', 'districts.geojson', 'zgc-scope.geojson', 'yizhuang.geojson'].map(get),
  ).then(([subparks, districts, scope, yizhuang]) =>
    buildContext({
      subparks: subparks!,
      districts: districts!,
      scope: scope!,
      yizhuang: yizhuang!,
      scopeIsSubparkUnion: true,
    }),
  );
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
