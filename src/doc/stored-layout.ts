import type { Block, PlanDocument, Scenario } from './model';
import { runToEnd } from '../util/tasks';
import { BadFlatError, flatAreal, lazyAreal, packFlat } from '../core/geo/packed';

/**
 * How the document is laid out in storage: the scenarios without their
 * blocks in one record ("meta"), and each block in a record of its own. A
 * save then writes only the blocks that changed (found by identity: the
 * document is immutable, so an unchanged block is the same object), not the
 * whole document: one edit among 100,000 blocks writes one block.
 */

/**
 * A scenario without its blocks, its order of block ids as one JSON string:
 * every save writes the meta record, and IndexedDB clones a list of 100,000
 * ids one by one in one task (≈ 25 ms here), where one string is one copy.
 * Records written before hold `order` as a list, which is still read.
 */
export type ScenarioMeta = Omit<Scenario, 'blocks' | 'order'> &
  ({ readonly orderJson: string } | { readonly order: readonly string[] });

export interface DocumentMeta {
  readonly version: 1;
  readonly scenarioOrder: readonly string[];
  readonly activeScenarioId: string;
  readonly scenarios: Readonly<Record<string, ScenarioMeta>>;
}

/** Each order's JSON, by order: an order is immutable and most saves leave it as it was. */
const orderJson = new WeakMap<readonly string[], string>();
function jsonOf(order: readonly string[]): string {
  let j = orderJson.get(order);
  if (j === undefined) orderJson.set(order, (j = JSON.stringify(order)));
  return j;
}

/** Ids stringified between pauses of `orderJsonInSlices`. */
const JSON_SLICE = 5_000;

/**
 * Works out, pausing (`pause()`) every few thousand ids, the JSON of every
 * order in `doc` not yet worked out, so that `metaOf` finds it ready: at
 * 100,000 ids, `JSON.stringify` of an order ran ≈ 30 ms in the task that
 * completed the write before (the meta record is put in the transaction,
 * which cannot wait on pauses of its own).
 */
export async function orderJsonInSlices(doc: PlanDocument, pause: () => Promise<void>): Promise<void> {
  for (const s of Object.values(doc.scenarios)) {
    if (orderJson.has(s.order) || s.order.length <= JSON_SLICE) continue;
    const parts: string[] = [];
    for (let k = 0; k < s.order.length; k += JSON_SLICE) {
      await pause();
      parts.push(JSON.stringify(s.order.slice(k, k + JSON_SLICE)).slice(1, -1));
    }
    orderJson.set(s.order, `[${parts.join(',')}]`);
  }
}

/**
 * Stored records this build cannot read (damaged, or written by something else): the load stops
 * rather than read them as something else or as nothing, and the page does not save over them.
 */
export class UnreadableStorageError extends Error {
  constructor(
    /** What could not be read: a scenario's order of blocks, or a block's geometry. */
    readonly part: 'order' | 'geometry',
    /** The scenario's or the block's id. */
    readonly id: string,
  ) {
    super(
      part === 'order'
        ? `the stored order of scenario ${id} is not a list of block ids`
        : `stored geometry of block ${id} is not a packed polygon list`,
    );
  }
}

function orderOf(m: ScenarioMeta): readonly string[] {
  if ('order' in m) return m.order;
  const order: unknown = JSON.parse(m.orderJson);
  // Never read as empty: the order says which blocks the scenario holds, and the next save would drop the rest.
  if (!Array.isArray(order) || !order.every((id) => typeof id === 'string'))
    throw new UnreadableStorageError('order', m.id);
  return order;
}

export interface BlockRecord {
  readonly scenarioId: string;
  readonly block: Block;
}

/**
 * A packed geometry (an import's, see core/geo/packed.ts) as stored: one list
 * of numbers (`flatAreal`). As GeoJSON, IndexedDB's clone would build its
 * coordinates on the page (an array per position, ≈ 45 MB for 100,000
 * imported blocks) only to copy them. Read back, such geometries are packed
 * again, so a reloaded import holds its vertices in typed arrays as before.
 * Records written before hold GeoJSON, which is still read; drawn and edited
 * blocks are stored as GeoJSON.
 */
export interface FlatGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly flat: Float64Array | readonly number[];
}

export interface StoredBlockRecord {
  readonly scenarioId: string;
  readonly block: Omit<Block, 'geometry'> & { readonly geometry: Block['geometry'] | FlatGeometry };
}

/** A block record as written to storage: a packed geometry as one list of numbers. */
export function storedRecord(r: BlockRecord): StoredBlockRecord {
  const flat = flatAreal(r.block.geometry);
  return flat ? { ...r, block: { ...r.block, geometry: { type: r.block.geometry.type, flat } } } : r;
}

/** Geometries packed together when read back: a piece of an import's size. */
const LOADED_PACK = 5_000;

/** Block records as read: stored lists of numbers made into packed geometries again. */
function loadedBlocks(records: readonly StoredBlockRecord[]): BlockRecord[] {
  const out: BlockRecord[] = [];
  let run: { at: number; flat: unknown; multi: boolean; name: string; id: string }[] = [];
  const packRun = () => {
    let pack;
    try {
      pack = packFlat(run);
    } catch (e) {
      throw e instanceof BadFlatError ? new UnreadableStorageError('geometry', run[e.item]!.id) : e;
    }
    run.forEach(({ at }, i) => {
      const r = out[at]!;
      out[at] = { ...r, block: { ...r.block, geometry: lazyAreal(pack, i) } };
    });
    run = [];
  };
  for (const r of records) {
    const g: unknown = r.block.geometry;
    if (g && typeof g === 'object' && 'flat' in g) {
      const { type, flat } = g as FlatGeometry;
      const name = `of block ${r.block.id}`;
      if (type !== 'Polygon' && type !== 'MultiPolygon')
        throw new UnreadableStorageError('geometry', r.block.id);
      run.push({ at: out.length, flat, multi: type === 'MultiPolygon', name, id: r.block.id });
    }
    // Pushed before a full run is packed: packRun replaces the records the run names, this one too.
    out.push(r as BlockRecord);
    if (run.length === LOADED_PACK) packRun();
  }
  if (run.length) packRun();
  return out;
}

export function metaOf(doc: PlanDocument): DocumentMeta {
  const scenarios: Record<string, ScenarioMeta> = {};
  for (const [id, s] of Object.entries(doc.scenarios)) {
    const { blocks: _blocks, order, ...rest } = s;
    void _blocks;
    scenarios[id] = { ...rest, orderJson: jsonOf(order) };
  }
  return {
    version: doc.version,
    scenarioOrder: doc.scenarioOrder,
    activeScenarioId: doc.activeScenarioId,
    scenarios,
  };
}

/** The document again from its meta record and block records; blocks of unknown scenarios or not in an order are dropped. */
export function assemble(meta: DocumentMeta, stored: readonly StoredBlockRecord[]): PlanDocument {
  const blocks: Record<string, Record<string, Block>> = {};
  for (const id of Object.keys(meta.scenarios)) blocks[id] = {};
  for (const r of loadedBlocks(stored)) if (blocks[r.scenarioId]) blocks[r.scenarioId]![r.block.id] = r.block;
  const scenarios: Record<string, Scenario> = {};
  for (const [id, m] of Object.entries(meta.scenarios)) {
    const own = blocks[id]!;
    // The order is the truth for what the scenario holds; a record without an entry there is a leftover.
    const order = orderOf(m).filter((b) => own[b]);
    const {
      orderJson: _json,
      order: _order,
      ...rest
    } = m as ScenarioMeta & {
      orderJson?: string;
      order?: readonly string[];
    };
    void [_json, _order];
    scenarios[id] = { ...rest, order, blocks: Object.fromEntries(order.map((b) => [b, own[b]!])) };
  }
  return {
    version: 1,
    scenarioOrder: meta.scenarioOrder,
    activeScenarioId: meta.activeScenarioId,
    scenarios,
  };
}

export interface BlockOps {
  readonly puts: readonly BlockRecord[];
  readonly deletes: readonly (readonly [scenarioId: string, blockId: string])[];
  /** Scenarios whose block records all go. */
  readonly dropped: readonly string[];
}

/** What to write to go from `prev` (what storage holds) to `next`; everything when `prev` is null. */
export function blockOps(prev: PlanDocument | null, next: PlanDocument): BlockOps {
  return runToEnd(blockOpSteps(prev, next));
}

/** Blocks looked at between pauses of `blockOpsInSlices`. */
const SLICE_BLOCKS = 2_000;

/**
 * The same as `blockOps`, pausing (`pause()`) first (the write is asked for in the task of
 * the change) and every few thousand blocks, so that no task runs long.
 */
export async function blockOpsInSlices(
  prev: PlanDocument | null,
  next: PlanDocument,
  pause: () => Promise<void>,
): Promise<BlockOps> {
  const steps = blockOpSteps(prev, next);
  await pause();
  let r = steps.next();
  while (!r.done) {
    await pause();
    r = steps.next();
  }
  return r.value;
}

function* blockOpSteps(prev: PlanDocument | null, next: PlanDocument): Generator<void, BlockOps> {
  const puts: BlockRecord[] = [];
  const deletes: [string, string][] = [];
  const dropped: string[] = [];
  let seen = 0;
  for (const [sid, s] of Object.entries(next.scenarios)) {
    const before = prev?.scenarios[sid];
    if (before && before.blocks === s.blocks) continue;
    for (const bid in s.blocks) {
      const b = s.blocks[bid]!;
      if (before?.blocks[bid] !== b) puts.push({ scenarioId: sid, block: b });
      if (++seen % SLICE_BLOCKS === 0) yield;
    }
    if (before)
      for (const bid in before.blocks) {
        if (!s.blocks[bid]) deletes.push([sid, bid]);
        if (++seen % SLICE_BLOCKS === 0) yield;
      }
  }
  if (prev) for (const sid of Object.keys(prev.scenarios)) if (!next.scenarios[sid]) dropped.push(sid);
  return { puts, deletes, dropped };
}
