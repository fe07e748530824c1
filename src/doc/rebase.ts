import {
  applyChange,
  freshScenarioId,
  takeFreshIds,
  usedIds,
  type Change,
  type PlanDocument,
  type Scenario,
} from './model';

/**
 * Two tabs on the same data: when this tab's unsaved changes meet a document
 * another tab saved meanwhile, they are replayed on top of it instead of
 * overwriting it. Block changes apply block by block (the later edit of the
 * same block wins); a block or scenario this tab added under an id the other
 * tab also used gets a fresh id; scenario renames, views and themes apply as
 * edits of those fields only, never as a copy of the old scenario list.
 */

export interface Rebased {
  readonly doc: PlanDocument;
  /** The same changes as they now apply (ids remapped where they collided). */
  readonly changes: readonly Change[];
}

export function rebase(theirs: PlanDocument, changes: readonly Change[], activeScenarioId?: string): Rebased {
  let doc = theirs;
  const scenarioIds = new Map<string, string>();
  const blockIds = new Map<string, string>();
  const out: Change[] = [];
  let used: Set<string> | undefined;
  for (const c of changes) {
    if (c.scenarios) {
      const r = rebaseScenarioChange(doc, c, scenarioIds);
      doc = r.doc;
      out.push(r.change);
      continue;
    }
    const scenarioId = scenarioIds.get(c.scenarioId) ?? c.scenarioId;
    const s = doc.scenarios[scenarioId];
    if (!s) continue; // Nothing removes scenarios today; a change to a missing one has nothing to apply to.
    const puts = c.puts.map((p) => {
      const id = (p.after ?? p.before)!.id;
      let mapped = blockIds.get(id) ?? id;
      // Added here, but the other tab gave the same id to another block: this one gets a fresh id.
      if (!blockIds.has(id) && p.before === null && s.blocks[id] && s.blocks[id] !== p.after) {
        // Fresh means unused by either tab: the other tab's blocks and every block these changes name.
        used ??= new Set([
          ...usedIds(doc),
          ...changes.flatMap((x) => x.puts.map((q) => (q.after ?? q.before)!.id)),
        ]);
        mapped = takeFreshIds(used, 1)[0]!;
        blockIds.set(id, mapped);
      }
      const after = p.after && p.after.id !== mapped ? { ...p.after, id: mapped } : p.after;
      // What the block is now, so the replayed change still carries its true inverse.
      const before = doc.scenarios[s.id]!.blocks[mapped] ?? null;
      // A block new to the other tab's document goes after its blocks (positions from before mean little now).
      return { before, after, index: before ? p.index : Number.MAX_SAFE_INTEGER };
    });
    // Deleting a block the other tab already deleted leaves nothing to do.
    const change: Change = { ...c, scenarioId: s.id, puts: puts.filter((p) => p.before || p.after) };
    doc = applyChange(doc, change);
    out.push(change);
  }
  if (activeScenarioId) {
    const id = scenarioIds.get(activeScenarioId) ?? activeScenarioId;
    if (doc.scenarios[id]) doc = { ...doc, activeScenarioId: id };
  }
  return { doc, changes: out };
}

const FIELDS = ['name', 'views', 'themes'] as const;

function rebaseScenarioChange(
  doc: PlanDocument,
  c: Change,
  scenarioIds: Map<string, string>,
): { doc: PlanDocument; change: Change } {
  const { before, after } = c.scenarios!;
  const scenarios: Record<string, Scenario> = { ...doc.scenarios };
  const order = [...doc.scenarioOrder];
  for (const id of after.scenarioOrder) {
    const next = after.scenarios[id]!;
    const prev = before.scenarios[id];
    if (!prev) {
      // A scenario added here (new, duplicated, restored): kept whole, under a fresh id if the other tab used this one.
      let mapped = scenarioIds.get(id) ?? id;
      if (scenarios[mapped]) mapped = freshScenarioId(scenarios, order);
      scenarioIds.set(id, mapped);
      scenarios[mapped] = { ...next, id: mapped };
      order.push(mapped);
      continue;
    }
    if (next === prev) continue;
    const mapped = scenarioIds.get(id) ?? id;
    const target = scenarios[mapped];
    if (!target) continue;
    // Only the fields this change edited; blocks stay as the other tab left them.
    const edited: Record<string, unknown> = { ...target };
    for (const f of FIELDS) {
      if (next[f] === prev[f]) continue;
      if (next[f] === undefined) delete edited[f];
      else edited[f] = next[f];
    }
    scenarios[mapped] = edited as unknown as Scenario;
  }
  const activeScenarioId = scenarioIds.get(after.activeScenarioId) ?? after.activeScenarioId;
  const list = {
    scenarios,
    scenarioOrder: order,
    activeScenarioId: scenarios[activeScenarioId] ? activeScenarioId : doc.activeScenarioId,
  };
  const beforeList = {
    scenarios: doc.scenarios,
    scenarioOrder: doc.scenarioOrder,
    activeScenarioId: doc.activeScenarioId,
  };
  return {
    doc: { ...doc, ...list },
    change: {
      ...c,
      scenarioId: scenarioIds.get(c.scenarioId) ?? c.scenarioId,
      scenarios: { before: beforeList, after: list },
    },
  };
}
