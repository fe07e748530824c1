import { describe, expect, it } from 'vitest';
import {
  addBlocks,
  applyChange,
  createScenario,
  emptyDocument,
  newBlockIds,
  removeBlocks,
  renameScenario,
  setScenarioList,
  updateBlock,
  type Change,
  type PlanDocument,
} from './model';
import { rebase } from './rebase';
import { testBlock } from './test-block';

const block = testBlock;

/** Changes made one after another from `doc`, each on the result of the last. */
function edits(doc: PlanDocument, ...make: ((d: PlanDocument) => Change)[]) {
  const changes: Change[] = [];
  for (const m of make) {
    const c = m(doc);
    changes.push(c);
    doc = applyChange(doc, c);
  }
  return { doc, changes };
}

const names = (d: PlanDocument, s = 's1') =>
  d.scenarios[s]!.order.map((id) => d.scenarios[s]!.blocks[id]!.name);

// Both tabs start from this: two blocks.
const start = applyChange(
  emptyDocument(),
  addBlocks(emptyDocument(), [block('b1', 'A'), block('b2', 'B')], 'seed'),
);

describe('replaying one tab’s changes on another tab’s saved document', () => {
  it('keeps both tabs’ blocks when both added blocks under the same ids', () => {
    const theirs = edits(start, (d) => addBlocks(d, [block(newBlockIds(d, 1)[0]!, 'theirs')], 'add')).doc;
    const ours = edits(start, (d) => addBlocks(d, [block(newBlockIds(d, 1)[0]!, 'ours')], 'add'));
    expect(ours.changes[0]!.puts[0]!.after!.id).toBe('b3'); // the same id the other tab used
    const r = rebase(theirs, ours.changes);
    expect(names(r.doc)).toEqual(['A', 'B', 'theirs', 'ours']);
    const ids = r.doc.scenarios.s1!.order;
    expect(new Set(ids).size).toBe(4);
    expect(r.doc.scenarios.s1!.blocks.b3!.name).toBe('theirs');
  });

  it('follows a re-numbered block through later changes of the same batch', () => {
    const theirs = edits(start, (d) => addBlocks(d, [block('b3', 'theirs')], 'add')).doc;
    const ours = edits(
      start,
      (d) => addBlocks(d, [block('b3', 'ours')], 'add'),
      (d) => updateBlock(d, { ...d.scenarios.s1!.blocks.b3!, name: 'ours, renamed' }, 'rename'),
    );
    const r = rebase(theirs, ours.changes);
    expect(names(r.doc)).toEqual(['A', 'B', 'theirs', 'ours, renamed']);
  });

  it('applies edits block by block: different blocks both change; on the same block the replayed edit wins', () => {
    const theirs = edits(
      start,
      (d) => updateBlock(d, { ...d.scenarios.s1!.blocks.b1!, name: 'A by them' }, 'rename'),
      (d) => updateBlock(d, { ...d.scenarios.s1!.blocks.b2!, name: 'B by them' }, 'rename'),
    ).doc;
    const ours = edits(start, (d) =>
      updateBlock(d, { ...d.scenarios.s1!.blocks.b2!, name: 'B by us' }, 'rename'),
    );
    const r = rebase(theirs, ours.changes);
    expect(names(r.doc)).toEqual(['A by them', 'B by us']);
    // The replayed change's inverse now restores the other tab's version, not the common ancestor.
    expect(r.changes[0]!.puts[0]!.before!.name).toBe('B by them');
  });

  it('a deletion replays as a deletion; deleting what the other tab deleted is harmless', () => {
    const theirs = edits(start, (d) => removeBlocks(d, ['b1'], 'delete')).doc;
    const ours = edits(start, (d) => removeBlocks(d, ['b1', 'b2'], 'delete'));
    expect(names(rebase(theirs, ours.changes).doc)).toEqual([]);
  });

  it('a scenario rename or a views edit changes that field only, keeping the other tab’s blocks', () => {
    const theirs = edits(start, (d) => addBlocks(d, [block('b3', 'theirs')], 'add')).doc;
    const ours = edits(
      start,
      (d) => renameScenario(d, 's1', '方案甲'),
      (d) => setScenarioList(d, 's1', 'views', [], 'clear views'),
    );
    const r = rebase(theirs, ours.changes);
    expect(r.doc.scenarios.s1!.name).toBe('方案甲');
    expect(r.doc.scenarios.s1!.views).toEqual([]);
    expect(names(r.doc)).toEqual(['A', 'B', 'theirs']);
  });

  it('a scenario added in both tabs under the same id is kept twice, with its own blocks', () => {
    const theirs = edits(start, (d) => createScenario(d, 'their copy', 's1')).doc;
    const ours = edits(
      start,
      (d) => createScenario(d, 'our new'),
      (d) => addBlocks(d, [block('b3', 'in our new')], 'add'),
    );
    expect(ours.doc.activeScenarioId).toBe('s2');
    const r = rebase(theirs, ours.changes, ours.doc.activeScenarioId);
    expect(r.doc.scenarioOrder).toEqual(['s1', 's2', 's3']);
    expect(r.doc.scenarios.s2!.name).toBe('their copy');
    expect(r.doc.scenarios.s3!.name).toBe('our new');
    expect(names(r.doc, 's3')).toEqual(['in our new']);
    expect(names(r.doc, 's2')).toEqual(['A', 'B']);
    // This tab stays on the scenario it was working in, under its new id.
    expect(r.doc.activeScenarioId).toBe('s3');
  });

  it('with nothing to replay, the other tab’s document is taken as it is', () => {
    const theirs = edits(start, (d) => removeBlocks(d, ['b2'], 'delete')).doc;
    expect(rebase(theirs, []).doc).toBe(theirs);
  });
});
