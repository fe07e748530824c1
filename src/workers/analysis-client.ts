import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Request, Response, WorkerErrorInfo } from './protocol';
import type { BlockInput, BlockReport, Totals } from '../core/report/evaluate-blocks';
import type { InputDatum } from '../core/io/read';
import type { CoordinateFix } from '../core/io/plausibility';
import type { BlockProblem, Repair } from '../core/validate/block-checks';
import type { Areal } from '../core/overlay/zones';

/** Promise-based access to the analysis worker (one per page). */

export class WorkerError extends Error {
  constructor(readonly info: WorkerErrorInfo) {
    super(info.message);
  }
}

type Pending = { resolve: (r: Response) => void };
type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Response>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      p?.resolve(e.data);
    };
  }
  return worker;
}

function request(body: RequestBody): Promise<Response> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    getWorker().postMessage({ ...body, id });
  });
}

export async function importFile(
  file: File,
  opts: { encoding?: string; datum?: InputDatum; fix?: CoordinateFix } = {},
): Promise<{ features: Feature<Polygon | MultiPolygon>[]; notes: string[] }> {
  const r = await request({ type: 'import', file, name: file.name, ...opts });
  if (!r.ok) throw new WorkerError(r.error);
  if (r.type !== 'import') throw new Error('unexpected reply');
  return { features: r.features, notes: r.notes };
}

export async function assess(
  blocks: FeatureCollection<Polygon | MultiPolygon>,
  totals = true,
  inputs: [string, BlockInput][] = [],
): Promise<{ reports: BlockReport[]; totals: Totals | null; problems: BlockProblem[] }> {
  const r = await request({
    type: 'assess',
    blocks,
    totals,
    inputs,
    geoBaseUrl: new URL('geo/', document.baseURI).href,
  });
  if (!r.ok) throw new WorkerError(r.error);
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

/** Suggested retained shapes (inward buffers) for cut blocks, computed in the worker. */
export async function suggestRetained(
  items: { id: string; geometry: Areal; targetM2: number }[],
): Promise<{ id: string; geometry: Areal; areaM2: number }[]> {
  const r = await request({ type: 'suggest-retained', items });
  if (!r.ok) throw new WorkerError(r.error);
  if (r.type !== 'suggest-retained') throw new Error('unexpected reply');
  return r.results;
}
