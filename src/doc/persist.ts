import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { PlanDocument } from './model';
import {
  assemble,
  blockOps,
  blockOpsInSlices,
  metaOf,
  orderJsonInSlices,
  storedRecord,
  type DocumentMeta,
  type StoredBlockRecord,
} from './stored-layout';
import { timeSlices, yieldToPage } from '../util/tasks';

/**
 * Where the document lives between visits: IndexedDB (one record per block,
 * see stored-layout.ts, so a save writes what changed), with a generation
 * number that every write bumps. A write names the generation it was based
 * on and lands only if that is still the stored one (compare-and-swap in one
 * transaction), so a tab never overwrites what another tab saved in between;
 * it is told, and replays its changes on top (src/doc/rebase.ts). Each write
 * is announced to the other tabs on a BroadcastChannel so they load it.
 */

export interface StoredDocument {
  readonly doc: PlanDocument;
  readonly generation: number;
}

export type WriteResult =
  | { readonly ok: true; readonly generation: number }
  | { readonly ok: false; readonly stored: StoredDocument };

export interface DocumentStorage {
  load(): Promise<StoredDocument | null>;
  /** Stores `doc` if the stored generation is still `base`; otherwise answers what is stored. */
  write(doc: PlanDocument, base: number): Promise<WriteResult>;
  /** Calls `listener` with the generation each time another tab has written. */
  subscribe(listener: (generation: number) => void): () => void;
}

/** Before the per-block layout: the whole document in one record (read once, then replaced). */
const LEGACY_KEY = 'current';
const META_KEY = 'meta';
const GENERATION_KEY = 'generation';
const CHANNEL = 'parkplan-document';

const blockKey = (scenarioId: string, blockId: string) => ['block', scenarioId, blockId];
const ALL_BLOCKS = () => IDBKeyRange.bound(['block'], ['block', []]);
const SCENARIO_BLOCKS = (scenarioId: string) =>
  IDBKeyRange.bound(['block', scenarioId], ['block', scenarioId, []]);

export function isPlanDocument(d: unknown): d is PlanDocument {
  const x = d as Partial<PlanDocument> | undefined;
  return !!x && x.version === 1 && !!x.scenarios && !!x.activeScenarioId && Array.isArray(x.scenarioOrder);
}

function isMeta(d: unknown): d is DocumentMeta {
  return isPlanDocument(d as PlanDocument);
}

/**
 * idb-keyval's store, with writes committed in strict durability: "已保存到本机" is shown once a
 * write's transaction completes, and only strict makes that mean it is on disk (Chromium's default
 * may report completion before flushing, which a power cut would undo).
 */
function createStore(dbName: string, storeName: string): UseStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () => {
    if (db) return db;
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    const p = (db = promisifyRequest(request));
    p.then(
      (d) => (d.onclose = () => (db = undefined)),
      () => (db = undefined),
    );
    return p;
  };
  return (mode, callback) =>
    open().then((d) =>
      callback(
        d
          .transaction(storeName, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' })
          .objectStore(storeName),
      ),
    );
}

export function indexedDbStorage(): DocumentStorage {
  // Opened on first use, so merely importing the app's modules (tests, the command line) opens nothing.
  let opened: UseStore | null = null;
  const store: UseStore = (mode, callback) =>
    (opened ??= createStore('parkplan', 'documents'))(mode, callback);
  // Tells the other tabs of this origin; a tab never receives its own messages.
  let channel: BroadcastChannel | null | undefined;
  const tabs = () =>
    channel === undefined
      ? (channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL))
      : channel;
  /** The document as this tab last read or wrote it, and its generation: later writes send only the difference. */
  let known: StoredDocument | null = null;

  const read = async (os: IDBObjectStore): Promise<(StoredDocument & { legacy?: boolean }) | null> => {
    const [meta, generation] = await Promise.all([
      promisifyRequest(os.get(META_KEY)),
      promisifyRequest(os.get(GENERATION_KEY)),
    ]);
    const g = typeof generation === 'number' ? generation : 0;
    if (isMeta(meta)) {
      const records = (await promisifyRequest(os.getAll(ALL_BLOCKS()))) as StoredBlockRecord[];
      return { doc: assemble(meta, records), generation: g };
    }
    const legacy: unknown = await promisifyRequest(os.get(LEGACY_KEY));
    return isPlanDocument(legacy) ? { doc: legacy, generation: g, legacy: true } : null;
  };
  /** What a later write may diff against: not a document read in the old layout (it is rewritten whole). */
  const remember = (s: (StoredDocument & { legacy?: boolean }) | null) => {
    known = s && !s.legacy ? { doc: s.doc, generation: s.generation } : null;
  };

  return {
    load: async () => {
      const stored = await store('readonly', read);
      remember(stored);
      return stored && { doc: stored.doc, generation: stored.generation };
    },
    write: async (doc, base) => {
      // What to write is worked out before the transaction, in slices (a transaction cannot wait
      // on anything but its own requests): against what this tab last knew to be stored.
      const basis = known;
      const planned = await blockOpsInSlices(basis?.doc ?? null, doc, yieldToPage);
      await orderJsonInSlices(doc, yieldToPage);
      const result = await store('readwrite', async (os): Promise<WriteResult> => {
        // Only the generation is read on the way; the document only on a conflict.
        const current = await promisifyRequest(os.get(GENERATION_KEY));
        const stored = typeof current === 'number' ? current : 0;
        if (stored !== base) {
          const theirs = await read(os);
          if (theirs) {
            remember(theirs);
            return { ok: false, stored: { doc: theirs.doc, generation: theirs.generation } };
          }
        }
        // What storage holds is what this tab knows at this generation: send the difference; else everything.
        const prev = known && known.generation === stored ? known.doc : null;
        if (!prev) {
          os.delete(ALL_BLOCKS());
          os.delete(LEGACY_KEY);
        }
        // Storage moved on since the plan was made (or holds something this tab never read): plan again.
        const ops = prev === (basis?.doc ?? null) ? planned : blockOps(prev, doc);
        for (const sid of ops.dropped) os.delete(SCENARIO_BLOCKS(sid));
        for (const [sid, bid] of ops.deletes) os.delete(blockKey(sid, bid));
        // All in one transaction (all or nothing), in slices that each run in a task of their own.
        // Each put clones its block on the page, so slices are cut by time, not count (a chunk of
        // 100 took 20–70 ms during a 10,000-block import on the 2-core bench machine). The next
        // slice is asked for from the last put's success: only then is the transaction active.
        let slice = timeSlices();
        for (let k = 0; k < ops.puts.length; k++) {
          const r = ops.puts[k]!;
          const last = os.put(storedRecord(r), blockKey(r.scenarioId, r.block.id));
          if (k + 1 < ops.puts.length && slice.due()) {
            await promisifyRequest(last);
            slice = timeSlices();
          }
        }
        const generation = Math.max(stored, base) + 1;
        os.put(metaOf(doc), META_KEY);
        os.put(generation, GENERATION_KEY);
        // Acknowledged only once the transaction has committed.
        await promisifyRequest(os.transaction);
        known = { doc, generation };
        return { ok: true, generation };
      });
      if (result.ok) tabs()?.postMessage({ generation: result.generation });
      return result;
    },
    subscribe: (listener) => {
      const channel = tabs();
      if (!channel) return () => undefined;
      const onMessage = (e: MessageEvent<{ generation?: unknown }>) => {
        if (typeof e.data?.generation === 'number') listener(e.data.generation);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}

/**
 * The same contract in memory: for tests (several "tabs" sharing one), and
 * where IndexedDB is missing. `fail` makes the next writes throw (e.g. a full disk).
 */
export function memoryStorage(): DocumentStorage & {
  tab(): DocumentStorage;
  fail: Error | null;
  stored: StoredDocument | null;
} {
  const listeners = new Set<{ owner: object; listener: (g: number) => void }>();
  const shared = {
    stored: null as StoredDocument | null,
    fail: null as Error | null,
    tab(): DocumentStorage {
      const owner = {};
      return {
        load: () => Promise.resolve(shared.stored),
        write: (doc, base) => {
          if (shared.fail) return Promise.reject(shared.fail);
          const s = shared.stored;
          if (s && s.generation !== base) return Promise.resolve({ ok: false, stored: s });
          const generation = (s?.generation ?? base) + 1;
          shared.stored = { doc, generation };
          // Other tabs hear of it after this write is acknowledged, as with a BroadcastChannel.
          queueMicrotask(() => {
            for (const l of listeners) if (l.owner !== owner) l.listener(generation);
          });
          return Promise.resolve({ ok: true, generation });
        },
        subscribe: (listener) => {
          const entry = { owner, listener };
          listeners.add(entry);
          return () => listeners.delete(entry);
        },
      };
    },
  };
  const first = shared.tab();
  return Object.assign(shared, {
    load: first.load,
    write: first.write,
    subscribe: first.subscribe,
  });
}
