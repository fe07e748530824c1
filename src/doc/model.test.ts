import { describe, expect, it } from 'vitest';
import {
  addBlocks,
  applyChange,
  applyChangeSteps,
  backupOf,
  readBackup,
  restoreScenarios,
  setScenarioList,
  emptyDocument,
  invert,
  removeBlocks,
  splitBlock,
  updateBlock,
  type Block,
} from './model';
import { testBlock } from './test-block';

const block = testBlock;

describe('document changes carry their inverse', () => {
  it('add, then undo by applying the inverse, restores the document exactly', () => {
    const d0 = emptyDocument();
    const c = addBlocks(d0, [block('a'), block('b')], 'import');
    const d1 = applyChange(d0, c);
    expect(d1.scenarios.s1!.order).toEqual(['a', 'b']);
    expect(applyChange(d1, invert(c))).toEqual(d0);
  });

  it('remove restores the block at its place in the order on undo', () => {
    let d = applyChange(
      emptyDocument(),
      addBlocks(emptyDocument(), [block('a'), block('b'), block('c')], 'add'),
    );
    const c = removeBlocks(d, ['b'], 'delete');
    const after = applyChange(d, c);
    expect(after.scenarios.s1!.order).toEqual(['a', 'c']);
    d = applyChange(after, invert(c));
    expect(d.scenarios.s1!.order).toEqual(['a', 'b', 'c']);
  });

  it('a large import and its undo apply in steps (pausing every thousand blocks) and restore the document exactly', () => {
    const d0 = applyChange(emptyDocument(), addBlocks(emptyDocument(), [block('x')], 'draw'));
    const many = Array.from({ length: 5_000 }, (_, i) => block(`b${i + 1}`));
    const c = addBlocks(d0, many, 'import');
    const run = (steps: Generator<void, ReturnType<typeof applyChange>>) => {
      let pauses = 0;
      let r = steps.next();
      while (!r.done) {
        pauses++;
        r = steps.next();
      }
      return { doc: r.value, pauses };
    };
    const up = run(applyChangeSteps(d0, c));
    expect(up.pauses).toBe(5); // 5,000 puts; a 1-block scenario is copied without pausing
    expect(up.doc.scenarios.s1!.order).toEqual(['x', ...many.map((b) => b.id)]);
    expect(up.doc.scenarios.s1!.blocks.b4321).toBe(many[4320]);
    const down = run(applyChangeSteps(up.doc, invert(c)));
    expect(down.pauses).toBe(5 + 5); // the 5,001 blocks copied, then 5,000 removals
    expect(down.doc).toEqual(d0);
  });

  it('a change that removes and then inserts places the insertion by the order after the removals', () => {
    const d = applyChange(
      emptyDocument(),
      addBlocks(emptyDocument(), [block('a'), block('b'), block('c'), block('d')], 'add'),
    );
    const after = applyChange(d, {
      scenarioId: 's1',
      label: 'mixed',
      puts: [
        { before: block('a'), after: null, index: 0 },
        { before: block('b'), after: null, index: 0 },
        { before: null, after: block('e'), index: 1 },
      ],
    });
    expect(after.scenarios.s1!.order).toEqual(['c', 'e', 'd']);
    expect(Object.keys(after.scenarios.s1!.blocks).sort()).toEqual(['c', 'd', 'e']);
  });

  it('update keeps the old version for undo and redo replays it', () => {
    const d0 = applyChange(emptyDocument(), addBlocks(emptyDocument(), [block('a', 'old')], 'add'));
    const c = updateBlock(d0, block('a', 'new'), 'rename');
    const d1 = applyChange(d0, c);
    expect(d1.scenarios.s1!.blocks.a!.name).toBe('new');
    const d2 = applyChange(d1, invert(c));
    expect(d2.scenarios.s1!.blocks.a!.name).toBe('old');
    expect(applyChange(d2, invert(invert(c)))).toEqual(d1);
  });
});

describe('scenarios', () => {
  it('duplicates a scenario with the same block ids, makes it active, and undoes cleanly', async () => {
    const { createScenario, renameScenario } = await import('./model');
    const d0 = applyChange(emptyDocument(), addBlocks(emptyDocument(), [block('a'), block('b')], 'add'));
    const c = createScenario(d0, '方案二', 's1');
    const d1 = applyChange(d0, c);
    expect(d1.activeScenarioId).toBe('s2');
    expect(d1.scenarios.s2!.order).toEqual(['a', 'b']);
    // Editing the copy leaves the original alone.
    const d2 = applyChange(d1, removeBlocks(d1, ['a'], 'delete'));
    expect(d2.scenarios.s1!.order).toEqual(['a', 'b']);
    expect(d2.scenarios.s2!.order).toEqual(['b']);
    const r = renameScenario(d2, 's2', '压减方案');
    expect(applyChange(d2, r).scenarios.s2!.name).toBe('压减方案');
    expect(applyChange(d1, invert(c))).toEqual(d0);
  });
});

describe('imported attributes', () => {
  it('keeps plain values only, and takes properties that are all plain as they are', async () => {
    const { plainAttributes } = await import('./model');
    const plain = { 名称: '中关村南区块', 面积: 1.5, 在建: false, 备注: null };
    expect(plainAttributes(plain)).toBe(plain);
    const mixed = { name: 'x', nested: { a: 1 }, list: [1], when: undefined, n: 2 };
    expect(plainAttributes(mixed)).toEqual({ name: 'x', n: 2 });
    expect(mixed.nested).toEqual({ a: 1 });
  });
});

describe('block ids', () => {
  it('hands out fresh ids in one pass, skipping the ones in use in any scenario', async () => {
    const { newBlockIds } = await import('./model');
    const d = applyChange(emptyDocument(), addBlocks(emptyDocument(), [block('b1'), block('b3')], 'add'));
    expect(newBlockIds(d, 3)).toEqual(['b4', 'b5', 'b6']);
    expect(new Set(newBlockIds(d, 100_000)).size).toBe(100_000);
  });

  it('hands them out one at a time too (an import takes one per block it makes), the same ids', async () => {
    const { freshIdSource, newBlockIds } = await import('./model');
    const d = applyChange(
      emptyDocument(),
      addBlocks(emptyDocument(), [block('b1'), block('b3'), block('b5')], 'add'),
    );
    const next = freshIdSource(d);
    expect([next(), next(), next()]).toEqual(['b4', 'b6', 'b7']);
    expect(newBlockIds(d, 3)).toEqual(['b4', 'b6', 'b7']);
  });

  it('an import whose ids were taken meanwhile (a block drawn during it) gets fresh ones; nothing is overwritten', async () => {
    const { newBlockIds, withFreeIds } = await import('./model');
    const d = applyChange(emptyDocument(), addBlocks(emptyDocument(), [block('b1')], 'add'));
    const reserved = newBlockIds(d, 2); // b2, b3
    const drawn = applyChange(d, addBlocks(d, [block('b2')], 'draw'));
    const imported = withFreeIds(
      drawn,
      reserved.map((id) => block(id)),
    );
    expect(imported.map((b) => b.id)).toEqual(['b4', 'b3']);
    const after = applyChange(drawn, addBlocks(drawn, imported, 'import'));
    expect(Object.keys(after.scenarios.s1!.blocks).sort()).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(withFreeIds(d, [block('b9')]).map((b) => b.id)).toEqual(['b9']);
  });
});

describe('split', () => {
  it('splits a two-part block into two blocks in place, and one undo restores it', () => {
    const sq = (x: number) => [
      [
        [x, 39.9],
        [x + 0.01, 39.9],
        [x + 0.01, 39.91],
        [x, 39.91],
        [x, 39.9],
      ],
    ];
    const multi: Block = {
      ...block('m', '双片区'),
      attributes: { 编号: 'A-7' },
      geometry: { type: 'MultiPolygon', coordinates: [sq(116.4), sq(116.42)] },
    };
    let doc = emptyDocument();
    doc = applyChange(doc, addBlocks(doc, [block('a'), multi, block('z')], 'add'));
    const before = doc;
    const c = splitBlock(doc, 'm')!;
    doc = applyChange(doc, c);
    const s = doc.scenarios[doc.activeScenarioId]!;
    expect(s.order).toEqual(['a', 'm', 'b4', 'z']);
    expect(s.blocks.m).toMatchObject({
      name: '双片区-1',
      attributes: { 编号: 'A-7' },
      geometry: { type: 'Polygon', coordinates: sq(116.4) },
    });
    expect(s.blocks.b4).toMatchObject({
      name: '双片区-2',
      attributes: { 编号: 'A-7' },
      geometry: { type: 'Polygon', coordinates: sq(116.42) },
    });
    expect(applyChange(doc, invert(c))).toEqual(before);
    expect(splitBlock(doc, 'a')).toBeNull(); // a single polygon has nothing to split
  });
});

describe('backup', () => {
  it('restores a backup as new scenarios beside the existing ones, undoably', () => {
    let doc = emptyDocument();
    doc = applyChange(doc, addBlocks(doc, [block('a')], 'add'));
    const text = backupOf(doc);
    let other = emptyDocument('另一个');
    other = applyChange(other, addBlocks(other, [block('x'), block('y')], 'add'));
    const c = restoreScenarios(other, readBackup(text)!, '（恢复）')!;
    const restored = applyChange(other, c);
    expect(restored.scenarioOrder).toEqual(['s1', 's2']);
    expect(restored.activeScenarioId).toBe('s2');
    expect(restored.scenarios.s2!.name).toBe('方案一（恢复）');
    expect(restored.scenarios.s2!.order).toEqual(['a']);
    expect(restored.scenarios.s1).toBe(other.scenarios.s1);
    expect(applyChange(restored, invert(c))).toEqual(other);
    expect(readBackup('{"type":"FeatureCollection","features":[]}')).toBeNull();
    expect(readBackup('not json')).toBeNull();
  });
});

describe('scenario lists (views, themes)', () => {
  it("replaces a scenario's themes undoably, and null restores the shipped ones", () => {
    const doc = emptyDocument();
    const theme = { id: 't1', nameZh: '甲', nameEn: 'A', visible: {} as never };
    const c = setScenarioList(doc, 's1', 'themes', [theme], 'save theme');
    const after = applyChange(doc, c);
    expect(after.scenarios.s1!.themes).toEqual([theme]);
    expect(applyChange(after, invert(c))).toEqual(doc);
    const reset = applyChange(after, setScenarioList(after, 's1', 'themes', null, 'reset'));
    expect('themes' in reset.scenarios.s1!).toBe(false);
  });
});
