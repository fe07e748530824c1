import { describe, expect, it } from 'vitest';
import {
  addBlocks,
  applyChange,
  createScenario,
  emptyDocument,
  removeBlocks,
  renameScenario,
  updateBlock,
  type PlanDocument,
} from './model';
import {
  assemble,
  blockOps,
  blockOpsInSlices,
  metaOf,
  orderJsonInSlices,
  storedRecord,
  UnreadableStorageError,
  type BlockRecord,
  type StoredBlockRecord,
} from './stored-layout';
import { testBlock } from './test-block';
import { isLazyAreal, lazyAreal, packAreals } from '../core/geo/packed';

const block = testBlock;

const many = (n: number) => Array.from({ length: n }, (_, i) => block(`b${i + 1}`));
const d0 = emptyDocument();
const d1 = applyChange(d0, addBlocks(d0, many(1000), 'import'));

/** What storage would hold after writing `next` over `prev` (a map of block records). */
function replay(records: Map<string, BlockRecord>, prev: PlanDocument | null, next: PlanDocument) {
  const ops = blockOps(prev, next);
  if (!prev) records.clear();
  for (const sid of ops.dropped)
    for (const k of [...records.keys()]) if (k.startsWith(`${sid}/`)) records.delete(k);
  for (const [sid, bid] of ops.deletes) records.delete(`${sid}/${bid}`);
  for (const r of ops.puts) records.set(`${r.scenarioId}/${r.block.id}`, r);
  return { ops, doc: assemble(metaOf(next), [...records.values()]) };
}

describe('stored layout: meta record + one record per block', () => {
  it('keeps the order of block ids as one string in the meta record (one string for IndexedDB to clone, not 1,000)', () => {
    const meta = metaOf(d1) as unknown as { scenarios: Record<string, Record<string, unknown>> };
    expect(meta.scenarios.s1!.order).toBeUndefined();
    expect(typeof meta.scenarios.s1!.orderJson).toBe('string');
    expect(JSON.parse(meta.scenarios.s1!.orderJson as string)).toEqual(d1.scenarios.s1!.order);
  });

  it("works out a long order's JSON in slices, the same as in one go, for the meta record to take", async () => {
    const big = applyChange(d0, addBlocks(d0, many(12_345), 'import'));
    let pauses = 0;
    await orderJsonInSlices(big, async () => void pauses++);
    expect(pauses).toBe(3);
    const meta = metaOf(big) as unknown as { scenarios: Record<string, { orderJson: string }> };
    expect(meta.scenarios.s1!.orderJson).toBe(JSON.stringify(big.scenarios.s1!.order));
    // Worked out once: a second pass has nothing to do.
    await orderJsonInSlices(big, async () => void pauses++);
    expect(pauses).toBe(3);
  });

  it('reads a meta record written before, with the order as a list', () => {
    const { orderJson, ...rest } = metaOf(d1).scenarios.s1! as { orderJson: string };
    const legacy = {
      ...metaOf(d1),
      scenarios: { s1: { ...rest, order: JSON.parse(orderJson) as string[] } },
    };
    const records = Object.values(d1.scenarios.s1!.blocks).map((b) => ({ scenarioId: 's1', block: b }));
    expect(assemble(legacy as never, records)).toEqual(d1);
  });

  it('refuses a stored order that is not a list of ids rather than read the scenario as empty', () => {
    const meta = metaOf(d1);
    const broken = { ...meta, scenarios: { s1: { ...meta.scenarios.s1!, orderJson: '{"b1":1}' } } };
    expect(() => assemble(broken, [])).toThrow(/not a list of block ids/);
  });

  it('round-trips a document exactly (order, views, names)', () => {
    const withScenario = applyChange(d1, createScenario(d1, '方案二', 's1'));
    const records = new Map<string, BlockRecord>();
    expect(replay(records, null, withScenario).doc).toEqual(withScenario);
  });

  it('writes everything the first time, then only what changed: one edit among 1,000 blocks writes one block', () => {
    const records = new Map<string, BlockRecord>();
    expect(replay(records, null, d1).ops.puts).toHaveLength(1000);
    const d2 = applyChange(
      d1,
      updateBlock(d1, { ...d1.scenarios.s1!.blocks.b500!, name: 'renamed' }, 'rename'),
    );
    const r = replay(records, d1, d2);
    expect(r.ops.puts.map((p) => p.block.name)).toEqual(['renamed']);
    expect(r.ops.deletes).toEqual([]);
    expect(r.doc).toEqual(d2);
  });

  it('deletes the records of deleted blocks; a rename of the scenario writes no block', () => {
    const records = new Map<string, BlockRecord>();
    replay(records, null, d1);
    const d2 = applyChange(d1, removeBlocks(d1, ['b1', 'b2'], 'delete'));
    const r = replay(records, d1, d2);
    expect(r.ops.deletes).toEqual([
      ['s1', 'b1'],
      ['s1', 'b2'],
    ]);
    expect(r.doc).toEqual(d2);
    const d3 = applyChange(d2, renameScenario(d2, 's1', '甲'));
    const r3 = replay(records, d2, d3);
    expect(r3.ops.puts).toEqual([]);
    expect(r3.doc.scenarios.s1!.name).toBe('甲');
  });

  it('worked out in slices, the writes are the same, with a pause every 2,000 blocks looked at', async () => {
    const big = applyChange(d0, addBlocks(d0, many(5000), 'import'));
    const edited = applyChange(big, removeBlocks(big, ['b7'], 'delete'));
    let pauses = 0;
    const pause = async () => void pauses++;
    expect(await blockOpsInSlices(null, big, pause)).toEqual(blockOps(null, big));
    // 5,000 blocks: a pause before starting, and after the 2,000th and the 4,000th.
    expect(pauses).toBe(3);
    expect(await blockOpsInSlices(big, edited, pause)).toEqual(blockOps(big, edited));
  });

  it('a duplicated scenario gets records of its own; the original scenario writes nothing', () => {
    const records = new Map<string, BlockRecord>();
    replay(records, null, d1);
    const d2 = applyChange(d1, createScenario(d1, 'copy', 's1'));
    const r = replay(records, d1, d2);
    expect(r.ops.puts).toHaveLength(1000);
    expect(new Set(r.ops.puts.map((p) => p.scenarioId))).toEqual(new Set(['s2']));
    expect(r.doc).toEqual(d2);
  });

  it('ignores block records that no scenario order names (leftovers), never inventing blocks', () => {
    const doc = assemble(metaOf(d0), [
      { scenarioId: 's1', block: block('stray') },
      { scenarioId: 'sX', block: block('b9') },
    ]);
    expect(doc).toEqual(d0);
  });

  it("stores an import's packed geometries as lists of numbers and reads them back packed", () => {
    const plain = many(7);
    const pack = packAreals(plain.map((b) => b.geometry))!;
    const imported = plain.map((b, i) => ({ ...b, geometry: lazyAreal(pack, i) }));
    const doc = applyChange(d0, addBlocks(d0, imported, 'import'));
    const records = blockOps(null, doc).puts.map(storedRecord);
    for (const r of records) {
      // No coordinates for IndexedDB's clone to build: one list of numbers.
      expect(Object.keys(r.block.geometry)).toEqual(['type', 'flat']);
      expect(r.block.name).toBe(imported.find((b) => b.id === r.block.id)!.name);
    }
    const back = assemble(metaOf(doc), structuredClone(records));
    const blocks = back.scenarios.s1!.order.map((id) => back.scenarios.s1!.blocks[id]!);
    expect(blocks.every((b) => isLazyAreal(b.geometry))).toBe(true);
    expect(JSON.parse(JSON.stringify(blocks))).toEqual(JSON.parse(JSON.stringify(plain)));
    // A drawn block is stored as it is.
    const drawn = { scenarioId: 's1', block: block('drawn') };
    expect(storedRecord(drawn)).toBe(drawn);
  });

  it('reads back every imported block at the sizes planners have (exactly 5,000 and 12,345: whole packs and a part)', () => {
    for (const n of [4_999, 5_000, 12_345]) {
      const plain = many(n);
      const pack = packAreals(plain.map((b) => b.geometry))!;
      // Imported (packed) blocks with a drawn one among them, so stored runs of lists are broken.
      const blocks = plain.map((b, i) => (i === 2_500 ? b : { ...b, geometry: lazyAreal(pack, i) }));
      const doc = applyChange(d0, addBlocks(d0, blocks, 'import'));
      const records = blockOps(null, doc).puts.map(storedRecord);
      const back = assemble(metaOf(doc), structuredClone(records));
      expect(back.scenarios.s1!.order).toHaveLength(n);
      const names = back.scenarios.s1!.order.map((id) => back.scenarios.s1!.blocks[id]!.name);
      expect(names).toEqual(blocks.map((b) => b.name));
      const geometries = back.scenarios.s1!.order.map((id) => back.scenarios.s1!.blocks[id]!.geometry);
      expect(JSON.parse(JSON.stringify(geometries))).toEqual(
        JSON.parse(JSON.stringify(plain.map((b) => b.geometry))),
      );
    }
  });

  it('refuses a stored geometry that is not a packed polygon list, naming the block', () => {
    const meta = metaOf(d1);
    const records: StoredBlockRecord[] = blockOps(null, d1).puts.slice();
    const broken = (geometry: unknown) => [
      ...records.slice(1),
      { scenarioId: 's1', block: { ...records[0]!.block, geometry } } as StoredBlockRecord,
    ];
    expect(() => assemble(meta, broken({ type: 'Polygon', flat: [1, 1, 4, 0, 0] }))).toThrow(
      'stored geometry of block b1 is not a packed polygon list',
    );
    expect(() => assemble(meta, broken({ type: 'Point', flat: [0] }))).toThrow(
      new UnreadableStorageError('geometry', 'b1'),
    );
  });
});
