import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';

/**
 * The totals' union of every block, at a planner's size, on a stack as small as a browser
 * worker's: an earlier build spread all the blocks into one call, which overflowed the analysis
 * worker's stack at 100,000 imported blocks (the page then showed no areas or verdicts).
 * The union of disjoint squares has their summed area.
 */
describe('union of many blocks', () => {
  it('unions 20,000 blocks with a 150 KB stack, area equal to their sum', () => {
    const out = execFileSync(
      process.execPath,
      ['--stack-size=150', '--import', 'tsx', 'test/unit/union-stack.ts', '20000'],
      { encoding: 'utf8' },
    );
    const { ratio } = JSON.parse(out) as { ratio: number };
    expect(Math.abs(ratio - 1)).toBeLessThan(1e-9);
  });
});
