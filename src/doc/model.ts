import type { MultiPolygon, Polygon } from 'geojson';
import type { BlockInput } from '../core/report/evaluate-blocks';
import type { ViewSpec } from '../core/present/story';
import type { LayerTheme } from '../core/present/themes';
import { runToEnd } from '../util/tasks';

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
  /** The feature's own id in the file it came from (GeoJSON `id`, or `pp_fid` of a ParkPlan export); written back on export. */
  readonly sourceId?: string | number;
  /**
   * The part the planner keeps if the rule cuts the block back (adopted from
   * the suggestion, edited or drawn). Absent: the app suggests one.
   */
  readonly retained?: Polygon | MultiPolygon;
  /** Evaluation inputs entered in the table (seed 002 indicators; rectification outcome). */
  readonly inputs?: BlockInput;
}

export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly blocks: Readonly<Record<string, Block>>;
  /** Display order of block ids. */
  readonly order: readonly string[];
  /** Saved views for meetings; absent = the shipped story. */
  readonly views?: readonly ViewSpec[];
  /** Layer themes; absent = the shipped themes. */
  readonly themes?: readonly LayerTheme[];
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
  /** Scenario-level edits (create, duplicate, rename): the list before and after. Blocks are shared, not copied. */
  readonly scenarios?: { readonly before: ScenarioList; readonly after: ScenarioList };
}

export interface ScenarioList {
  readonly scenarios: PlanDocument['scenarios'];
  readonly scenarioOrder: PlanDocument['scenarioOrder'];
  readonly activeScenarioId: string;
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
    ...(c.scenarios ? { scenarios: { before: c.scenarios.after, after: c.scenarios.before } } : {}),
  };
}

export function applyChange(doc: PlanDocument, c: Change): PlanDocument {
  return runToEnd(applyChangeSteps(doc, c));
}

/** Blocks copied or put between the points where `applyChangeSteps` may pause. */
const STEP_BLOCKS = 1_000;

/**
 * `applyChange` as steps: it yields every thousand blocks or so, so a change
 * of 100,000 blocks (an import, its undo) can be applied in slices
 * (`runInSlices`) without holding the page.
 */
export function* applyChangeSteps(doc: PlanDocument, c: Change): Generator<void, PlanDocument> {
  if (c.scenarios) return { ...doc, ...c.scenarios.after };
  const s = doc.scenarios[c.scenarioId];
  if (!s) throw new Error(`no scenario ${c.scenarioId}`);
  let blocks: Record<string, Block>;
  if (s.order.length <= STEP_BLOCKS) blocks = { ...s.blocks };
  else {
    // The order is the truth for what a scenario holds (see assemble in stored-layout.ts).
    blocks = {};
    for (let k = 0; k < s.order.length; k++) {
      const id = s.order[k]!;
      blocks[id] = s.blocks[id]!;
      if (k % STEP_BLOCKS === STEP_BLOCKS - 1) yield;
    }
  }
  let order = [...s.order];
  // Removals are gathered and made in one pass before the next insertion (or at the end):
  // removing one at a time would make undoing a large import quadratic.
  const removed = new Set<string>();
  const removeGathered = () => {
    if (removed.size) order = order.filter((id) => !removed.has(id));
    removed.clear();
  };
  let n = 0;
  for (const p of c.puts) {
    const id = (p.after ?? p.before)!.id;
    if (p.after) {
      if (!blocks[id]) {
        removeGathered();
        order.splice(Math.min(p.index, order.length), 0, id);
      }
      blocks[id] = p.after;
    } else {
      delete blocks[id];
      removed.add(id);
    }
    if (++n % STEP_BLOCKS === 0) yield;
  }
  removeGathered();
  return { ...doc, scenarios: { ...doc.scenarios, [s.id]: { ...s, blocks, order } } };
}

/** Where each id stands in `order` (one pass: looking each up would be quadratic for many blocks). */
function positionsOf(order: readonly string[]): (id: string) => number {
  let index: Map<string, number> | null = null;
  return (id) => {
    index ??= new Map(order.map((x, k) => [x, k]));
    return index.get(id) ?? -1;
  };
}

const isPlainValue = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * A file's properties as a block's attributes: plain values only (they are
 * only ever rendered as text). Properties that are all plain already are
 * taken as they are, not copied: an import of 100,000 blocks makes no second
 * object per block. The caller hands over an object no one else holds.
 */
export function plainAttributes(props: Record<string, unknown>): Block['attributes'] {
  for (const k in props)
    if (!isPlainValue(props[k]))
      return Object.fromEntries(
        Object.entries(props).filter((e): e is [string, string | number | boolean | null] =>
          isPlainValue(e[1]),
        ),
      );
  return props as Block['attributes'];
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
  const at = positionsOf(s.order);
  return {
    scenarioId: s.id,
    label,
    puts: ids
      .filter((id) => s.blocks[id])
      .map((id) => ({ before: s.blocks[id]!, after: null, index: at(id) })),
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

/** Several blocks replaced in one change (one undo step), e.g. "mend all". */
export function updateBlocks(doc: PlanDocument, next: readonly Block[], label: string): Change {
  const s = doc.scenarios[doc.activeScenarioId]!;
  const at = positionsOf(s.order);
  return {
    scenarioId: s.id,
    label,
    puts: next
      .filter((b) => s.blocks[b.id])
      .map((b) => ({ before: s.blocks[b.id]!, after: b, index: at(b.id) })),
  };
}

/**
 * A multipolygon block split into one block per part: the first part keeps
 * the block's id, the others get fresh ids; names gain "-1", "-2", …; all keep
 * the attributes. One change, so one undo restores the original.
 */
export function splitBlock(doc: PlanDocument, id: string, label = 'split'): Change | null {
  const s = doc.scenarios[doc.activeScenarioId]!;
  const b = s.blocks[id];
  if (!b || b.geometry.type !== 'MultiPolygon' || b.geometry.coordinates.length < 2) return null;
  const parts = b.geometry.coordinates;
  const ids = [id, ...newBlockIds(doc, parts.length - 1)];
  const at = s.order.indexOf(id);
  const { retained: _dropped, ...base } = b;
  void _dropped;
  return {
    scenarioId: s.id,
    label,
    puts: parts.map((coords, k) => ({
      before: k === 0 ? b : null,
      after: {
        ...base,
        id: ids[k]!,
        name: `${b.name}-${k + 1}`,
        geometry: { type: 'Polygon', coordinates: coords },
      },
      index: at + k,
    })),
  };
}

/** `count` fresh ids that no block of the document uses. */
export function newBlockIds(doc: PlanDocument, count: number, prefix = 'b'): string[] {
  return Array.from({ length: count }, freshIdSource(doc, prefix));
}

/**
 * Fresh ids one at a time, the same as `newBlockIds` gives: an import of
 * 100,000 blocks takes each as it makes the block, in its time slices,
 * rather than all in one task.
 */
export function freshIdSource(doc: PlanDocument, prefix = 'b'): () => string {
  return idsNotIn(usedIds(doc), prefix);
}

/** `count` ids `<prefix><n>` not in `used`, which then holds them too. */
export function takeFreshIds(used: Set<string>, count: number, prefix = 'b'): string[] {
  const out = Array.from({ length: count }, idsNotIn(used, prefix));
  for (const id of out) used.add(id);
  return out;
}

/** The ids of every block in any scenario. */
export function usedIds(doc: PlanDocument): Set<string> {
  return new Set(Object.values(doc.scenarios).flatMap((s) => Object.keys(s.blocks)));
}

/** Ids `<prefix><n>` not in `used`, one per call, counting up from `used.size + 1`. */
function idsNotIn(used: ReadonlySet<string>, prefix: string): () => string {
  let n = used.size + 1;
  return () => {
    while (used.has(`${prefix}${n}`)) n++;
    return `${prefix}${n++}`;
  };
}

/** The blocks, those whose id the document already uses given fresh ids (the rest unchanged). */
export function withFreeIds(doc: PlanDocument, blocks: readonly Block[], prefix = 'b'): Block[] {
  const taken = usedIds(doc);
  const clashes = blocks.filter((b) => taken.has(b.id)).length;
  if (!clashes) return [...blocks];
  const used = new Set([...taken, ...blocks.map((b) => b.id)]);
  const fresh = takeFreshIds(used, clashes, prefix);
  let k = 0;
  return blocks.map((b) => (taken.has(b.id) ? { ...b, id: fresh[k++]! } : b));
}

/** A fresh id that no block of the document uses. */
export function newBlockId(doc: PlanDocument, prefix = 'b'): string {
  return newBlockIds(doc, 1, prefix)[0]!;
}

const listOf = (d: PlanDocument): ScenarioList => ({
  scenarios: d.scenarios,
  scenarioOrder: d.scenarioOrder,
  activeScenarioId: d.activeScenarioId,
});

function newScenarioId(doc: PlanDocument): string {
  return freshScenarioId(doc.scenarios, doc.scenarioOrder);
}

/** A scenario id `s<n>` not among `scenarios` (counting on from the number listed). */
export function freshScenarioId(scenarios: PlanDocument['scenarios'], order: readonly string[]): string {
  let n = order.length + 1;
  while (scenarios[`s${n}`]) n++;
  return `s${n}`;
}

/** A new scenario (empty, or a copy of `from` with the same block ids so verdicts can be compared), made active. */
export function createScenario(doc: PlanDocument, name: string, from?: string): Change {
  const id = newScenarioId(doc);
  const src = from ? doc.scenarios[from] : undefined;
  const scenario: Scenario = { id, name, blocks: src ? src.blocks : {}, order: src ? src.order : [] };
  return {
    scenarioId: id,
    label: from ? 'duplicate scenario' : 'new scenario',
    puts: [],
    scenarios: {
      before: listOf(doc),
      after: {
        scenarios: { ...doc.scenarios, [id]: scenario },
        scenarioOrder: [...doc.scenarioOrder, id],
        activeScenarioId: id,
      },
    },
  };
}

/**
 * A scenario's saved views or layer themes replaced (added, renamed, reordered,
 * deleted, or reset to the shipped ones with null). One undoable change.
 */
export function setScenarioList<K extends 'views' | 'themes'>(
  doc: PlanDocument,
  id: string,
  key: K,
  value: Scenario[K] | null,
  label: string,
): Change {
  const s = doc.scenarios[id]!;
  const next: Scenario = { ...s };
  if (value) (next as { [k in K]?: Scenario[K] })[key] = value;
  else delete (next as { [k in K]?: Scenario[K] })[key];
  return {
    scenarioId: id,
    label,
    puts: [],
    scenarios: {
      before: listOf(doc),
      after: { ...listOf(doc), scenarios: { ...doc.scenarios, [id]: next } },
    },
  };
}

export function renameScenario(doc: PlanDocument, id: string, name: string): Change {
  const s = doc.scenarios[id]!;
  return {
    scenarioId: id,
    label: 'rename scenario',
    puts: [],
    scenarios: {
      before: listOf(doc),
      after: { ...listOf(doc), scenarios: { ...doc.scenarios, [id]: { ...s, name } } },
    },
  };
}

/** A scenario's blocks in display order. */
export function scenarioBlocks(s: Scenario): Block[] {
  return s.order.map((id) => s.blocks[id]!);
}

/** The evaluation inputs of a scenario's blocks, for the analysis (blocks without any are left out). */
export function scenarioInputs(s: Scenario): [string, BlockInput][] {
  return s.order.flatMap((id) => {
    const input = blockInput(s, id);
    return input ? [input] : [];
  });
}

/** A block's evaluation inputs with its id, if it has any. */
export function blockInput(s: Scenario, id: string): [string, BlockInput] | undefined {
  const input = s.blocks[id]!.inputs;
  return input ? [id, input] : undefined;
}

/** A whole document as a backup file: every scenario, its blocks and their inputs. */
export const BACKUP_KIND = 'parkplan-backup';

export function backupOf(doc: PlanDocument): string {
  return JSON.stringify({ kind: BACKUP_KIND, savedAt: new Date().toISOString(), document: doc });
}

/** The document in a backup file's text, or null when the text is not a ParkPlan backup. */
export function readBackup(text: string): PlanDocument | null {
  try {
    const x = JSON.parse(text) as { kind?: unknown; document?: PlanDocument };
    const d = x.document;
    if (x.kind !== BACKUP_KIND || !d || d.version !== 1 || !d.scenarios || !Array.isArray(d.scenarioOrder))
      return null;
    return d;
  } catch {
    return null;
  }
}

/**
 * A backup's scenarios added to the document as new scenarios (fresh ids,
 * names marked as restored), the first of them made active. One change, so
 * one undo takes the restore back; nothing already there is touched.
 */
export function restoreScenarios(doc: PlanDocument, backup: PlanDocument, suffix: string): Change | null {
  const incoming = backup.scenarioOrder.map((id) => backup.scenarios[id]).filter((s): s is Scenario => !!s);
  if (incoming.length === 0) return null;
  const scenarios: Record<string, Scenario> = { ...doc.scenarios };
  const order = [...doc.scenarioOrder];
  const added: string[] = [];
  for (const s of incoming) {
    const id = freshScenarioId(scenarios, order);
    scenarios[id] = { ...s, id, name: `${s.name}${suffix}` };
    order.push(id);
    added.push(id);
  }
  return {
    scenarioId: added[0]!,
    label: 'restore backup',
    puts: [],
    scenarios: {
      before: listOf(doc),
      after: { scenarios, scenarioOrder: order, activeScenarioId: added[0]! },
    },
  };
}
