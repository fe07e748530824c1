import { describe, expect, it } from 'vitest';
import { addBlocks, newBlockIds, updateBlock, type PlanDocument } from '../doc/model';
import { UnreadableStorageError } from '../doc/stored-layout';
import { memoryStorage } from '../doc/persist';
import { activeScenario, createDocumentStore } from './document-store';
import { testBlock } from '../doc/test-block';

/**
 * The document store against storage shared by several "tabs" (the in-memory
 * storage keeps IndexedDB's contract: compare-and-swap writes, other tabs
 * told after each write). The browser tests run the same through IndexedDB.
 */

const block = testBlock;

const names = (d: PlanDocument) => {
  const s = activeScenario(d);
  return s.order.map((id) => s.blocks[id]!.name);
};

async function tab(storage: ReturnType<typeof memoryStorage>) {
  const store = createDocumentStore(storage.tab());
  await store.getState().hydrate();
  return store;
}

type Store = Awaited<ReturnType<typeof tab>>;

const add = (store: Store, name: string) => {
  const doc = store.getState().doc;
  store.getState().commit(addBlocks(doc, [block(newBlockIds(doc, 1)[0]!, name)], `add ${name}`));
};

/** Until every tab has written all it has and heard all the others. */
async function settle(...stores: Store[]) {
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 0));
    if (stores.every((s) => s.getState().saved === s.getState().revision)) {
      await new Promise((r) => setTimeout(r, 0));
      if (stores.every((s) => s.getState().saved === s.getState().revision)) return;
    }
  }
  throw new Error('tabs did not settle');
}

describe('document store: saving', () => {
  it('acknowledges each change once written, and a new tab finds it', async () => {
    const storage = memoryStorage();
    const a = await tab(storage);
    add(a, 'one');
    expect(a.getState().saved).toBeLessThan(a.getState().revision);
    await settle(a);
    expect(names(storage.stored!.doc)).toEqual(['one']);
    const b = await tab(storage);
    expect(names(b.getState().doc)).toEqual(['one']);
  });

  it('many quick edits end in one stored state equal to the last, without a write per edit piling up', async () => {
    const storage = memoryStorage();
    const a = await tab(storage);
    for (let i = 0; i < 100; i++) add(a, `n${i}`);
    await settle(a);
    expect(names(storage.stored!.doc)).toHaveLength(100);
    expect(storage.stored!.doc).toBe(a.getState().doc);
    // One write started at once, one more for everything after it.
    expect(storage.stored!.generation).toBeLessThanOrEqual(2);
  });

  it('keeps the changes on the page and says so when storage refuses, and saves them once it accepts', async () => {
    const storage = memoryStorage();
    const a = await tab(storage);
    storage.fail = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    add(a, 'kept');
    await new Promise((r) => setTimeout(r, 0));
    expect(a.getState().storageProblem).toEqual({ kind: 'quota' });
    expect(names(a.getState().doc)).toEqual(['kept']);
    storage.fail = null;
    add(a, 'next');
    await settle(a);
    expect(a.getState().storageProblem).toBeNull();
    expect(names(storage.stored!.doc)).toEqual(['kept', 'next']);
  });
});

describe('document store: opening', () => {
  it('an edit made before the stored document has loaded is kept, on top of what was stored', async () => {
    const storage = memoryStorage();
    const earlier = await tab(storage);
    add(earlier, 'stored');
    await settle(earlier);
    // Reading the stored document takes a while (as IndexedDB can); the early edit's write is quicker.
    const slow = storage.tab();
    const store = createDocumentStore({
      ...slow,
      load: () => {
        const read = slow.load(); // what is stored when the read begins …
        return new Promise((resolve) => setTimeout(() => resolve(read), 20)); // … arrives later
      },
    });
    const hydrated = store.getState().hydrate();
    add(store, 'early');
    await hydrated;
    await settle(store);
    expect(names(store.getState().doc)).toEqual(['stored', 'early']);
    expect(names(storage.stored!.doc)).toEqual(['stored', 'early']);
  });
});

describe('document store: stored work that cannot be read', () => {
  it('says which record could not be read and never writes over it, whatever is edited after', async () => {
    const storage = memoryStorage();
    const earlier = await tab(storage);
    add(earlier, 'stored');
    await settle(earlier);
    const before = storage.stored;
    const store = createDocumentStore({
      ...storage.tab(),
      load: () => Promise.reject(new UnreadableStorageError('geometry', 'b7')),
    });
    await store.getState().hydrate();
    expect(store.getState().storageProblem).toEqual({ kind: 'read', part: 'geometry', id: 'b7' });
    add(store, 'new');
    await store.getState().settled();
    await new Promise((r) => setTimeout(r, 0));
    expect(names(store.getState().doc)).toEqual(['new']);
    expect(storage.stored).toBe(before);
    expect(store.getState().saved).toBeLessThan(store.getState().revision);
  });
});

describe('document store: two tabs on the same data', () => {
  it('a tab with nothing unsaved loads what the other tab saved', async () => {
    const storage = memoryStorage();
    const a = await tab(storage);
    const b = await tab(storage);
    add(a, 'from A');
    await settle(a, b);
    expect(names(b.getState().doc)).toEqual(['from A']);
    expect(b.getState().otherTab).toEqual({ merged: false });
    expect(b.getState().past).toEqual([]);
  });

  it('edits made in both tabs at once are all kept, in both tabs and in storage', async () => {
    const storage = memoryStorage();
    const a = await tab(storage);
    const b = await tab(storage);
    add(a, 'seed');
    await settle(a, b);
    // Both tabs add and edit before either hears of the other.
    add(a, 'A1');
    add(b, 'B1');
    const seed = activeScenario(b.getState().doc).order[0]!;
    b.getState().commit(
      updateBlock(
        b.getState().doc,
        { ...activeScenario(b.getState().doc).blocks[seed]!, name: 'seed by B' },
        'r',
      ),
    );
    add(a, 'A2');
    await settle(a, b);
    for (const d of [a.getState().doc, b.getState().doc, storage.stored!.doc]) {
      expect([...names(d)].sort()).toEqual(['A1', 'A2', 'B1', 'seed by B']);
      const s = activeScenario(d);
      expect(new Set(s.order).size).toBe(4);
      expect(Object.keys(s.blocks).sort()).toEqual([...s.order].sort());
    }
    const conflicted = [a, b].filter((s) => s.getState().otherTab?.merged);
    expect(conflicted.length).toBeGreaterThan(0);
  });

  it('a tab with unsaved changes keeps them when the other tab’s save arrives', async () => {
    const storage = memoryStorage();
    const a = await tab(storage);
    const b = await tab(storage);
    storage.fail = new Error('disk busy');
    add(b, 'B unsaved');
    await new Promise((r) => setTimeout(r, 0));
    storage.fail = null;
    add(a, 'A saved');
    await settle(a);
    // B was not overwritten by A's document …
    expect(names(b.getState().doc)).toEqual(['B unsaved']);
    // … and its next write merges both.
    add(b, 'B more');
    await settle(a, b);
    expect(names(storage.stored!.doc)).toEqual(['A saved', 'B unsaved', 'B more']);
    expect(names(a.getState().doc)).toEqual(['A saved', 'B unsaved', 'B more']);
  });
});

describe('document store: large changes', () => {
  const importOf = (store: Store, n: number, prefix: string) => {
    const doc = store.getState().doc;
    const ids = newBlockIds(doc, n);
    return addBlocks(
      doc,
      ids.map((id, k) => block(id, `${prefix}${k + 1}`)),
      `import ${prefix}`,
    );
  };

  it('applies a change of thousands of blocks after the caller’s task, and edits asked for meanwhile after it, in order', async () => {
    const storage = memoryStorage();
    const a = await tab(storage);
    add(a, 'first');
    const big = importOf(a, 5_000, 'i');
    a.getState().commit(big);
    // Not yet: it is applied in slices.
    expect(names(a.getState().doc)).toEqual(['first']);
    // An undo asked for now undoes the import (the latest change), once that is in.
    a.getState().undo();
    expect(names(a.getState().doc)).toEqual(['first']);
    await a.getState().settled();
    expect(names(a.getState().doc)).toEqual(['first']);
    expect(a.getState().future).toEqual([big]);
    a.getState().redo();
    await a.getState().settled();
    const after = names(a.getState().doc);
    expect(after).toHaveLength(5_001);
    expect(after.slice(0, 3)).toEqual(['first', 'i1', 'i2']);
    expect(after.at(-1)).toBe('i5000');
    await settle(a);
    expect(names(storage.stored!.doc)).toEqual(after);
  });

  it('a small edit queued behind a large one lands after it, on top of it', async () => {
    const storage = memoryStorage();
    const a = await tab(storage);
    a.getState().commit(importOf(a, 3_000, 'i'));
    // Drawn while the import is being applied: its id is taken from the document as it is now.
    add(a, 'drawn');
    await a.getState().settled();
    const n = names(a.getState().doc);
    expect(n).toHaveLength(3_001);
    expect(n[0]).toBe('i1'); // not overwritten by the drawn block
    expect(n.at(-1)).toBe('drawn');
    expect(a.getState().past.map((c) => c.label)).toEqual(['import i', 'add drawn']);
  });
});
