import { defineConfig } from 'vitest/config';

// Two projects: pure/unit tests (fast, no browser) and browser tests, which
// build the app, serve it with `vite preview` and drive Debian's Chromium.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test/artifacts/vitest-results.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'scripts/**/*.test.ts',
            'test/unit/**/*.test.ts',
            'test/hostile/**/*.test.ts',
            'vite-plugins/**/*.test.ts',
          ],
          environment: 'node',
          // CI runs on 2 cores with the browser suite beside: a ceiling against false failures,
          // not a performance check (budgets live in npm run bench).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A loaded CI machine runs SwiftShader, workers and lazy chunks slowly: polls wait up to 15 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
