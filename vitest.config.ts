import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: everything beside the code in lib/ and components/.
// End-to-end tests live in tests/e2e and have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [WxtVitest()],
  define: {
    // WXT inlines these at build time; under vitest 4 they come out undefined unless set here.
    'import.meta.env.BROWSER': JSON.stringify('chrome'),
    'import.meta.env.CHROME': 'true',
    'import.meta.env.FIREFOX': 'false',
    'import.meta.env.MANIFEST_VERSION': '3',
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.tsx',
      'entrypoints/**/*.test.ts',
      'tests/sandbox/**/*.test.ts',
      'tests/contract/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    setupFiles: ['./tests/setup-unit.ts'],
    environment: 'node',
    // Vitest's default leaves one core free, which on a 2-core CI machine means one worker: the unit
    // suite took 114 s that way and 69 s on threads with every core (no test relies on a process of its own).
    pool: 'threads',
    maxWorkers: availableParallelism(),
    // With every core busy, the property tests (1,000 runs) and the editor's component tests took 5 to
    // 7 s on the 2-core CI machine: past vitest's 5-s default, though nothing was stuck. A limit, never
    // a measurement: speed is measured by `npm run bench`.
    testTimeout: 20_000,
  },
});
