import type { MultiPolygon, Polygon } from 'geojson';

/**
 * The planner's document: named scenarios, each a set of candidate blocks.
 * Pure data and pure operations; the stores (src/state) hold it, persistence
 * (src/doc/persist.ts) saves it.
 */

export interface Block {
  readonly id: string;
  readonly name: string;
  readonly geometry: Polygon | MultiPolygon;
  /** Attributes carried from the source file, shown as text only. */
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>;
  readonly origin: { readonly kind: 'drawn' | 'imported'; readonly file?: string };
}

export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly blocks: Readonly<Record<string, Block>>;
  /** Display order of block ids. */
  readonly order: readonly string[];
}

export interface PlanDocument {
  readonly version: 1;
  readonly scenarios: Readonly<Record<string, Scenario>>;
  readonly scenarioOrder: readonly string[];
  readonly activeScenarioId: string;
}

/**
 * One change to a scenario's blocks. Each entry says what a block was before
 * and what it is after (null = absent), so the change carries its own inverse.
 */
export interface Change {
  readonly scenarioId: string;
  readonly label: string;
  readonly puts: readonly {
    readonly before: Block | null;
    readonly after: Block | null;
    readonly index: number;
  }[];
}

export function emptyDocument(name = '方案一'): PlanDocument {
  const id = 's1';
  return {
    version: 1,
    scenarios: { [id]: { id, name, blocks: {}, order: [] } },
    scenarioOrder: [id],
    activeScenarioId: id,
  };
}

export function invert(c: Change): Change {
  return {
    ...c,
    puts: [...c.puts].reverse().map((p) => ({ before: p.after, after: p.before, index: p.index })),
  };
}

export function applyChange(doc: PlanDocument, c: Change): PlanDocument {
  const s = doc.scenarios[c.scenarioId];
  if (!s) throw new Error(`no scenario ${c.scenarioId}`);
  const blocks: Record<string, Block> = { ...s.blocks };
  const order = [...s.order];
  for (const p of c.puts) {
    const id = (p.after ?? p.before)!.id;
    if (p.after) {
      if (!blocks[id]) order.splice(Math.min(p.index, order.length), 0, id);
      blocks[id] = p.after;
    } else {
      delete blocks[id];
      const at = order.indexOf(id);
      if (at >= 0) order.splice(at, 1);
    }
  }
  return { ...doc, scenarios: { ...doc.scenarios, [s.id]: { ...s, blocks, order } } };
}

export function addBlocks(doc: PlanDocument, blocks: readonly Block[], label: string): Change {
  const s = doc.scenarios[doc.activeScenarioId]!;
  return {
    scenarioId: s.id,
    label,
    puts: blocks.map((b, k) => ({ before: null, after: b, index: s.order.length + k })),
  };
}

export function removeBlocks(doc: PlanDocument, ids: readonly string[], label: string): Change {
  const s = doc.scenarios[doc.activeScenarioId]!;
  return {
    scenarioId: s.id,
    label,
    puts: ids
      .filter((id) => s.blocks[id])
      .map((id) => ({ before: s.blocks[id]!, after: null, index: s.order.indexOf(id) })),
  };
}

export function updateBlock(doc: PlanDocument, next: Block, label: string): Change {
  const s = doc.scenarios[doc.activeScenarioId]!;
  const before = s.blocks[next.id] ?? null;
  return {
    scenarioId: s.id,
    label,
    puts: [{ before, after: next, index: before ? s.order.indexOf(next.id) : s.order.length }],
  };
}

/** A fresh id that no block of the document uses. */
export function newBlockId(doc: PlanDocument, prefix = 'b'): string {
  const used = new Set(Object.values(doc.scenarios).flatMap((s) => Object.keys(s.blocks)));
  let n = used.size + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
