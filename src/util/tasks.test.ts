import { describe, expect, it } from 'vitest';
import {
  chunkByWeight,
  cloneWeight,
  mapInSlices,
  positionCount,
  runInSlices,
  timeSlices,
  yieldToPage,
} from './tasks';

describe('chunkByWeight', () => {
  it('cuts runs at the weight limit, keeps order, and gives a heavy item a run of its own', () => {
    expect(chunkByWeight([1, 2, 3, 4, 10, 1], (x) => x, 5)).toEqual([[1, 2], [3], [4], [10], [1]]);
    expect(chunkByWeight([], (x: number) => x, 5)).toEqual([]);
    expect(chunkByWeight([1, 1, 1], () => 1, 3)).toEqual([[1, 1, 1]]);
  });
});

describe('positionCount', () => {
  it('counts positions at any depth', () => {
    expect(positionCount([1, 2])).toBe(1);
    expect(
      positionCount([
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ]),
    ).toBe(4);
    expect(
      positionCount([
        [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [5, 5],
          ],
        ],
      ]),
    ).toBe(6);
    expect(positionCount(null)).toBe(0);
    expect(
      cloneWeight({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toBe(24);
  });
});

describe('yieldToPage', () => {
  it('resolves after already queued tasks have run', async () => {
    const seen: string[] = [];
    setTimeout(() => seen.push('timer'), 0);
    await new Promise((r) => setTimeout(r, 1));
    await yieldToPage();
    seen.push('after');
    expect(seen).toEqual(['timer', 'after']);
  });
});

describe('timeSlices', () => {
  it('is due once the slice has had its time, and not again right after next()', async () => {
    const slices = timeSlices(5);
    expect(slices.due()).toBe(false);
    const end = performance.now() + 6;
    while (performance.now() < end);
    expect(slices.due()).toBe(true);
    await slices.next();
    expect(slices.due()).toBe(false);
  });
});

/** A loop step that takes about `ms` of the thread. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('runInSlices', () => {
  it("returns the generator's result, letting queued tasks in first and between slices", async () => {
    const seen: string[] = [];
    function* steps(): Generator<void, number> {
      seen.push('start');
      for (let i = 0; i < 4; i++) {
        busy(5);
        yield;
      }
      return 42;
    }
    setTimeout(() => seen.push('timer1'), 0);
    await new Promise((r) => setTimeout(r, 1));
    setTimeout(() => seen.push('timer2'), 0);
    const result = runInSlices(steps());
    expect(seen).toEqual(['timer1']); // nothing runs in the caller's task
    expect(await result).toBe(42);
    // 20 ms of steps in slices of 8 ms: the timer queued before got its turn before the end.
    expect(seen.indexOf('start')).toBeGreaterThan(0);
    expect(seen).toContain('timer2');
  });
});

describe('mapInSlices', () => {
  it("maps in order, leaving out undefined, never in the caller's task", async () => {
    let ran = false;
    const p = mapInSlices([1, 2, 3, 4], (x, i) => {
      ran = true;
      return x % 2 ? `${x}@${i}` : undefined;
    });
    expect(ran).toBe(false);
    expect(await p).toEqual(['1@0', '3@2']);
  });
  it('stops when told to between slices, and then gives null', async () => {
    let calls = 0;
    const r = await mapInSlices(
      Array.from({ length: 100 }, (_, i) => i),
      (x) => {
        calls++;
        busy(1);
        return x;
      },
      () => calls > 20,
    );
    expect(r).toBeNull();
    expect(calls).toBeLessThan(100);
  });
});
