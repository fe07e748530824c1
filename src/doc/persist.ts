import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { PlanDocument } from './model';

/**
 * Where the document lives between visits: IndexedDB, with a generation
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

const DOC_KEY = 'current';
const GENERATION_KEY = 'generation';
const CHANNEL = 'parkplan-document';

export function isPlanDocument(d: unknown): d is PlanDocument {
  const x = d as Partial<PlanDocument> | undefined;
  return !!x && x.version === 1 && !!x.scenarios && !!x.activeScenarioId && Array.isArray(x.scenarioOrder);
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
  const read = async (os: IDBObjectStore): Promise<StoredDocument | null> => {
    const [doc, generation] = await Promise.all([
      promisifyRequest(os.get(DOC_KEY)),
      promisifyRequest(os.get(GENERATION_KEY)),
    ]);
    return isPlanDocument(doc) ? { doc, generation: typeof generation === 'number' ? generation : 0 } : null;
  };
  return {
    load: () => store('readonly', read),
    write: async (doc, base) => {
      const result = await store('readwrite', async (os): Promise<WriteResult> => {
        // Only the generation is read on the way (the document may be large); the document only on a conflict.
        const current = await promisifyRequest(os.get(GENERATION_KEY));
        const stored = typeof current === 'number' ? current : 0;
        if (stored !== base) {
          const theirs = await read(os);
          if (theirs) return { ok: false, stored: theirs };
        }
        const generation = Math.max(stored, base) + 1;
        os.put(doc, DOC_KEY);
        os.put(generation, GENERATION_KEY);
        // Acknowledged only once the transaction has committed.
        await promisifyRequest(os.transaction);
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
