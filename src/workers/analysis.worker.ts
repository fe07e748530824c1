/// <reference lib="webworker" />
import { checkImportSize, readBlocksAsync } from '../core/io/read';
import { ImportError } from '../core/io/import-error';
import type { ReportContext } from '../core/report/context';
import { fetchEmbeddedContext } from '../core/report/embedded';
import { assessBlocks, evaluateBlocks } from '../core/report/evaluate-blocks';
import type { Request, Response } from './protocol';
import type { Areal } from '../core/overlay/zones';
import { checkBlockSet, repairBlock } from '../core/validate/block-checks';

/**
 * Heavy work off the main thread: reading and checking imported files, and
 * assessing all blocks (areas, overlay, rule). Uses the same core as the CLI.
 */

declare const self: DedicatedWorkerGlobalScope;

let context: Promise<ReportContext> | null = null;
/** Suggested retained shapes by block geometry and target: an edit elsewhere does not recompute them. */
const suggestionCache = new Map<string, { geometry: Areal; areaM2: number } | null>();

function loadContext(geoBaseUrl: string): Promise<ReportContext> {
  context ??= fetchEmbeddedContext(geoBaseUrl);
  return context;
}

async function handle(req: Request): Promise<Response> {
  switch (req.type) {
    case 'import': {
      checkImportSize(req.file.size, req.name);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await req.file.arrayBuffer());
      } catch (e) {
        throw new ImportError('unreadable', `${req.name} cannot be read (${(e as Error).message})`, {
          file: req.name,
        });
      }
      const r = await readBlocksAsync(bytes, req.name, {
        encoding: req.encoding,
        datum: req.datum,
        fix: req.fix,
      });
      return { id: req.id, ok: true, type: 'import', features: r.blocks.features, notes: [...r.notes] };
    }
    case 'assess': {
      const ctx = await loadContext(req.geoBaseUrl);
      if (req.totals) {
        const r = evaluateBlocks(req.blocks, ctx, req.inputs?.length ? { inputs: new Map(req.inputs) } : {});
        const problems = checkBlockSet(
          req.blocks.features.map((f, i) => ({ id: r.blocks[i]!.id, geometry: f.geometry })),
          { warnings: new Map(r.blocks.map((b) => [b.id, b.warnings])) },
        );
        return { id: req.id, ok: true, type: 'assess', reports: r.blocks, totals: r.totals, problems };
      }
      return {
        id: req.id,
        ok: true,
        type: 'assess',
        reports: assessBlocks(req.blocks, ctx),
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

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data;
  handle(req)
    .then((res) => self.postMessage(res))
    .catch((err: unknown) => {
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
