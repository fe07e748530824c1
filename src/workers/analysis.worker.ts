/// <reference lib="webworker" />
import { checkImportSize, readBlocksAsync } from '../core/io/read';
import { ImportError } from '../core/io/import-error';
import type { ReportContext } from '../core/report/context';
import { fetchEmbeddedContext } from '../core/report/embedded';
import { assessBlocks, evaluateBlocks } from '../core/report/evaluate-blocks';
import { MISSING_BLOCK, type HeldPack, type Request, type Response, type ResponsePart } from './protocol';
import { unpackAreal } from '../core/geo/packed';
import { importedPieces, transferables } from './imported';
import { reportPieces, reportTransferables } from './report-pieces';
import { chunkByWeight } from '../util/tasks';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Areal } from '../core/overlay/zones';
import { checkBlockSet, repairBlock } from '../core/validate/block-checks';

/**
 * Heavy work off the main thread: reading and checking imported files, and
 * assessing all blocks (areas, overlay, rule). Uses the same core as the CLI.
 */

declare const self: DedicatedWorkerGlobalScope;

let context: Promise<ReportContext> | null = null;
/** The blocks the page has sent for assessment, by id (see the 'assess' request). */
const kept = new Map<string, Feature<Polygon | MultiPolygon>>();
/** Suggested retained shapes by block geometry and target: an edit elsewhere does not recompute them. */
const suggestionCache = new Map<string, { geometry: Areal; areaM2: number } | null>();

function loadContext(geoBaseUrl: string): Promise<ReportContext> {
  context ??= fetchEmbeddedContext(geoBaseUrl);
  return context;
}

/** Requests with a reply ('hold' is applied on arrival, see onmessage). */
async function handle(req: Exclude<Request, { type: 'hold' }>): Promise<Response> {
  switch (req.type) {
    case 'import': {
      checkImportSize(req.file.size, req.name);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await req.file.arrayBuffer());
      } catch (e) {
        throw new ImportError('unreadable', `${req.name} cannot be read (${(e as Error).message})`, {
          file: req.name,
          reason: 'file',
        });
      }
      const r = await readBlocksAsync(bytes, req.name, {
        encoding: req.encoding,
        datum: req.datum,
        fix: req.fix,
        ...(req.towgs84 ? { towgs84: req.towgs84 } : {}),
      });
      return {
        id: req.id,
        ok: true,
        type: 'import',
        pieces: importedPieces(r.blocks.features),
        notes: [...r.notes],
      };
    }
    case 'assess': {
      // Applied before any await, so requests update the kept blocks in the order they were sent.
      hold(req.upserts);
      const features = req.order.map((id) => kept.get(id));
      const missing = req.order.find((_, i) => !features[i]);
      // The page thinks this worker has a block it has not: it resends everything.
      if (missing !== undefined) throw new Error(`${MISSING_BLOCK} ${missing}`);
      // Blocks of no current request are let go; a later request sends them again if needed.
      const wanted = new Set(req.order);
      for (const id of kept.keys()) if (!wanted.has(id)) kept.delete(id);
      const blocks: FeatureCollection<Polygon | MultiPolygon> = {
        type: 'FeatureCollection',
        features: features as Feature<Polygon | MultiPolygon>[],
      };
      const ctx = await loadContext(req.geoBaseUrl);
      if (req.totals) {
        const r = evaluateBlocks(blocks, ctx, {
          ...(req.inputs?.length ? { inputs: new Map(req.inputs) } : {}),
          ...(req.evaluation ? { evaluation: req.evaluation } : {}),
        });
        const problems = checkBlockSet(
          blocks.features.map((f, i) => ({ id: r.blocks[i]!.id, geometry: f.geometry })),
          { warnings: new Map(r.blocks.map((b) => [b.id, b.warnings])) },
        );
        return {
          id: req.id,
          ok: true,
          type: 'assess',
          reports: reportPieces(r.blocks),
          totals: r.totals,
          problems,
        };
      }
      return {
        id: req.id,
        ok: true,
        type: 'assess',
        reports: reportPieces(assessBlocks(blocks, ctx)),
        totals: null,
        problems: [],
      };
    }
    case 'suggest-retained': {
      // @turf/buffer (with JSTS) is loaded only when a block is first cut back.
      const { suggestRetainedShape } = await import('../core/rules/retained-shape');
      const results = [];
      for (const it of req.items) {
        const key = `${it.targetM2.toFixed(1)}|${JSON.stringify(it.geometry.coordinates)}`;
        let s = suggestionCache.get(key);
        if (s === undefined) {
          const r = suggestRetainedShape(it.geometry, it.targetM2);
          s = r && { geometry: r.geometry, areaM2: r.areaM2 };
          if (suggestionCache.size > 5000) suggestionCache.clear();
          suggestionCache.set(key, s);
        }
        if (s) results.push({ id: it.id, ...s });
      }
      return { id: req.id, ok: true, type: 'suggest-retained', results };
    }
    case 'repair': {
      const others = new Map(req.others);
      const results = req.items.map((it) => ({
        id: it.id,
        geometry: repairBlock(it.geometry, it.repairs, others),
      }));
      return { id: req.id, ok: true, type: 'repair', results };
    }
  }
}

/** Keep the blocks of a 'hold' message (applied on arrival, in the order sent). */
function hold(upserts: Extract<Request, { type: 'hold' }>['upserts'], packs: readonly HeldPack[] = []) {
  const keep = (id: string, name: string, geometry: Polygon | MultiPolygon) =>
    kept.set(id, { type: 'Feature', id, properties: { id, name }, geometry });
  for (const [id, name, geometry] of upserts) keep(id, name, geometry);
  // As GeoJSON: the assessment reads every block's coordinates several times.
  for (const { ids, names, geometries } of packs)
    ids.forEach((id, i) => keep(id, names[i]!, unpackAreal(geometries, i)));
}

/** Problems per message piece (reports go in pieces of their own: see report-pieces.ts). */
const PART_ITEMS = 1_000;

/** Sends a response with its long lists in pieces ahead of it (see ResponsePart). */
function reply(res: Response) {
  /** Posts every run but the last ahead of the response; the last is for the response itself. */
  const ahead = <T>(
    part: ResponsePart['part'],
    runs: T[][],
    transfer: (run: T[]) => Transferable[] = () => [],
  ) => {
    for (const run of runs.slice(0, -1))
      self.postMessage({ id: res.id, part, items: run } satisfies ResponsePart, transfer(run));
    return runs.at(-1) ?? [];
  };
  const inRuns = <T>(items: T[]) => chunkByWeight(items, () => 1, PART_ITEMS);
  if (res.ok && res.type === 'import') {
    // One piece per message, each moving its own buffers.
    const last = ahead(
      'pieces',
      res.pieces.map((p) => [p]),
      transferables,
    );
    return self.postMessage({ ...res, pieces: last }, transferables(last));
  }
  if (res.ok && res.type === 'assess') {
    const last = ahead(
      'reports',
      res.reports.map((p) => [p]),
      reportTransferables,
    );
    res = { ...res, reports: last, problems: ahead('problems', inRuns(res.problems)) };
    return self.postMessage(res, reportTransferables(last));
  }
  self.postMessage(res);
}

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data;
  if (req.type === 'hold') return hold(req.upserts, req.packs);
  handle(req)
    .then(reply)
    .catch((err: unknown) => {
      // Not a file's fault: the page says so in its words; the trace is for a maintainer's console.
      if (!(err instanceof ImportError)) console.error('ParkPlan analysis worker:', err);
      const error =
        err instanceof ImportError
          ? { code: err.code, message: err.message, params: { ...err.params } }
          : {
              code: 'internal' as const,
              message: err instanceof Error ? err.message : String(err),
              params: {},
            };
      self.postMessage({ id: req.id, ok: false, error } satisfies Response);
    });
};
