/**
 * Every end-to-end test that fails prints what its browsers showed at that moment
 * (tests/support/failure-report.ts) beside the failure itself.
 */
import { beforeEach } from 'vitest';
import { describeBrowsers } from './support/failure-report';

beforeEach(({ onTestFailed }) => {
  onTestFailed(async ({ task }) => {
    console.error(`What the browsers showed when "${task.name}" failed:\n${await describeBrowsers()}`);
  });
});
