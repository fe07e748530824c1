import type { Geometry } from 'geojson';
import { arealPositionCount } from '../core/geo/packed';

/**
 * Keeping the page responsive while handling many blocks: work is cut into
 * pieces that each fit in a short task, with the page let in between.
 */

/** Lets the page handle input and paint before going on (works in workers too). */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => {
      c.port1.close();
      resolve();
    };
    c.port2.postMessage(null);
  });
}

/** Time a slice of a long loop on the page may run before the page is let in. */
export const SLICE_MS = 8;

/**
 * For a long loop on the page: `due()` says the current slice has had its
 * time; `next()` lets the page in and starts a new slice.
 */
export function timeSlices(ms = SLICE_MS): { due(): boolean; next(): Promise<void> } {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= ms,
    async next() {
      await yieldToPage();
      start = performance.now();
    },
  };
}

/**
 * Consecutive runs of `items` whose weights add up to at most `max` each
 * (an item heavier than `max` on its own makes a run of one). Never empty
 * runs; no items, no runs.
 */
export function chunkByWeight<T>(items: readonly T[], weight: (t: T) => number, max: number): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let sum = 0;
  for (const it of items) {
    const w = weight(it);
    if (run.length && sum + w > max) {
      out.push(run);
      run = [];
      sum = 0;
    }
    run.push(it);
    sum += w;
  }
  if (run.length) out.push(run);
  return out;
}

/** Number of positions in a geometry's coordinates (what its structured clone costs, roughly). */
export function positionCount(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  let n = 0;
  for (const c of coordinates) n += positionCount(c);
  return n;
}

/**
 * What a feature's structured clone costs, roughly, in positions: its coordinates plus the
 * objects around them. A packed polygon's positions are counted without building them.
 */
export function cloneWeight(geometry: Geometry): number {
  const positions =
    geometry.type === 'Polygon' || geometry.type === 'MultiPolygon'
      ? arealPositionCount(geometry)
      : positionCount((geometry as { coordinates?: unknown }).coordinates);
  return 20 + positions;
}

/** Runs a generator's steps all at once (no pauses); its result. The synchronous twin of `runInSlices`. */
export function runToEnd<R>(steps: Generator<void, R>): R {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * Runs a generator's steps (it yields wherever it may pause), letting the page
 * in first and then whenever a slice has had its time; resolves to its result.
 */
export async function runInSlices<R>(steps: Generator<void, R>): Promise<R> {
  await yieldToPage();
  const slices = timeSlices();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (slices.due()) await slices.next();
  }
}

/**
 * `fn` over `items` after letting the page in, in time slices; results that
 * are `undefined` are left out. `stop()` ends it early (resolving to null),
 * for work a newer change has made pointless.
 */
export async function mapInSlices<T, U>(
  items: readonly T[],
  fn: (item: T, index: number) => U | undefined,
  stop: () => boolean = () => false,
): Promise<U[] | null> {
  await yieldToPage();
  const out: U[] = [];
  const slices = timeSlices();
  for (let i = 0; i < items.length; i++) {
    const u = fn(items[i]!, i);
    if (u !== undefined) out.push(u);
    if (slices.due()) {
      await slices.next();
      if (stop()) return null;
    }
  }
  return stop() ? null : out;
}
