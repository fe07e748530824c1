import type { MultiPolygon, Polygon } from 'geojson';
import { packBuffers, packedSource, subPack, type PackedAreals } from '../core/geo/packed';
import {
  type HeldPack,
  type ImportedPiece,
  MISSING_BLOCK,
  type ReportPiece,
  type Request,
  type Response,
  type ResponsePart,
  type WorkerErrorInfo,
} from './protocol';
import { cloneWeight, timeSlices, yieldToPage } from '../util/tasks';
import { receivedReports } from './report-pieces';
import type { BlockInput, BlockReport, Totals } from '../core/report/evaluate-blocks';
import type { InputDatum } from '../core/io/read';
import type { CoordinateFix } from '../core/io/plausibility';
import type { BlockProblem, Repair } from '../core/validate/block-checks';
import type { Areal } from '../core/overlay/zones';
import type { ImportNote } from '../core/io/import-note';
import type { EvaluationParams } from '../core/rules/evaluation';

/** Promise-based access to the analysis worker (one per page). */

export class WorkerError extends Error {
  constructor(readonly info: WorkerErrorInfo) {
    super(info.message);
  }
}

/** A response as the page reads it: an assessment's report pieces made into reports. */
type Reply =
  | Exclude<Response, { type: 'assess' }>
  | (Omit<Extract<Response, { type: 'assess' }>, 'reports'> & { reports: BlockReport[] });
type Pending = { resolve: (r: Reply) => void; lane: Lane };
type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Two instances of the same worker module: "analysis" for imports, assessment
 * and repairs, "shapes" for retained-shape suggestions (tens of milliseconds
 * per block), so a long run of suggestions never delays the next assessment.
 */
type Lane = 'analysis' | 'shapes';
const workers: Partial<Record<Lane, Worker>> = {};
let nextId = 1;
const pending = new Map<number, Pending>();
/** Pieces received so far of responses still to come, by request id. */
const parts = new Map<number, Partial<Record<ResponsePart['part'], unknown[]>>>();

function withParts(r: Reply, acc: Partial<Record<ResponsePart['part'], unknown[]>>): Reply {
  const out = { ...r } as Record<string, unknown>;
  for (const [key, items] of Object.entries(acc)) out[key] = items.concat(out[key] as unknown[]);
  return out as unknown as Reply;
}

function getWorker(lane: Lane): Worker {
  const existing = workers[lane];
  if (existing) return existing;
  const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: lane });
  // A new analysis worker holds no blocks yet.
  if (lane === 'analysis') sent.clear();
  w.onmessage = (e: MessageEvent<Response | ResponsePart>) => {
    const d = e.data;
    // Pieces of a long list come ahead of their response (see ResponsePart).
    if ('part' in d) {
      const acc = parts.get(d.id) ?? {};
      parts.set(d.id, acc);
      const list = (acc[d.part] ??= []);
      // Reports are made as each piece arrives, a few thousand at a time.
      const items = d.part === 'reports' ? receivedReports(d.items as ReportPiece[]) : d.items;
      for (const it of items) list.push(it);
      return;
    }
    const reply: Reply = d.ok && d.type === 'assess' ? { ...d, reports: receivedReports(d.reports) } : d;
    const acc = parts.get(d.id);
    parts.delete(d.id);
    const p = pending.get(d.id);
    pending.delete(d.id);
    p?.resolve(acc ? withParts(reply, acc) : reply);
  };
  // A reply that cannot be read, or a worker that died: every request waiting on it gets an
  // answer (an error), never silence; a dead worker is replaced on the next request.
  const fail = (message: string) => {
    for (const [id, p] of pending)
      if (p.lane === lane) {
        pending.delete(id);
        parts.delete(id);
        p.resolve({ id, ok: false, error: { code: 'internal', message, params: {} } });
      }
  };
  w.onmessageerror = () => fail('the result could not be passed back from the worker');
  w.onerror = (e) => {
    e.preventDefault();
    if (workers[lane] === w) delete workers[lane];
    w.terminate();
    fail(`the analysis worker stopped (${e.message || 'out of memory?'})`);
  };
  workers[lane] = w;
  return w;
}

function request(body: RequestBody, lane: Lane = 'analysis'): Promise<Reply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, lane });
    getWorker(lane).postMessage({ ...body, id });
  });
}

/** A file's blocks, read in the worker: pieces of properties and packed geometries (see ImportedPiece). */
export async function importFile(
  file: File,
  opts: { encoding?: string; datum?: InputDatum; fix?: CoordinateFix; towgs84?: number[] } = {},
): Promise<{ pieces: ImportedPiece[]; notes: ImportNote[] }> {
  const r = await request({ type: 'import', file, name: file.name, ...opts });
  if (!r.ok) throw new WorkerError(r.error);
  if (r.type !== 'import') throw new Error('unexpected reply');
  return { pieces: r.pieces, notes: r.notes };
}

type Upsert = [id: string, name: string, geometry: Polygon | MultiPolygon];
/** Positions per 'hold' message: a few milliseconds of structured clone. */
const HOLD_POSITIONS = 20_000;
/** Packed blocks per 'hold' message: their ids and names are cloned, their geometries copied as typed arrays. */
const HOLD_PACKED = 5_000;
/** The posting of the latest assess request (requests post one after another). */
let posting: Promise<void> = Promise.resolve();

/** A block as the analysis takes it (a document Block is one). */
export interface AssessBlock {
  readonly id: string;
  readonly name: string;
  readonly geometry: Polygon | MultiPolygon;
}

/**
 * What the analysis worker holds of each block (by id): the block it was last
 * sent, or a later one with the same geometry object and name. Blocks are
 * kept as given, so this costs no object per block.
 */
const sent = new Map<string, AssessBlock>();

/** Reports on the blocks, in their order, from the analysis worker. */
export async function assess(
  blocks: readonly AssessBlock[],
  totals = true,
  inputs: [string, BlockInput][] = [],
  evaluation?: EvaluationParams,
): Promise<{ reports: BlockReport[]; totals: Totals | null; problems: BlockProblem[] }> {
  const send = () => {
    // One request posts at a time: each sees what the ones before it have sent.
    const posted = posting.then(() => post());
    posting = posted.then(
      () => undefined,
      () => undefined,
    );
    return posted.then((p) => p.reply);
  };
  const post = async () => {
    // After the commit that asked for this assessment has finished its task.
    await yieldToPage();
    const order: string[] = [];
    // Blocks the worker lacks go ahead in pieces ('hold'), each cloned in a short task of its own.
    let run: Upsert[] = [];
    let weight = 0;
    // Packed ones go packed (see HeldPack), by the pack they read from.
    let held = new Map<PackedAreals, { ids: string[]; names: string[]; indices: number[] }>();
    let heldCount = 0;
    const holdPacked = () => {
      const packs: HeldPack[] = [];
      const transfer: ArrayBuffer[] = [];
      for (const [pack, { ids, names, indices }] of held) {
        const geometries = subPack(pack, indices);
        packs.push({ ids, names, geometries });
        // A pack made here is moved; one the document holds is copied.
        if (geometries !== pack) transfer.push(...packBuffers(geometries));
      }
      getWorker('analysis').postMessage(
        { id: 0, type: 'hold', upserts: [], packs } satisfies Request,
        transfer,
      );
      held = new Map();
      heldCount = 0;
    };
    const slices = timeSlices();
    for (const b of blocks) {
      const { id, name } = b;
      order.push(id);
      const has = sent.get(id);
      // Blocks are immutable: the same geometry object is the same shape.
      if (has?.geometry !== b.geometry || has.name !== name) {
        const source = packedSource(b.geometry);
        if (source) {
          const [pack, index] = source;
          let group = held.get(pack);
          if (!group) held.set(pack, (group = { ids: [], names: [], indices: [] }));
          group.ids.push(id);
          group.names.push(name);
          group.indices.push(index);
          if (++heldCount >= HOLD_PACKED) holdPacked();
        } else {
          const w = cloneWeight(b.geometry);
          if (run.length && weight + w > HOLD_POSITIONS) {
            getWorker('analysis').postMessage({ id: 0, type: 'hold', upserts: run } satisfies Request);
            run = [];
            weight = 0;
          }
          run.push([id, name, b.geometry]);
          weight += w;
        }
        sent.set(id, b);
      }
      if (slices.due()) await slices.next();
    }
    if (heldCount) holdPacked();
    // Every block of `order` is in `sent` now: only if it holds more are there blocks to let go
    // (a set of 100,000 ids built in one task would take ≈ 10 ms for nothing).
    if (sent.size > order.length) {
      const wanted = new Set(order);
      for (const id of sent.keys()) if (!wanted.has(id)) sent.delete(id);
    }
    // Not awaited here: the reply is wrapped so that the next request need not wait for it.
    const reply = request({
      type: 'assess',
      order,
      upserts: run,
      totals,
      inputs,
      ...(evaluation ? { evaluation } : {}),
      geoBaseUrl: new URL('geo/', document.baseURI).href,
    });
    return { reply };
  };
  let r = await send();
  if (!r.ok && r.error.message.startsWith(MISSING_BLOCK)) {
    sent.clear();
    r = await send();
  }
  if (!r.ok) {
    // The worker may not hold what was sent: the next request sends everything.
    sent.clear();
    throw new WorkerError(r.error);
  }
  if (r.type !== 'assess') throw new Error('unexpected reply');
  return { reports: r.reports, totals: r.totals, problems: r.problems };
}

/** Mended geometries (null where nothing with area would remain), computed in the worker. */
export async function repairInWorker(
  items: { id: string; geometry: Areal; repairs: Repair[] }[],
  others: [string, Areal][] = [],
): Promise<{ id: string; geometry: Areal | null }[]> {
  const r = await request({ type: 'repair', items, others });
  if (!r.ok) throw new WorkerError(r.error);
  if (r.type !== 'repair') throw new Error('unexpected reply');
  return r.results;
}

/** How many suggestions one worker request computes: small, so results show as they come and a newer run can stop an older one. */
const SUGGESTION_CHUNK = 8;

/**
 * Suggested retained shapes (inward buffers) for cut blocks, computed in the
 * "shapes" worker a few at a time. `onChunk` receives each batch of results;
 * the run stops as soon as `stale()` says a newer one has started.
 */
export async function suggestRetained(
  items: { id: string; geometry: Areal; targetM2: number }[],
  onChunk: (results: { id: string; geometry: Areal; areaM2: number }[]) => void,
  stale: () => boolean,
): Promise<void> {
  for (let k = 0; k < items.length && !stale(); k += SUGGESTION_CHUNK) {
    const r = await request(
      { type: 'suggest-retained', items: items.slice(k, k + SUGGESTION_CHUNK) },
      'shapes',
    );
    if (!r.ok) throw new WorkerError(r.error);
    if (r.type !== 'suggest-retained') throw new Error('unexpected reply');
    if (!stale()) onChunk(r.results);
  }
}
