import { create } from 'zustand';
import {
  applyChange,
  applyChangeSteps,
  emptyDocument,
  invert,
  type Change,
  type PlanDocument,
} from '../doc/model';
import { runInSlices } from '../util/tasks';
import { indexedDbStorage, type DocumentStorage } from '../doc/persist';
import { rebase } from '../doc/rebase';
import { UnreadableStorageError } from '../doc/stored-layout';

/**
 * The document and its history: every edit is a Change carrying its inverse;
 * undo applies the inverse, redo the change again. Each new state is written
 * to storage at once (one write at a time, always the latest state);
 * `saved` is the revision known to be on disk. When another tab has saved
 * meanwhile, this tab's unsaved changes are replayed on top of its document
 * (never overwriting it), and a tab with nothing unsaved loads what the
 * other tab saved. Either way the undo history ends there, because its
 * inverses describe blocks the other tab may since have changed.
 */

export interface DocumentState {
  doc: PlanDocument;
  past: Change[];
  future: Change[];
  ready: boolean;
  revision: number;
  saved: number;
  /** Why storage did not take or give the work (null while all is well); see `StorageProblem`. */
  storageProblem: StorageProblem | null;
  /** Changes saved in another tab were loaded here; `merged`: this tab's own unsaved changes were kept on top. */
  otherTab: { readonly merged: boolean } | null;
  hydrate: () => Promise<void>;
  /**
   * Applies a change. A small one is in the document when this returns (unless a large one is
   * still being applied: then it waits its turn); a large one (an import, say) is applied in
   * slices so the page stays responsive. Changes, undos and redos always take effect in the
   * order they were asked for.
   */
  commit: (c: Change) => void;
  /** Resolves once every change asked for so far is in the document. */
  settled: () => Promise<void>;
  setActive: (scenarioId: string) => void;
  undo: () => void;
  redo: () => void;
  dismissOtherTab: () => void;
}

/**
 * What went wrong with storage, for the page to say in its own words (never the exception's):
 * - `quota`: the browser's storage is full; the latest changes are only on the page;
 * - `write`: the browser refused the write for another reason;
 * - `read`: what is stored could not be read (`part` and `id` say which record, when known).
 *   Nothing is saved from then on, so the page never writes over work it could not read.
 */
export type StorageProblem =
  | { readonly kind: 'quota' }
  | { readonly kind: 'write' }
  | { readonly kind: 'read'; readonly part?: 'order' | 'geometry'; readonly id?: string };

/** Changes of this many blocks or more are applied in slices (see `commit`). */
export const LARGE_CHANGE = 2_000;

function writeProblem(e: unknown): StorageProblem {
  if (e instanceof UnreadableStorageError) return { kind: 'read', part: e.part, id: e.id };
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  return /Quota/i.test(name) ? { kind: 'quota' } : { kind: 'write' };
}

export function createDocumentStore(storage: DocumentStorage) {
  return create<DocumentState>()((set, get) => {
    /** The stored generation this tab's document is based on. */
    let base = 0;
    /** Changes made here since the last acknowledged write began. */
    let unsynced: Change[] = [];
    let writing = false;

    /** Set when the stored document could not be read: from then on nothing is written over it. */
    let unreadable = false;

    const flush = async () => {
      if (writing || unreadable) return;
      writing = true;
      try {
        while (get().saved < get().revision) {
          const { doc, revision } = get();
          const sent = unsynced.length;
          const result = await storage.write(doc, base);
          if (result.ok) {
            base = result.generation;
            unsynced = unsynced.slice(sent);
            set((s) => ({ saved: Math.max(s.saved, revision), storageProblem: null }));
            continue;
          }
          // Another tab saved first: keep its work and replay ours on top, then write again.
          const merged = rebase(result.stored.doc, unsynced, get().doc.activeScenarioId);
          base = result.stored.generation;
          unsynced = [...merged.changes];
          set((s) => ({
            doc: merged.doc,
            past: [],
            future: [],
            revision: s.revision + 1,
            otherTab: { merged: unsynced.length > 0 },
          }));
        }
      } catch (e) {
        // The page says what happened in its own words; the exception is for a maintainer's console.
        console.error('ParkPlan: saving failed:', e);
        const problem = writeProblem(e);
        if (problem.kind === 'read') unreadable = true;
        set({ storageProblem: problem });
      } finally {
        writing = false;
      }
    };

    /** Another tab wrote: a tab with nothing unsaved loads it (one with unsaved changes merges on its next write). */
    const onOtherTab = async (generation: number) => {
      const clean = () => !writing && !busy && unsynced.length === 0 && get().saved === get().revision;
      if (generation <= base || !clean()) return;
      const stored = await storage.load();
      if (!stored || stored.generation <= base || !clean()) return;
      base = stored.generation;
      const own = get().doc.activeScenarioId;
      const doc = stored.doc.scenarios[own] ? { ...stored.doc, activeScenarioId: own } : stored.doc;
      set((s) => ({
        doc,
        past: [],
        future: [],
        revision: s.revision + 1,
        saved: s.revision + 1,
        otherTab: { merged: false },
      }));
    };

    const move = (doc: PlanDocument, past: Change[], future: Change[], change: Change | null) => {
      if (change) unsynced.push(change);
      set((s) => ({ doc, past, future, revision: s.revision + 1 }));
      void flush();
    };

    /** A large change being applied in slices, and the edits asked for meanwhile (queued behind it). */
    let busy: Promise<void> | null = null;
    type Step = { change: Change; past: Change[]; future: Change[] };
    /** An edit: `plan` says, from the state it is applied to, what the change and the history become. */
    const edit = (plan: (s: DocumentState) => Step | null) => {
      const go = (): Promise<void> | void => {
        const s = get();
        const step = plan(s);
        if (!step) return;
        if (step.change.puts.length < LARGE_CHANGE) {
          move(applyChange(s.doc, step.change), step.past, step.future, step.change);
          return;
        }
        return runInSlices(applyChangeSteps(s.doc, step.change)).then((doc) => {
          if (get().doc === s.doc) return move(doc, step.past, step.future, step.change);
          // Another tab's document arrived meanwhile: the edit applies to what is here now.
          const again = plan(get());
          if (again) move(applyChange(get().doc, again.change), again.past, again.future, again.change);
        });
      };
      let next: Promise<void>;
      if (!busy) {
        const p = go();
        if (!p) return;
        next = p;
      } else next = busy.then(go);
      // A queued edit that cannot apply (its scenario went meanwhile) must not stop the ones after it.
      const mine: Promise<void> = next
        .catch((e: unknown) => console.error('an edit could not be applied:', e))
        .finally(() => {
          if (busy === mine) busy = null;
        });
      busy = mine;
    };

    let hydrating: Promise<void> | null = null;
    const load = async () => {
      try {
        const stored = await storage.load();
        // An edit made before the stored document arrived is not dropped: its write meets the
        // stored generation and is replayed on top of the stored document (as with another tab).
        if (stored && get().revision === 0) {
          base = stored.generation;
          set({ doc: stored.doc });
        }
      } catch (e) {
        console.error('ParkPlan: the stored document could not be read:', e);
        unreadable = true;
        set({
          storageProblem:
            e instanceof UnreadableStorageError ? { kind: 'read', part: e.part, id: e.id } : { kind: 'read' },
        });
      }
      if (!unreadable) storage.subscribe((g) => void onOtherTab(g));
      set({ ready: true });
    };

    return {
      doc: emptyDocument(),
      past: [],
      future: [],
      ready: false,
      revision: 0,
      saved: 0,
      storageProblem: null,
      otherTab: null,
      hydrate: async () => {
        // Once per page (React runs effects twice in development).
        if (hydrating) return hydrating;
        hydrating = load();
        return hydrating;
      },
      setActive: (id) => {
        const s = get();
        if (!s.doc.scenarios[id] || s.doc.activeScenarioId === id) return;
        // Switching scenarios is navigation: saved, but not an edit to undo.
        move({ ...s.doc, activeScenarioId: id }, s.past, s.future, null);
      },
      commit: (c) => {
        if (c.puts.length === 0 && !c.scenarios) return;
        const asked = get().doc;
        edit((s) => {
          if (s.doc === asked) return { change: c, past: [...s.past, c], future: [] };
          // Asked for while a large change was being applied: replayed on top of it, as another
          // tab's changes are (a block added under an id the large change took gets a fresh one).
          const [change] = rebase(s.doc, [c], s.doc.activeScenarioId).changes;
          return change ? { change, past: [...s.past, change], future: [] } : null;
        });
      },
      settled: async () => {
        while (busy) await busy;
      },
      undo: () =>
        edit((s) => {
          const c = s.past.at(-1);
          return c ? { change: invert(c), past: s.past.slice(0, -1), future: [c, ...s.future] } : null;
        }),
      redo: () =>
        edit((s) => {
          const c = s.future[0];
          return c ? { change: c, past: [...s.past, c], future: s.future.slice(1) } : null;
        }),
      dismissOtherTab: () => set({ otherTab: null }),
    };
  });
}

export const useDocumentStore = createDocumentStore(indexedDbStorage());

export function activeScenario(doc: PlanDocument) {
  return doc.scenarios[doc.activeScenarioId]!;
}
