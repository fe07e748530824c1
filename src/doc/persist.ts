import { createStore, get, set } from 'idb-keyval';
import type { PlanDocument } from './model';

/**
 * The document is saved to IndexedDB after every change, so a reload or a
 * crash restores the work exactly. Saves are chained so they land in order.
 */

const store = () => createStore('parkplan', 'documents');
const KEY = 'current';

export async function loadDocument(): Promise<PlanDocument | null> {
  const d = (await get(KEY, store())) as PlanDocument | undefined;
  return d && d.version === 1 && d.scenarios && d.activeScenarioId ? d : null;
}

let chain: Promise<void> = Promise.resolve();

export function saveDocument(doc: PlanDocument): Promise<void> {
  chain = chain.catch(() => undefined).then(() => set(KEY, doc, store()));
  return chain;
}
