import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, headless, driven by playwright-core (no downloaded
 * browser). WebGL runs on SwiftShader; background networking is off because
 * this machine has no network and the tests must not need one.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

const ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // For diagnosis only, e.g. CHROMIUM_FLAGS=--js-flags=--trace-gc (with DEBUG=pw:browser to see it).
  ...(process.env.CHROMIUM_FLAGS?.split(' ').filter(Boolean) ?? []),
];

/**
 * Chromium on a profile folder of its own, as a user's browser keeps its data between
 * runs: closed and launched again on the same folder, it has the same IndexedDB. Offline
 * as `offlinePage` is.
 */
export async function launchProfile(dir: string, baseUrl: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:')
      ? route.continue()
      : route.abort();
  });
  return context;
}

/** Blocks every request that leaves the preview server: the app must work offline. */
export async function offlinePage(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1280, height: 800 },
) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    external.push(url);
    return route.abort();
  });
  // Content-Security-Policy violations, recorded where tests can read them (Chrome also logs them as console errors).
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return { context, page, external, consoleErrors };
}

/** A fresh offline page with the app open (at `hash`, if given) and its map idle. */
export async function openApp(browser: Browser, baseUrl: string, hash = '') {
  const r = await offlinePage(browser, baseUrl);
  await r.page.goto(baseUrl + hash);
  await waitForIdle(r.page);
  return r;
}

/** Waits until the map has loaded its style and gone idle at least `after + 1` times. */
export async function waitForIdle(page: Page, after = 0, timeout = 45_000) {
  await page.waitForFunction(
    (n) => {
      const h = window.__parkplan;
      return !!h && h.idleCount > n && h.map.loaded() && h.map.areTilesLoaded();
    },
    after,
    { timeout },
  );
}

export async function idleCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__parkplan?.idleCount ?? 0);
}

/** Number of rendered features per style layer in the current view. */
export async function renderedCounts(page: Page, layers: string[]): Promise<Record<string, number>> {
  return page.evaluate((ids) => {
    const map = window.__parkplan!.map;
    const out: Record<string, number> = {};
    for (const id of ids) {
      const feats = map.queryRenderedFeatures(undefined, { layers: [id] });
      out[id] = new Set(feats.map((f) => String(f.id ?? f.properties?.id))).size;
    }
    return out;
  }, layers);
}
