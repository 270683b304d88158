import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox ESR: the Firefox build (.output/firefox-mv2) driven over WebDriver
// BiDi against the local HTTPS sandbox. One file at a time: each launches its own browser and sandbox.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
