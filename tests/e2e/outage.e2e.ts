/**
 * The API down for a long stretch, past the engine's quick tries: the submission is waited out, never
 * "failed" and never missing from the history meanwhile, and placed by itself, once, when the API
 * answers again. It waits about two minutes of real time (the slowest retry pace starts a minute in),
 * so it has a file of its own that can run beside the others. A summary goes to
 * test-results/outage-summary.json.
 */
import { describe, expect, it } from 'vitest';
import { submissions, waitForSubmission } from '../support/extension-calls';
import { apiDown, expectPlacedInHistory, recordScenario, useFaultRun } from '../support/fault-scenarios';
import { ordersCarrying, postsCarrying } from '../support/sandbox-orders';
import { submitEvOrder } from '../support/submit-order';

const run = useFaultRun('outage');

describe('the API down for minutes', () => {
  it('the API down past the quick tries: waited out, never failed, never lost, then one order by itself', async () => {
    const { sandbox } = run;
    const before = sandbox.faults.injectedCount;
    apiDown(sandbox);
    const { id } = await submitEvOrder(run.page, run.csr, 'outage.example.com');
    // How "several minutes" maps onto the engine's own schedule (lib/outbox/timing.ts): a 503 is the
    // server's answer, so after one POST the engine looks the order up (2 s later), each lookup being a
    // GET the transport itself retries; failed lookups are retried 5, 10, 20 s apart, and after 4
    // (MAX_LOOKUP_FAILURES, about a minute in) it goes on at the outage pace (1, 2, 4, 8, then every
    // 15 minutes, for up to 6 hours) instead of asking a person. So any outage longer than a minute
    // passes through the state reached here, and ends the same way when the API is back.
    const seen = new Set<string>();
    const started = Date.now();
    const outagePace = (s: { statusLabel: string } | undefined) => /not answering/.test(s?.statusLabel ?? '');
    let entry = (await submissions(run.page)).find((s) => s.id === id);
    while (!outagePace(entry) && Date.now() - started < 90_000) {
      expect(entry, 'the submission is in the history').toBeDefined();
      expect(entry?.state).not.toBe('failed');
      expect(ordersCarrying(sandbox, id)).toHaveLength(0);
      seen.add(`${entry?.statusWord}: ${entry?.statusLabel}`);
      await new Promise((r) => setTimeout(r, 500));
      entry = (await submissions(run.page)).find((s) => s.id === id);
    }
    const downForS = Math.round((Date.now() - started) / 1000);
    seen.add(`${entry?.statusWord}: ${entry?.statusLabel}`);
    const answered = sandbox.requestLog
      .filter((e) => e.fault === 'status')
      .map((e) => `${e.method} ${e.status}`);
    console.log(`outage: the sandbox answered ${answered.length} requests with 503:`, answered.join(', '));
    console.log(`outage: ${[...seen].join(' | ')}; outage pace after ${downForS} s:`, entry?.note);
    expect(entry).toMatchObject({ state: 'unknown', statusWord: 'checking', attention: false });
    expect(postsCarrying(sandbox, id)).toHaveLength(1);

    // The API is back; nobody clicks anything: the next slow lookup finds no order, and it is sent once more.
    sandbox.faults.clear();
    const placed = await waitForSubmission(run.page, id, (s) => s.state === 'placed', { timeoutMs: 100_000 });
    const recoveredAfterS = Math.round((Date.now() - started) / 1000);
    console.log(`outage: placed by itself ${recoveredAfterS - downForS} s after the API came back`);
    expect(placed.attention).toBe(false);
    expect(ordersCarrying(sandbox, id)).toHaveLength(1);
    expect(postsCarrying(sandbox, id)).toHaveLength(2);
    const name = `API down ${downForS} s (503 on every call), placed by itself once it answered`;
    await recordScenario(run, name, id, before);
  }, 200_000);

  it('the history on the options page shows the submission as placed, one order, nothing lost', async () => {
    await expectPlacedInHistory(run.browser, ['outage']);
    expect(run.scenarios).toHaveLength(1);
    for (const s of run.scenarios) {
      expect(s.orders, s.name).toBe(1);
      expect(s.lost, s.name).toBe(0);
    }
  });
});
