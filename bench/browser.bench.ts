/**
 * Browser benchmarks (issue #7): the built app in headless Chromium, each
 * figure beside a bare MapLibre page doing the same work in the same run.
 * Prints the figures, records them in BENCHMARKS.md and exits 1 when a
 * budget is missed.
 *
 *   npm run bench            (core benchmarks, then these)
 *   npx tsx bench/browser.bench.ts
 *
 * Headless Chromium here draws with SwiftShader on the CPU: the ratios are
 * the figures of record, absolute times are context.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { CHROMIUM, launch } from '../test/browser/chromium';
import { gridGeoJSON } from '../test/fixtures/grid';

const IMPORT_LABEL = '选择要导入的文件（GeoJSON、KML/KMZ、CSV/XLSX、压缩的 Shapefile）';
const DATA_DIR = 'bench/.data';
const RUNS = 5;
/** Imports measured per block count (the median one is the figure); BENCH_IMPORT_RUNS for a quicker look. */
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);

const BUDGETS = {
  startupRatio: 1.3,
  initialJsKB: 450,
  import100kS: 3,
  longTaskMs: 50,
  panRatio10k: 0.5,
  readoutMs: 4,
  reopen100kS: 5,
  ringS: 10,
};

// ---------------------------------------------------------------- set-up

function build() {
  // BENCH_NOBUILD=1 reuses dist/ (for repeated diagnostic runs).
  if (process.env.BENCH_NOBUILD && existsSync('dist/index.html')) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** n square blocks (≈150 m) on a grid over central Beijing, as a GeoJSON file; its path. */
function blocksFile(n: number): string {
  const path = join(DATA_DIR, `blocks-${n}.geojson`);
  if (existsSync(path)) return path;
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(path, gridGeoJSON(n));
  return path;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.pbf': 'application/x-protobuf',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The built app at /, the reference page at /bench/, MapLibre's own files at /maplibre/, generated data at /data/. */
function serve(): Promise<{ server: Server; base: string }> {
  const roots: [string, string][] = [
    ['/bench/', 'bench/pages/'],
    ['/maplibre/', 'node_modules/maplibre-gl/dist/'],
    ['/data/', `${DATA_DIR}/`],
    ['/', 'dist/'],
  ];
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, dir] = roots.find(([p]) => url.startsWith(p))!;
    let file = normalize(join(dir, url.slice(prefix.length)));
    if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, base: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` });
    }),
  );
}

/** A long animation frame (PerformanceLongAnimationFrameTiming; not yet in TypeScript's DOM types). */
interface LoafEntry {
  startTime: number;
  duration: number;
  /** When the frame's rendering (animation-frame callbacks, style, layout, paint) began; 0 if none. */
  renderStart: number;
  scripts: {
    invoker: string;
    startTime: number;
    duration: number;
    sourceURL: string;
    sourceCharPosition: number;
  }[];
}

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  // tsx keeps function names with a `__name` helper that page.evaluate's copies of our functions call.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  // Long tasks on the main thread, from the first moment.
  await context.addInitScript(() => {
    const w = window as unknown as { __longtasks: [number, number][] };
    w.__longtasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  // Long animation frames (BENCH_LOAF only: observing them costs the page a little on every
  // script it runs, and would weigh on the figures): each long stretch with the rendering that
  // ends it, and its scripts.
  if (process.env.BENCH_LOAF)
    await context.addInitScript(() => {
      const v = window as unknown as { __loafs: unknown[] };
      v.__loafs = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as unknown as LoafEntry[])
          v.__loafs.push({
            startTime: e.startTime,
            duration: e.duration,
            renderStart: e.renderStart,
            scripts: e.scripts.map((x) => ({
              invoker: x.invoker,
              startTime: x.startTime,
              duration: x.duration,
              sourceURL: x.sourceURL,
              sourceCharPosition: x.sourceCharPosition,
            })),
          });
      }).observe({ type: 'long-animation-frame', buffered: true });
    });
  return { context, page: await context.newPage() };
}

async function waitIdle(page: Page, hook: '__parkplan' | '__ref', after = 0) {
  await page.waitForFunction(
    ([h, n]) => {
      const x = (window as unknown as Record<string, { map: { loaded(): boolean }; idleCount: number }>)[h];
      return !!x && x.idleCount > n && x.map.loaded();
    },
    [hook, after] as const,
    { timeout: 120_000, polling: 50 },
  );
}

const marks = (page: Page) =>
  page.evaluate(() => {
    const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    return { create: at('parkplan:map-create'), idle: at('parkplan:map-idle') };
  });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

// ---------------------------------------------------------------- figures

interface Row {
  figure: string;
  value: string;
  budget: string;
  ok: boolean | null;
  context: string;
}
const rows: Row[] = [];
const row = (r: Row) => {
  rows.push(r);
  console.log(
    `${r.ok === false ? '✗' : r.ok ? '✓' : '·'} ${r.figure}: ${r.value} (budget ${r.budget}) — ${r.context}`,
  );
};

/** Create → first idle, app vs bare MapLibre with the same GeoJSON; and the JS the app loaded meanwhile. */
async function startup(browser: Browser, base: string) {
  const app: number[] = [];
  const appNav: number[] = [];
  const ref: number[] = [];
  let geo: string[] = [];
  let scripts: string[] = [];
  let view = '';
  // Round -1 is not measured: the first page of a fresh browser also starts its GPU process and fills
  // its shader and font caches, which the pages after it, of either kind, then find warm.
  for (let i = -1; i < RUNS; i++) {
    {
      const { context, page } = await freshPage(browser);
      const requested: string[] = [];
      context.on('request', (r) => requested.push(r.url()));
      await page.goto(base);
      await waitIdle(page, '__parkplan');
      const m = await marks(page);
      if (i >= 0) {
        app.push(m.idle - m.create);
        appNav.push(m.idle);
      }
      if (i === -1) {
        geo = requested.filter((u) => /\/geo\/[^?]+\.geojson$/.test(u)).map((u) => new URL(u).pathname);
        scripts = [...new Set(requested.filter((u) => /\.m?js$/.test(new URL(u).pathname)))];
        view = await page.evaluate(() => {
          const map = window.__parkplan!.map;
          const c = map.getCenter();
          return `${c.lng},${c.lat},${map.getZoom()}`;
        });
      }
      await context.close();
    }
    {
      const { context, page } = await freshPage(browser);
      await page.goto(`${base}bench/reference.html?data=${geo.join(',')}&view=${view}`);
      await waitIdle(page, '__ref');
      const m = await marks(page);
      if (i >= 0) ref.push(m.idle - m.create);
      await context.close();
    }
  }
  const ratio = median(app) / median(ref);
  row({
    figure: 'start-up: map created → first idle, embedded layers',
    value: `${f2(ratio)}× bare MapLibre`,
    budget: `≤ ${BUDGETS.startupRatio}×`,
    ok: ratio <= BUDGETS.startupRatio,
    // Each run's own ratio too (ParkPlan's page, then the bare one): the spread shows how near the budget a run can land.
    context: `ParkPlan ${f1(median(app))} ms, bare MapLibre ${f1(median(ref))} ms with the same ${geo.length} GeoJSON files (median of ${RUNS} after one round unmeasured; run by run ${app.map((a, k) => `${f2(a / ref[k]!)}×`).join(', ')}); ParkPlan page opened → idle ${f1(median(appNav))} ms`,
  });

  // Initial JavaScript: every script the page and its workers fetched before the map first went idle.
  const sizes = scripts.map((u) => {
    const body = readFileSync(join('dist', new URL(u).pathname));
    return { name: new URL(u).pathname.replace(/^\/assets\//, ''), gz: gzipSync(body, { level: 9 }).length };
  });
  const total = sizes.reduce((a, b) => a + b.gz, 0) / 1024;
  // For context: MapLibre as published, two standalone bundles that each carry the code both threads use.
  const published = (file: string) =>
    gzipSync(readFileSync(`node_modules/maplibre-gl/dist/${file}`), { level: 9 }).length / 1024;
  const mlMain = published('maplibre-gl.mjs');
  const mlWorker = published('maplibre-gl-worker.mjs');
  row({
    figure: 'initial JavaScript (gzip -9), MapLibre worker included',
    value: `${f1(total)} KB`,
    budget: `≤ ${BUDGETS.initialJsKB} KB`,
    ok: total <= BUDGETS.initialJsKB,
    context: `${sizes.map((s) => `${s.name} ${f1(s.gz / 1024)} KB`).join(', ')}. MapLibre is built from its sources with its worker in the same build, so both threads share one chunk (vite-plugins/maplibre-from-source.ts); as published, its two bundles alone weigh ${f1(mlMain + mlWorker)} KB (library ${f1(mlMain)} KB, worker ${f1(mlWorker)} KB)`,
  });
  return { view };
}

/** Imports n blocks through the file picker; the time to the "imported" message and the longest main-thread task meanwhile. */
async function importBlocks(page: Page, n: number, traced: boolean) {
  const file = blocksFile(n);
  const name = file.split('/').pop()!;
  // Into a page at rest: start-up's own idle-time work (warm-up.ts) is done, as it is long before a planner imports.
  await page.waitForFunction(() => window.__parkplan?.warmedUp === true);
  const t0 = await page.evaluate(() => performance.now());
  const done = page.evaluate(
    (text) =>
      new Promise<number>((resolve) => {
        const check = () =>
          [...document.querySelectorAll('[role=status]')].some((e) => e.textContent?.includes(text));
        if (check()) return resolve(performance.now());
        const mo = new MutationObserver(() => {
          if (check()) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    `已从 ${name} 导入`,
  );
  // The trace costs the import some time (≈ 10 % here), so traced imports give the tasks and untraced ones the time.
  // BENCH_TASKS=1 traces more (the timeline and the collector) and prints what the longest tasks ran.
  const detail = !!process.env.BENCH_TASKS;
  const stopTasks = traced
    ? await trace(
        page,
        detail
          ? (process.env.BENCH_TASKS_CATS ?? 'toplevel,devtools.timeline,disabled-by-default-v8.gc')
          : 'toplevel',
      )
    : async () => [];
  await page.getByLabel(IMPORT_LABEL).setInputFiles(file);
  const stopProfile = await profile(page);
  const t1 = await done;
  // Then the map and storage catch up: until it is saved and the map is idle again.
  await page.getByRole('status').filter({ hasText: '已保存到本机' }).waitFor({ timeout: 600_000 });
  const idle = await page.evaluate(() => window.__parkplan!.idleCount);
  await waitIdle(page, '__parkplan', idle - 1);
  const t2 = await page.evaluate(() => performance.now());
  await stopProfile();
  const traceEvents = await stopTasks();
  const runs = mainThreadTasks(traceEvents);
  if (detail && traced) printLongestTasks(traceEvents);
  const tasks = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __longtasks: [number, number][] }).__longtasks.filter(
        ([s, d]) => s + d >= a && s <= b,
      ),
    [t0, t2] as const,
  );
  const longestWall = Math.max(0, ...tasks.map(([, d]) => d));
  if (process.env.BENCH_LOAF) await printFrames(page, t0, process.env.BENCH_LOAF === 'import' ? t1 : t2);
  return {
    seconds: (t1 - t0) / 1000,
    settled: (t2 - t0) / 1000,
    /** The figure of record: the longest task's thread time (see the import row). */
    longest: Math.max(0, ...runs.map((r) => r.thread)),
    longestWall,
    tasks: tasks.length,
    tasksThread: runs.filter((r) => r.thread > BUDGETS.longTaskMs).length,
  };
}

/**
 * The renderer main thread's tasks in a trace with the `toplevel` category: each task's wall
 * time and its thread time (what the thread actually ran). Of the renderer main threads the
 * trace saw, the busiest is the page's.
 */
function mainThreadTasks(events: TraceEvent[]): { wall: number; thread: number }[] {
  return pageMainTasks(events).map((t) => ({ wall: t.dur / 1000, thread: (t.tdur ?? t.dur) / 1000 }));
}

/** The page's main-thread tasks: of the renderer main threads in the trace, the busiest. */
function pageMainTasks(events: TraceEvent[]): TraceEvent[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => e.tid),
  );
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(e.tid),
  );
  const busy = new Map<number, number>();
  for (const t of tasks) busy.set(t.tid, (busy.get(t.tid) ?? 0) + (t.tdur ?? t.dur));
  const tid = [...busy].sort((x, y) => y[1] - x[1])[0]?.[0];
  return tasks.filter((t) => t.tid === tid);
}

/** The Mojo interface a "Receive mojo …" event was for (IndexedDB, DevTools…), where the trace says. */
function mojoTag(e: TraceEvent): string {
  const tag = e.args?.chrome_mojo_event_info?.mojo_interface_tag;
  return tag ? ` [${tag}]` : '';
}

/**
 * BENCH_TASKS: the three longest main-thread tasks by thread time, with what ran inside them for
 * over 2 ms (BENCH_TASKS_MIN_US to change; BENCH_TASKS_CATS for other trace categories).
 */
function printLongestTasks(events: TraceEvent[]) {
  const all = pageMainTasks(events);
  const start = Math.min(...all.map((t) => t.ts));
  // When, after the trace began, each task over 30 ms thread time ran: the import, the save or the assessment.
  console.log(
    `  tasks over 30 ms (s after start: thread ms): ${all
      .filter((t) => (t.tdur ?? 0) > 30_000)
      .map((t) => `${f1((t.ts - start) / 1e6)}: ${f1((t.tdur ?? 0) / 1000)}`)
      .join(', ')}`,
  );
  const tasks = all
    .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
    .slice(0, Number(process.env.BENCH_TASKS_TOP ?? 3));
  for (const t of tasks) {
    const inner = events.filter(
      (e) =>
        e !== t &&
        e.ph === 'X' &&
        e.tid === t.tid &&
        e.ts >= t.ts &&
        e.ts + e.dur <= t.ts + t.dur &&
        e.dur > Number(process.env.BENCH_TASKS_MIN_US ?? 2000),
    );
    console.log(
      `  task ${f1((t.tdur ?? 0) / 1000)} ms thread, ${f1(t.dur / 1000)} ms wall: ${inner
        .map(
          (e) =>
            `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${mojoTag(e)} +${f1(e.dur / 1000)} (${f1((e.tdur ?? e.dur) / 1000)})`,
        )
        .join(' | ')}`,
    );
  }
}

/** Frame time while panning: each frame forced (redraw + pixel read-back, so the GPU work is counted). */
function panFrames(hook: '__parkplan' | '__ref', view: [number, number, number]) {
  return async (page: Page) =>
    page.evaluate(
      async ([h, [lon, lat, zoom]]) => {
        const map = (
          window as unknown as Record<
            string,
            {
              map: {
                jumpTo(o: object): void;
                redraw(): void;
                getCanvas(): HTMLCanvasElement;
                once(e: string, f: () => void): void;
              };
            }
          >
        )[h]!.map;
        map.jumpTo({ center: [lon, lat], zoom });
        await new Promise<void>((r) => map.once('idle', r));
        const canvas = map.getCanvas();
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        const px = new Uint8Array(4);
        const times: number[] = [];
        for (let i = 0; i < 60; i++) {
          // A few pixels a frame, to and fro, staying over the same tiles.
          const d = ((i % 20) - 10) * 0.0004;
          map.jumpTo({ center: [lon + d, lat + d / 2], zoom });
          const t = performance.now();
          map.redraw();
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
          times.push(performance.now() - t);
        }
        return times;
      },
      [hook, view] as const,
    );
}

/** Shows or hides style layers (those the page has) for the next frames. */
async function setVisible(page: Page, hook: '__parkplan' | '__ref', ids: readonly string[], on: boolean) {
  await page.evaluate(
    ([h, list, show]) => {
      const map = (
        window as unknown as Record<
          string,
          {
            map: { getLayer(id: string): unknown; setLayoutProperty(id: string, k: string, v: string): void };
          }
        >
      )[h]!.map;
      for (const id of list)
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', show ? 'visible' : 'none');
    },
    [hook, ids, on] as const,
  );
}

/** The app's layers drawn from the planner's blocks (fills, outlines, names, retained parts). */
const APP_BLOCK_LAYERS = [
  'blocks-fill',
  'blocks-fragile',
  'blocks-selected-fill',
  'blocks-selected-line',
  'blocks-label',
  'retained-fill',
  'retained-line',
  'retained-suggested-line',
];

async function refPage(browser: Browser, base: string, file: string, view: [number, number, number]) {
  const { context, page } = await freshPage(browser);
  await page.goto(`${base}bench/reference.html?data=/data/${file.split('/').pop()}&view=${view.join(',')}`);
  await waitIdle(page, '__ref');
  return { context, page };
}

const maps = new Map<string, SourceMapConsumer | null>();
/**
 * Where a place in a built script (0-based line and column) comes from, through the build's source
 * map and, with `all`, a library's own (MapLibre's); null for places outside ParkPlan's source
 * unless `all`.
 */
const where = (url: string, line: number, col: number, all = false) => {
  const file = url.split('/').pop() ?? '';
  if (!maps.has(file)) {
    const m = join('dist/assets', `${file}.map`);
    maps.set(file, existsSync(m) ? new SourceMapConsumer(JSON.parse(readFileSync(m, 'utf8'))) : null);
  }
  let o = maps.get(file)?.originalPositionFor({ line: line + 1, column: col });
  // A library published minified with its own source map (MapLibre): follow that one too.
  const lib = o?.source?.replace(/^(\.\.\/)+/, '');
  if (all && lib?.startsWith('node_modules/') && o?.line) {
    if (!maps.has(lib)) {
      const m = `${lib}.map`;
      maps.set(lib, existsSync(m) ? new SourceMapConsumer(JSON.parse(readFileSync(m, 'utf8'))) : null);
    }
    const inner = maps.get(lib)?.originalPositionFor({ line: o.line, column: o.column ?? 0 });
    if (inner?.source)
      o = {
        ...inner,
        source: `${lib.split('/').slice(0, 2).join('/')}/${inner.source.replace(/^(\.\.\/)+/, '')}`,
      };
  }
  return o?.source && (all || !o.source.includes('node_modules'))
    ? `${o.source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '')}:${o.line}${all ? ` ${o.name ?? ''}` : ''}`
    : null;
};

const scripts = new Map<string, string | null>();
/** Line and column (0-based) of a character offset in a built script, for `where`. */
function lineColumn(url: string, offset: number): [number, number] {
  const file = join('dist/assets', url.split('/').pop() ?? '');
  // Read once per script, like its source map: a frame lists many scripts from the same chunk.
  if (!scripts.has(file)) scripts.set(file, existsSync(file) ? readFileSync(file, 'utf8') : null);
  const text = scripts.get(file);
  if (text == null) return [0, offset];
  const before = text.slice(0, offset).split('\n');
  return [before.length - 1, before.at(-1)!.length];
}

/**
 * With BENCH_LOAF=1, the longest animation frames between page times a and b: for each, the
 * time before its rendering began (tasks and their scripts) and the rendering itself (animation
 * frame callbacks such as MapLibre's painting, style, layout), with every script over 5 ms by
 * where it comes from. Scripts are the functions the browser called; what they called is in
 * the profile (BENCH_PROFILE).
 */
async function printFrames(page: Page, a: number, b: number) {
  const frames = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __loafs: LoafEntry[] }).__loafs.filter(
        (e) => e.startTime + e.duration >= a && e.startTime <= b,
      ),
    [a, b] as const,
  );
  for (const e of frames
    .sort((x, y) => y.duration - x.duration)
    .slice(0, Number(process.env.BENCH_SPANS ?? 5))) {
    const before = e.renderStart ? e.renderStart - e.startTime : e.duration;
    console.log(
      `frame at ${f1(e.startTime - a)} ms, ${f1(e.duration)} ms: ${f1(before)} before rendering, ${f1(e.duration - before)} rendering`,
    );
    for (const x of e.scripts.filter((x) => x.duration > 5)) {
      const [line, col] = lineColumn(x.sourceURL, x.sourceCharPosition);
      const from = x.sourceURL ? (where(x.sourceURL, line, col, true) ?? x.sourceURL.split('/').pop()) : '';
      console.log(
        `  @${f1(x.startTime - e.startTime).padStart(6)} ${f1(x.duration).padStart(6)} ms  ${x.invoker} ${from}`,
      );
    }
  }
}

/**
 * With BENCH_PROFILE=1, a CPU profile of the main thread over the measured
 * stretch; prints the functions with the most self time (for finding why a
 * figure is what it is).
 */
async function profile(page: Page): Promise<(spans?: [number, number][]) => Promise<void>> {
  if (!process.env.BENCH_PROFILE) return async () => undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  // A named busy spell, to align the profile's clock with the page's (for the long tasks below).
  const syncAt = await page.evaluate(() => {
    const t = performance.now();
    function benchSync() {
      const end = performance.now() + 15;
      while (performance.now() < end);
    }
    benchSync();
    return t;
  });
  /** `spans`: the stretches [start, duration] (page clock) to break down; the longest tasks by default. */
  return async (spans?: [number, number][]) => {
    const { profile: p } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = new Map<number, number>();
    p.samples?.forEach((id, k) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas?.[k] ?? 0)));
    for (const n of p.nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`profile: ${f1(total / 1000)} ms sampled; self time`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${f1(v / 1000).padStart(8)} ms  ${k}`);
    // Inclusive time of ParkPlan's own functions (source-mapped): which entry points the time goes through.
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const inclusive = new Map<number, number>();
    const visit = (id: number): number => {
      const n = byId.get(id)!;
      const t = (dt.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + visit(c), 0);
      inclusive.set(id, t);
      return t;
    };
    visit(p.nodes[0]!.id);
    const own = new Map<string, number>();
    for (const n of p.nodes) {
      const w = where(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber);
      if (w) own.set(w, (own.get(w) ?? 0) + inclusive.get(n.id)!);
    }
    console.log('inclusive time, ParkPlan source:');
    for (const [k, v] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`  ${f1(v / 1000).padStart(8)} ms  ${k}`);

    // The longest main-thread tasks, each with the functions its time went through.
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const at: number[] = [];
    let clock = p.startTime;
    for (const d of p.timeDeltas ?? []) at.push((clock += d));
    const syncNode = p.nodes.find((n) => n.callFrame.functionName.includes('benchSync'));
    const k0 = p.samples?.findIndex((id) => id === syncNode?.id) ?? -1;
    if (k0 < 0) return void console.log('profile: the alignment spell was not sampled');
    const toPage = (us: number) => (us - at[k0]!) / 1000 + syncAt;
    const tasks = (
      spans ??
      (await page.evaluate(() => (window as unknown as { __longtasks: [number, number][] }).__longtasks))
    )
      .filter(([t]) => t >= syncAt)
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.BENCH_SPANS ?? 3));
    for (const [start, dur] of tasks) {
      const inTask = new Map<string, number>();
      p.samples?.forEach((id, k) => {
        const t = toPage(at[k]!);
        if (t < start || t > start + dur) return;
        const seen = new Set<string>();
        {
          const f = byId.get(id)!.callFrame;
          const key = `self ${where(f.url, f.lineNumber, f.columnNumber, true) ?? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}`}`;
          inTask.set(key, (inTask.get(key) ?? 0) + (p.timeDeltas?.[k] ?? 0));
        }
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
          const f = byId.get(n)!.callFrame;
          const key =
            where(f.url, f.lineNumber, f.columnNumber, true) ??
            `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}`;
          if (!seen.has(key)) inTask.set(key, (inTask.get(key) ?? 0) + (p.timeDeltas?.[k] ?? 0));
          seen.add(key);
        }
      });
      console.log(`${spans ? 'span' : 'long task'} at ${f1(start)} ms, ${f1(dur)} ms:`);
      for (const [k, v] of [...inTask].sort((a, b) => b[1] - a[1]).slice(0, 60))
        console.log(`  ${f1(v / 1000).padStart(8)} ms  ${k}`);
    }
  };
}

/** A complete ('X') event of a Chrome trace. */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur: number;
  /** Thread time: what the thread actually ran; less than `dur` when the system ran something else. */
  tdur?: number;
  tid: number;
  args?: {
    name?: string;
    data?: { type?: string; functionName?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

/**
 * A Chrome trace of the measured stretch. Always the timeline's events, which carry each
 * event's thread time beside its wall time (see moveTimes). With BENCH_TRACE=1 also V8's
 * compiler and collector, and it prints, for the slowest pointer events, what ran inside
 * them: the app's listeners and V8's own work (compiling, installing optimised code,
 * collecting garbage). Those categories slow the page: for finding causes, not for the record.
 */
async function trace(page: Page, categories = 'devtools.timeline'): Promise<() => Promise<TraceEvent[]>> {
  // The verbose trace is for the readout's pointer moves (the default categories).
  const verbose = !!process.env.BENCH_TRACE && categories === 'devtools.timeline';
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    categories: verbose
      ? 'devtools.timeline,v8,v8.execute,disabled-by-default-v8.gc,disabled-by-default-v8.compile,disabled-by-default-v8.runtime'
      : categories,
    transferMode: 'ReportEvents',
  });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    if (!verbose) return events;
    const isMove = (e: TraceEvent) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove';
    const tid = events.find(isMove)?.tid;
    const main = events.filter((e) => e.tid === tid && e.ph === 'X');
    const moves = main.filter(isMove).sort((a, b) => b.dur - a.dur);
    console.log(`trace: pointermove dispatch, ms: ${moves.map((e) => f1(e.dur / 1000)).join(' ')}`);
    const ran = [...moves].sort((a, b) => (b.tdur ?? b.dur) - (a.tdur ?? a.dur));
    console.log(
      `trace: the same, thread time, ms: ${ran.map((e) => f1((e.tdur ?? e.dur) / 1000)).join(' ')}`,
    );
    for (const m of moves.slice(0, Number(process.env.BENCH_SPANS ?? 8))) {
      const inner = main.filter(
        (e) => e !== m && e.ts >= m.ts && e.ts + e.dur <= m.ts + m.dur && e.dur > 150,
      );
      const what = inner.map(
        (e) =>
          `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} @${f1((e.ts - m.ts) / 1000)} +${f1(e.dur / 1000)}`,
      );
      console.log(
        `  ${f1(m.dur / 1000)} ms (thread ran ${f1((m.tdur ?? m.dur) / 1000)}): ${what.join(' | ')}`,
      );
    }
    return events;
  };
}

/**
 * Per pointer move, from the trace: the main thread's time in the pointer event and the mouse
 * event that follows it (`tdur`, what the thread actually ran), and the wall time from the
 * first to the end of the second.
 */
function moveTimes(events: TraceEvent[]): { thread: number; wall: number }[] {
  const type = (e: TraceEvent) =>
    e.name === 'EventDispatch' && e.ph === 'X' ? e.args?.data?.type : undefined;
  const tid = events.find((e) => type(e) === 'pointermove')?.tid;
  const dispatches = events
    .filter((e) => e.tid === tid && (type(e) === 'pointermove' || type(e) === 'mousemove'))
    .sort((a, b) => a.ts - b.ts);
  const out: { thread: number; wall: number }[] = [];
  for (let i = 0; i + 1 < dispatches.length; i++) {
    const pm = dispatches[i]!;
    const mm = dispatches[i + 1]!;
    if (type(pm) !== 'pointermove' || type(mm) !== 'mousemove') continue;
    out.push({
      thread: ((pm.tdur ?? pm.dur) + (mm.tdur ?? mm.dur)) / 1000,
      wall: (mm.ts + mm.dur - pm.ts) / 1000,
    });
    i++;
  }
  return out;
}

/** The i-th of 80 points on a 60 × 40 px ellipse around (cx, cy). */
const moveOnEllipse = (page: Page, cx: number, cy: number, i: number) => {
  const a = (i / 80) * 2 * Math.PI;
  return page.mouse.move(cx + 30 * Math.cos(a), cy + 20 * Math.sin(a));
};

/**
 * Per pointer move: everything the page does synchronously for it, from the first listener
 * of the pointer event to the last of the mouse event that follows it. 80 moves on a small
 * ellipse around (cx, cy).
 */
async function pointerMoves(page: Page, cx: number, cy: number) {
  // BENCH_WARMUP=n makes n unmeasured moves first (to tell warm-up from steady state; not for the record).
  const warm = Number(process.env.BENCH_WARMUP ?? 0);
  for (let i = 0; i < warm; i++) await moveOnEllipse(page, cx, cy, i);
  await page.evaluate(() => {
    const w = window as unknown as { __moves: [number, number][] };
    w.__moves = [];
    let t0 = 0;
    window.addEventListener('pointermove', () => (t0 = performance.now()), { capture: true });
    window.addEventListener('mousemove', () => w.__moves.push([t0, performance.now() - t0]));
  });
  const stopProfile = await profile(page);
  const stopTrace = await trace(page);
  for (let i = 0; i < 80; i++) await moveOnEllipse(page, cx, cy, i);
  const traced = moveTimes(await stopTrace());
  const spans = await page.evaluate(() => (window as unknown as { __moves: [number, number][] }).__moves);
  // The slowest moves are what the p95 is made of.
  await stopProfile([...spans].sort((a, b) => b[1] - a[1]).slice(0, 16));
  return { wall: spans.map(([, d]) => d), thread: traced.map((m) => m.thread) };
}

/** Pointer moves while drawing a polygon, the live readout on (snapping too). */
async function readoutLatency(page: Page) {
  await page.getByRole('button', { name: '绘制多边形' }).click();
  // The drawing engine loads on first use (hovering the button fetches it).
  await page.waitForFunction(() => !!window.__parkplan?.draw);
  const box = (await page.getByRole('region', { name: '园区规划一张图' }).boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [
    [-60, -40],
    [60, -40],
    [60, 40],
  ])
    await page.mouse.click(cx + dx!, cy + dy!);
  const moves = await pointerMoves(page, cx - 60, cy + 40);
  const readout = await page.getByRole('status', { name: '绘制读数' }).count();
  await page.keyboard.press('Escape');
  return { moves, readoutShown: readout > 0 };
}

/**
 * The page opened again on what it saved: from navigation to a usable table and map (every block
 * in the table, the map's block source holding them all, the feed caught up and the map idle).
 */
async function reopen(page: Page, n: number) {
  await page.reload();
  // Polled from here (each look is async: the source's data is read from its worker).
  const deadline = Date.now() + 120_000;
  let ms: number | false = false;

  while (ms === false && Date.now() < deadline) {
    ms = await page.evaluate(async (count) => {
      const table = document.querySelector('table[aria-label="候选区块列表"]');
      if (Number(table?.getAttribute('aria-rowcount') ?? 0) - 1 !== count) return false;
      (window as unknown as { __tableAt?: number }).__tableAt ??= performance.now();
      const feeding = [...document.querySelectorAll('[role=status]')].some((e) =>
        e.textContent?.startsWith('地图正在绘制区块'),
      );
      const h = window.__parkplan;
      if (feeding || !h || !h.map.loaded() || !h.map.areTilesLoaded()) return false;
      const src = h.map.getSource('blocks') as import('maplibre-gl').GeoJSONSource | undefined;
      const data = (await src?.getData()) as GeoJSON.FeatureCollection | undefined;
      return data?.features.length === count ? performance.now() : false;
    }, n);
    if (ms === false) await new Promise((r) => setTimeout(r, 50));
  }
  if (ms === false) throw new Error(`reopen: ${n} blocks not back in 120 s`);
  const tableMs = await page.evaluate(() => (window as unknown as { __tableAt?: number }).__tableAt ?? null);
  const alerts = await page.getByRole('alert').count();
  return { seconds: ms / 1000, tableSeconds: (tableMs ?? ms) / 1000, alerts };
}

/** A file of one block of a million vertices (a densified survey boundary); its path. */
function ringFile(): string {
  const path = join(DATA_DIR, 'ring-1000000.geojson');
  if (existsSync(path)) return path;
  mkdirSync(DATA_DIR, { recursive: true });
  const n = 1_000_000;
  const ring: number[][] = [];
  for (let i = 0; i < n; i++)
    ring.push([
      116.4 + 0.01 * Math.cos((2 * Math.PI * i) / n),
      39.9 + 0.01 * Math.sin((2 * Math.PI * i) / n),
    ]);
  ring.push(ring[0]!);
  writeFileSync(
    path,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '百万顶点' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    }),
  );
  return path;
}

/** The ring imported in the app: file picker → its row shows its area and verdict, and the longest main-thread task meanwhile. */
async function importRing(page: Page) {
  const file = ringFile();
  await page.waitForFunction(() => window.__parkplan?.warmedUp === true);
  const stopTasks = await trace(page, 'toplevel');
  const t0 = await page.evaluate(() => performance.now());
  await page.getByLabel(IMPORT_LABEL).setInputFiles(file);
  const row = page.getByRole('row', { name: /百万顶点/ });
  await row.waitFor({ timeout: 120_000 });
  // Measured once its area is in the row (the report has come back from the worker).
  await page.waitForFunction(
    () => {
      const r = [...document.querySelectorAll('tr')].find((x) => x.textContent?.includes('百万顶点'));
      return !!r && /\d\.\d{3}/.test(r.textContent ?? '');
    },
    null,
    { timeout: 120_000, polling: 50 },
  );
  const t1 = await page.evaluate(() => performance.now());
  // Then storage and the map catch up.
  await page.getByRole('status').filter({ hasText: '已保存到本机' }).waitFor({ timeout: 120_000 });
  const runs = mainThreadTasks(await stopTasks());
  const tasks = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __longtasks: [number, number][] }).__longtasks.filter(
        ([s, d]) => s + d >= a && s <= b,
      ),
    [t0, t1] as const,
  );
  return {
    seconds: (t1 - t0) / 1000,
    longest: Math.max(0, ...runs.map((r) => r.thread)),
    longestWall: Math.max(0, ...tasks.map(([, d]) => d)),
    tasks: tasks.length,
  };
}

// ---------------------------------------------------------------- run

/** `npx tsx bench/browser.bench.ts readout pan` runs only those figures (and does not touch BENCHMARKS.md). */
const only = new Set(process.argv.slice(2));
const want = (f: 'startup' | 'import' | 'pan' | 'readout' | 'reopen' | 'ring') =>
  only.size === 0 || only.has(f);

async function main() {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  build();
  for (const n of [10_000, 50_000, 100_000]) blocksFile(n);
  const { server, base } = await serve();
  const browser = await launch();
  const failures: string[] = [];
  try {
    if (want('startup')) await startup(browser, base);
    if (want('ring')) {
      const { context, page } = await freshPage(browser);
      await page.goto(base);
      await waitIdle(page, '__parkplan');
      const r = await importRing(page);
      await context.close();
      row({
        figure: 'import a 1,000,000-vertex ring (file picker → its area and verdict in the table)',
        value: `${f2(r.seconds)} s; longest main-thread task ${f1(r.longest)} ms (thread time)`,
        budget: `≤ ${BUDGETS.ringS} s, the page responsive (≤ ${BUDGETS.longTaskMs} ms tasks)`,
        ok: r.seconds <= BUDGETS.ringS && r.longest <= BUDGETS.longTaskMs,
        context: `one traced import into a fresh page at rest, until saved; longest task by wall time ${f1(r.longestWall)} ms, ${r.tasks} task(s) over 50 ms by the Long Tasks API (wall time adds, on this 2-core machine, waits for a core taken by the workers and SwiftShader)`,
      });
    }

    const blocksView: [number, number, number] = [116.4, 39.95, 11];
    // BENCH_SIZES=10000 limits the block counts (for quick runs; BENCHMARKS.md is then not written).
    const sizes = process.env.BENCH_SIZES?.split(',').map(Number) ?? [10_000, 50_000, 100_000];
    for (const n of sizes) {
      if (n === 100_000 && !want('import') && !want('reopen')) continue;
      if (n === 50_000 && !want('import') && !want('pan')) continue;
      if (n === 10_000 && !want('import') && !want('pan') && !want('readout')) continue;
      const { context, page } = await freshPage(browser);
      await page.goto(base);
      await waitIdle(page, '__parkplan');
      const measured = n !== 50_000 && want('import');
      // The longest task is a maximum, so one stall of this machine decides it: the import is
      // measured IMPORT_RUNS times (each in a fresh page), and the median run is the figure.
      // Each is made IMPORT_RUNS times untraced (for the time, and the tasks' wall time) and as many
      // times traced (for the tasks' thread time); the last, untraced, into the page measured next.
      const runs: Awaited<ReturnType<typeof importBlocks>>[] = [];
      const tracedRuns: Awaited<ReturnType<typeof importBlocks>>[] = [];
      for (let k = 1; measured && k < 2 * IMPORT_RUNS; k++) {
        const other = await freshPage(browser);
        await other.page.goto(base);
        await waitIdle(other.page, '__parkplan');
        const traced = k % 2 === 1;
        (traced ? tracedRuns : runs).push(await importBlocks(other.page, n, traced));
        await other.context.close();
      }
      runs.push(await importBlocks(page, n, false));
      if (measured) {
        const seconds = median(runs.map((r) => r.seconds));
        const longest = median(tracedRuns.map((r) => r.longest));
        row({
          figure: `import ${n.toLocaleString('en')} blocks (GeoJSON, file picker → “imported”)`,
          value: `${f2(seconds)} s; longest main-thread task ${f1(longest)} ms (thread time)`,
          budget:
            n === 100_000
              ? `≤ ${BUDGETS.import100kS} s; ≤ ${BUDGETS.longTaskMs} ms`
              : `— ; ≤ ${BUDGETS.longTaskMs} ms`,
          ok: (n !== 100_000 || seconds <= BUDGETS.import100kS) && longest <= BUDGETS.longTaskMs,
          context: `medians of ${runs.length} imports and of ${tracedRuns.length} traced ones, each into a fresh page at rest, until saved and the map idle again. A task's thread time is what the main thread ran (from the trace); its wall time (Long Tasks API) adds the time the thread waited for one of this machine's two cores, taken by the two workers, V8's background compiler and SwiftShader's rasteriser: longest task by wall time ${f1(median(runs.map((r) => r.longestWall)))} ms (median of the untraced imports). Untraced: ${runs
            .map(
              (r) =>
                `${f2(r.seconds)} s, longest task ${f1(r.longestWall)} ms wall (${r.tasks} over 50 ms), settled after ${f2(r.settled)} s`,
            )
            .join('; ')}. Traced: ${tracedRuns
            .map(
              (r) =>
                `${f2(r.seconds)} s, longest task ${f1(r.longest)} ms thread time (${r.tasksThread} over 50 ms), ${f1(r.longestWall)} ms wall`,
            )
            .join('; ')}`,
        });
      }
      if (n === 100_000 && want('reopen')) {
        const times: number[] = [];
        const tableTimes: number[] = [];
        let alerts = 0;
        for (let k = 0; k < 3; k++) {
          const r = await reopen(page, n);
          times.push(r.seconds);
          tableTimes.push(r.tableSeconds);
          alerts += r.alerts;
        }
        const seconds = median(times);
        row({
          figure: `reopen ${n.toLocaleString('en')} saved blocks (reload → usable table and map)`,
          value: `${f2(seconds)} s`,
          budget: `≤ ${BUDGETS.reopen100kS} s`,
          ok: seconds <= BUDGETS.reopen100kS && alerts === 0,
          context: `median of ${times.length} reloads of the page that imported and saved them: ${times.map(f2).join(', ')} s, from navigation until the table lists every block, the map's block source holds them all, the feed has caught up and the map is idle; the table alone lists every block after ${tableTimes.map(f2).join(', ')} s (the map draws the blocks in pieces after it)${alerts ? `; ${alerts} alert(s) shown` : ''}`,
        });
      }
      if (n !== 100_000 && want('pan')) {
        // What the blocks add to a frame: each page with and without its block layers, same view, same run.
        const pan = panFrames('__parkplan', blocksView);
        // BENCH_HIDE=layer,… hides those app layers throughout (for finding what a frame is made of).
        const hidden = process.env.BENCH_HIDE?.split(',').filter(Boolean) ?? [];
        if (hidden.length) await setVisible(page, '__parkplan', hidden, false);
        const app = await pan(page);
        await setVisible(page, '__parkplan', APP_BLOCK_LAYERS, false);
        const appWithout = await pan(page);
        await setVisible(
          page,
          '__parkplan',
          APP_BLOCK_LAYERS.filter((l) => !hidden.includes(l)),
          true,
        );
        const ref = await refPage(browser, base, blocksFile(n), blocksView);
        const refPan = panFrames('__ref', blocksView);
        const bare = await refPan(ref.page);
        await setVisible(ref.page, '__ref', ['l0'], false);
        const bareFill = await refPan(ref.page);
        await setVisible(ref.page, '__ref', ['f0'], false);
        const bareWithout = await refPan(ref.page);
        await ref.context.close();
        const appCost = median(app) - median(appWithout);
        const refCost = median(bare) - median(bareWithout);
        const fillCost = median(bareFill) - median(bareWithout);
        const ratio = appCost / refCost;
        row({
          figure: `pan frame time, ${n.toLocaleString('en')} blocks: what the blocks add to a frame`,
          value: `${f2(ratio)}× MapLibre GeoJSON fill + outline`,
          budget: n === 10_000 ? `≤ ${BUDGETS.panRatio10k}×` : '— (reported)',
          ok: n === 10_000 ? ratio <= BUDGETS.panRatio10k : null,
          context: `ParkPlan's blocks add ${f1(appCost)} ms/frame (${f1(median(app))} with, ${f1(median(appWithout))} without; p95 ${f1(pct(app, 0.95))}); MapLibre's fill + line layers add ${f1(refCost)} (fill alone ${f1(fillCost)}: ratio ${f2(appCost / fillCost)}×) over a background-only frame of ${f1(median(bareWithout))}; whole frames ${f2(median(app) / median(bare))}×. 60 frames at zoom ${blocksView[2]}`,
        });
      }
      if (n === 10_000 && want('readout')) {
        const r = await readoutLatency(page);
        // The figure of record is the main thread's own time per move. On this 2-core machine the
        // wall time's tail is the main thread waiting for a core, taken by the workers, V8's
        // background compiler and SwiftShader (a trace shows 2–4 ms run inside 10–28 ms moves).
        const p95 = pct(r.moves.thread, 0.95);
        // The same moves over the bare MapLibre page with the same blocks: what this machine's
        // pointer events cost with nothing but MapLibre's own handlers (context for the spikes).
        const ref = await refPage(browser, base, blocksFile(n), blocksView);
        const vp = ref.page.viewportSize()!;
        const bare = await pointerMoves(ref.page, vp.width / 2, vp.height / 2);
        await ref.context.close();
        const ms = (xs: number[]) =>
          `median ${f2(median(xs))} ms, p95 ${f2(pct(xs, 0.95))} ms, max ${f2(Math.max(...xs))} ms`;
        row({
          figure: 'live readout while drawing, 10,000 blocks loaded: main-thread time per pointer move',
          value: `${f2(p95)} ms (p95)`,
          budget: `≤ ${BUDGETS.readoutMs} ms`,
          // The trace must have seen at least 95 % of the 80 moves for its p95 to stand.
          ok: r.readoutShown && r.moves.thread.length >= 76 && p95 <= BUDGETS.readoutMs,
          context: `thread time ${ms(r.moves.thread)} over ${r.moves.thread.length} moves (snapping on), readout ${r.readoutShown ? 'shown' : 'NOT shown'}. Wall time, first pointer listener to last mouse listener: ${ms(r.moves.wall)}; the difference is time the main thread waited for a core, taken by the workers, V8's background compiler and SwiftShader's rasteriser. The same moves over the bare MapLibre page (no drawing there, so no redraws): thread ${ms(bare.thread)}; wall ${ms(bare.wall)}`,
        });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  for (const r of rows) if (r.ok === false) failures.push(`${r.figure}: ${r.value}, budget ${r.budget}`);

  const chromium = execFileSync(CHROMIUM, ['--version']).toString().trim();
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${chromium} headless (SwiftShader), Node ${process.version}`;
  const date = new Date().toISOString().slice(0, 10);
  const table = [
    '| figure | result | budget | met | measured |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${r.value} | ${r.budget} | ${r.ok === null ? '—' : r.ok ? 'yes' : '**no**'} | ${r.context} |`,
    ),
  ].join('\n');
  const verdict = failures.length
    ? failures.map((f) => `- **missed:** ${f}`).join('\n')
    : '- all budgets met';
  console.log(`\nBrowser benchmarks — ${machine}, ${date}\n\n${verdict}\n`);

  process.exitCode = failures.length ? 1 : 0;
  if (only.size || process.env.BENCH_SIZES) return;
  const path = 'BENCHMARKS.md';
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '# ParkPlan benchmarks\n';
  const section = `<!-- browser:start -->\n## In the browser (issue #7)\n\n${machine}, ${date}. The built app and, in the same run, a bare MapLibre page (bench/pages/reference.html) doing the same work. SwiftShader draws on the CPU here, so ratios are the figures of record and absolute times are context.\n\n${table}\n\n${verdict}\n<!-- browser:end -->`;
  const re = /<!-- browser:start -->[\s\S]*<!-- browser:end -->/;
  writeFileSync(
    path,
    re.test(existing) ? existing.replace(re, section) : `${existing.trimEnd()}\n\n${section}\n`,
  );
  process.exitCode = failures.length ? 1 : 0;
}

await main();
