import { describe, expect, it } from 'vitest';
import { chunkByWeight, cloneWeight, positionCount, timeSlices, yieldToPage } from './tasks';

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
      cloneWeight([
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ]),
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
