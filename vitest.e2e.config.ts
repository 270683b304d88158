import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// End-to-end tests: the production build (.output/chrome-mv3) in Debian's Chromium against the
// local HTTPS sandbox. Each file launches its own browser on a profile of its own (tests/support/
// browser.ts, profile-browser.ts) against its own sandbox on a free port (startSandbox({ port: 0 })),
// and the policy file writes its policy for a copy of the build at a path of its own
// (policy-browser.ts), so files share nothing and run several at a time.
//
// Three at a time on the 2-core machine: one file after another, the browsers and sandboxes kept
// the processors busy about a fifth of the time (most of it is waiting for the rate limiter, the
// worker's retry pace and alarms), and three files at once still leave room for each. `npm run
// test:e2e:all` (scripts/e2e-all.sh) runs the outage test apart, beside the rest.
const FILES_AT_ONCE = 3;

// The longest files, longest first: the outage waits out about two minutes (mostly idle), 200
// renewals are paced under CertCentral's rate limit (at least 40 s), submission waits out 429 pacing
// and restarts, the accessibility views run axe on every screen, and two browsers race. Started
// first, they keep the last minutes from being one long file running alone. Vitest orders the rest
// by its record of the last run (or, in a fresh clone, by size).
const LONGEST_FIRST = [
  'tests/e2e/outage.e2e.ts',
  'tests/e2e/renewal.e2e.ts',
  'tests/e2e/submission.e2e.ts',
  'tests/e2e/accessibility.e2e.ts',
  'tests/e2e/renew-two-browsers.e2e.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(relative(this.ctx.config.root, file.moduleId));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['./tests/setup-e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: FILES_AT_ONCE,
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
