/**
 * Faults beyond a single request: the browser closed mid-submission and started again on the same
 * profile, and the outbox unable to store a submission. Each scenario asserts on the orders the
 * sandbox stored (by alternative_order_id: never two, never none) and on what the history shows
 * meanwhile (never "failed", never missing). A summary goes to test-results/faults-summary.json.
 * The API down for minutes is in outage.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { callBackground, submissions, waitForSubmission } from '../support/extension-calls';
import { apiDown, expectPlacedInHistory, recordScenario, useFaultRun } from '../support/fault-scenarios';
import { failOutboxWrites } from '../support/profile-browser';
import { EV_ORDER_PATH, ordersCarrying, postsCarrying } from '../support/sandbox-orders';
import { submitEvOrder } from '../support/submit-order';

const run = useFaultRun('faults');
const submit = async (commonName: string) => (await submitEvOrder(run.page, run.csr, commonName)).id;

describe('faults across restarts', () => {
  it('the browser closed while the order POST was in flight: one order after the restart', async () => {
    const { sandbox, browser } = run;
    const before = sandbox.faults.injectedCount;
    // CertCentral takes 4 s to answer; the browser is closed before it does, but the order is stored.
    sandbox.faults.add({ method: 'POST', pathPrefix: EV_ORDER_PATH, fault: { kind: 'delay', ms: 4_000 } });
    const id = await submit('closed-mid-post.example.com');
    await expect.poll(() => postsCarrying(sandbox, id).length, { timeout: 10_000 }).toBe(1);
    await browser.close();
    await expect.poll(() => ordersCarrying(sandbox, id).length, { timeout: 10_000 }).toBe(1);
    run.page = await browser.launch();
    const placed = await waitForSubmission(run.page, id, (s) => s.state === 'placed', { timeoutMs: 45_000 });
    expect(ordersCarrying(sandbox, id)).toHaveLength(1);
    expect(placed.orderId).toBe(ordersCarrying(sandbox, id)[0]?.id);
    // It found the order by looking it up, not by sending it again.
    expect(postsCarrying(sandbox, id)).toHaveLength(1);
    await recordScenario(run, 'browser closed mid-POST', id, before);
  }, 90_000);

  it('the browser closed while the entry waited for the API to come back: one order after the restart', async () => {
    const { sandbox, browser } = run;
    const before = sandbox.faults.injectedCount;
    apiDown(sandbox);
    const id = await submit('closed-while-queued.example.com');
    await waitForSubmission(
      run.page,
      id,
      (s) => s.state !== 'sending' && postsCarrying(sandbox, id).length >= 1,
    );
    await browser.close();
    sandbox.faults.clear();
    run.page = await browser.launch();
    const listed = (await submissions(run.page)).find((s) => s.id === id);
    expect(listed?.state, 'still in the outbox after the restart').not.toBe('failed');
    console.log(`after the restart: ${listed?.state}/${listed?.statusWord}: ${listed?.statusLabel}`);
    if (listed?.canCheckAgain) await callBackground(run.page, 'checkSubmissionAgain', { id });
    await waitForSubmission(run.page, id, (s) => s.state === 'placed', { timeoutMs: 45_000 });
    expect(ordersCarrying(sandbox, id)).toHaveLength(1);
    await recordScenario(run, 'browser closed while waiting to resend', id, before);
  }, 90_000);

  it('the outbox write fails (storage full): refused with an error, nothing sent unpersisted', async () => {
    const { sandbox, browser } = run;
    // A real quota is out of reach here: with CDP Storage.overrideQuotaForOrigin at 1 byte for the
    // extension's origin, Chromium still commits its IndexedDB writes. So the failure is injected one
    // level down, in the build's running worker (failOutboxWrites).
    const worker = browser.context?.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
    if (!worker) throw new Error('no worker');
    await failOutboxWrites(worker, true);
    const postsBefore = sandbox.requestLog.filter((e) => e.method === 'POST').length;
    const outcome = await submit('storage-full.example.com').then(
      (id) => ({ refused: false, detail: id }),
      (e: unknown) => ({ refused: true, detail: String(e) }),
    );
    console.log('outbox write failed:', outcome);
    await new Promise((r) => setTimeout(r, 2_000));
    const postsAfter = sandbox.requestLog.filter((e) => e.method === 'POST').length;
    await failOutboxWrites(worker, false);
    expect(outcome.refused).toBe(true);
    expect(postsAfter).toBe(postsBefore);
    expect((await submissions(run.page)).some((s) => s.commonName === 'storage-full.example.com')).toBe(
      false,
    );
    run.scenarios.push({ name: 'outbox write failed', faults: 1, orders: 0, lost: 0 });
  });

  it('the history on the options page shows every submission of these scenarios as placed', async () => {
    await expectPlacedInHistory(run.browser, ['closed-mid-post', 'closed-while-queued']);
    // One order for each submission the extension accepted, none for the one it could not store.
    expect(run.scenarios).toHaveLength(3);
    for (const s of run.scenarios) {
      expect(s.orders, s.name).toBe(s.name === 'outbox write failed' ? 0 : 1);
      expect(s.lost, s.name).toBe(0);
    }
  });
});
