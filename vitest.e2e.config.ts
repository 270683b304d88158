import { defineConfig } from 'vitest/config';

// End-to-end tests: the production build (.output/chrome-mv3) in Debian's Chromium against the
// local HTTPS sandbox. One file at a time: each launches its own browser and sandbox.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
