import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'rules/**/*.test.ts', 'web/e2e/**/*.test.ts'],
    // The browser tests need the production build of the web UI (about two seconds with Vite 8).
    globalSetup: ['web/e2e/buildWeb.ts'],
    reporters: ['default', './test/summaryReporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
