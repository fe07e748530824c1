import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBlocksAsync } from '../../src/core/io/read';
import { ImportError } from '../../src/core/io/import-error';
import { main } from '../../src/cli/report';
import { hostileCases, type HostileCase } from './cases';

/**
 * The hostile-input suite through the readers (what the app's worker runs)
 * and the command line (in process, the full report). Every case ends in a
 * correct import or one clear message: never an internal error, a stack
 * trace or a message with "undefined" or "[object Object]" in it.
 * (The same cases go through the browser in test/browser/hostile.test.ts.)
 */
const cases = hostileCases();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkplan-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A message a planner can act on: says something, no stack trace, no leaked programming words. */
function expectClear(message: string) {
  expect(message.trim().length).toBeGreaterThan(10);
  expect(message).not.toMatch(/\n\s+at |undefined|\[object Object\]|TypeError|RangeError|ReferenceError/);
}

/** The file on disk: its own name, made safe for the file system, extension kept. */
function onDisk(c: HostileCase, i: number): string {
  const safe = c.file.replace(/[^A-Za-z0-9._\u4e00-\u9fff（）-]/g, '_');
  const path = join(dir, `c${i}-${safe}`);
  writeFileSync(path, c.bytes);
  return path;
}

describe('hostile inputs', () => {
  it('number at least 500', () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
  });

  cases.forEach((c, i) => {
    it(
      `${c.id}: ${c.expect}${c.codes ? ` (${c.codes.join(' | ')})` : ''}`,
      { timeout: c.heavy ? 180_000 : 30_000 },
      async () => {
        // The readers, as the worker calls them.
        let outcome: 'ok' | 'refused';
        try {
          const r = await readBlocksAsync(c.bytes, c.file);
          outcome = 'ok';
          expect(r.blocks.features.length).toBeGreaterThan(0);
          if (c.blocks !== undefined) expect(r.blocks.features.length).toBe(c.blocks);
        } catch (e) {
          if (!(e instanceof ImportError))
            throw new Error(`crashed instead of refusing: ${String((e as Error).stack ?? e)}`, { cause: e });
          outcome = 'refused';
          expectClear(e.message);
          if (c.codes && c.expect === 'refused') expect(c.codes).toContain(e.code);
        }
        if (c.expect !== 'either') expect(outcome).toBe(c.expect);
        // Nothing a file says reaches the object prototype.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();

        // The command line, on the same bytes: exit 0 with a report, or 2 with one line; never 1 (internal error).
        const r = await main([onDisk(c, i)]);
        expect(r.code, r.stderr).not.toBe(1);
        expect(r.code).toBe(outcome === 'ok' ? 0 : 2);
        if (r.code === 2) {
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
          expectClear(r.stderr);
        } else expect(r.stdout.length).toBeGreaterThan(0);
      },
    );
  });
});
