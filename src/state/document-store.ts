import { create } from 'zustand';
import { applyChange, emptyDocument, invert, type Change, type PlanDocument } from '../doc/model';
import { loadDocument, saveDocument } from '../doc/persist';

/**
 * The document and its history: every edit is a Change carrying its inverse;
 * undo applies the inverse, redo the change again. Each new state is saved
 * to IndexedDB at once; `saved` counts the revisions known to be on disk.
 */

export interface DocumentState {
  doc: PlanDocument;
  past: Change[];
  future: Change[];
  ready: boolean;
  revision: number;
  saved: number;
  saveError: string | null;
  hydrate: () => Promise<void>;
  commit: (c: Change) => void;
  setActive: (scenarioId: string) => void;
  undo: () => void;
  redo: () => void;
}

export const useDocumentStore = create<DocumentState>()((set, get) => {
  const persist = (doc: PlanDocument, revision: number) => {
    saveDocument(doc)
      .then(() => set((s) => ({ saved: Math.max(s.saved, revision), saveError: null })))
      .catch((e: unknown) => set({ saveError: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }));
  };
  const move = (doc: PlanDocument, past: Change[], future: Change[]) => {
    const revision = get().revision + 1;
    set({ doc, past, future, revision });
    persist(doc, revision);
  };
  return {
    doc: emptyDocument(),
    past: [],
    future: [],
    ready: false,
    revision: 0,
    saved: 0,
    saveError: null,
    hydrate: async () => {
      try {
        const d = await loadDocument();
        if (d) set({ doc: d });
      } catch (e) {
        set({ saveError: e instanceof Error ? e.message : String(e) });
      }
      set({ ready: true });
    },
    setActive: (id) => {
      const s = get();
      if (!s.doc.scenarios[id] || s.doc.activeScenarioId === id) return;
      // Switching scenarios is navigation: saved, but not an edit to undo.
      const revision = s.revision + 1;
      const doc = { ...s.doc, activeScenarioId: id };
      set({ doc, revision });
      persist(doc, revision);
    },
    commit: (c) => {
      if (c.puts.length === 0 && !c.scenarios) return;
      const s = get();
      move(applyChange(s.doc, c), [...s.past, c], []);
    },
    undo: () => {
      const s = get();
      const c = s.past.at(-1);
      if (!c) return;
      move(applyChange(s.doc, invert(c)), s.past.slice(0, -1), [c, ...s.future]);
    },
    redo: () => {
      const s = get();
      const c = s.future[0];
      if (!c) return;
      move(applyChange(s.doc, c), [...s.past, c], s.future.slice(1));
    },
  };
});

export function activeScenario(doc: PlanDocument) {
  return doc.scenarios[doc.activeScenarioId]!;
}
