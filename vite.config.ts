import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { maplibreFromSource } from './vite-plugins/maplibre-from-source.ts';

/**
 * The Content-Security-Policy of the built app: scripts, styles and workers
 * from the app itself only (no inline script, no eval); data from the app and
 * the two online basemaps the user may turn on; no plugins, no <base>, no
 * form posts. A meta tag, so it holds on any static host; injected in builds
 * only, because the dev server's hot reload needs inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https://tile.openstreetmap.org https://*.tianditu.gov.cn",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'parkplan-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// Relative base so the built app also works from a sub-path or a file share.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), maplibreFromSource()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: 'es' },
});
