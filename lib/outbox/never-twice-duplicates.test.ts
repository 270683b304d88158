// "Duplicates the browser makes": a second order CertCentral stored for one submission is found,
// canceled when it can be, and otherwise recorded and shown to the user.

import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, freshDatabase, submitOk } from './testing/harness';

beforeEach(freshDatabase);

describe('duplicates the browser makes', () => {
  it('a silent resend: keeps the order the 201 named, cancels the other, records it, tells the user', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'silent-resend' });
    const entry = await submitOk(h);
    expect(entry.orderId).toBe(1002);
    expect(h.fake.live().map((o) => o.id)).toEqual([1002]);
    expect(h.fake.orders[0]).toMatchObject({ id: 1001, status: 'canceled' });
    expect(h.fake.orders[0]?.cancelNote).toMatch(/Duplicate of order 1002: same alternative_order_id/);
    expect(entry.duplicates).toEqual([
      expect.objectContaining({ orderId: 1001, foundStatus: 'pending', outcome: 'canceled' }),
    ]);
    expect(h.kinds()).toEqual(['placed', 'duplicate-canceled']);
    expect(await h.engine.needsAttentionCount()).toBe(0);
  });

  it('two orders found by reconciliation: keeps the lowest id, cancels the other', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'lose-response', copies: 2 });
    const entry = await submitOk(h);
    expect(entry.orderId).toBe(1001);
    expect(h.fake.live().map((o) => o.id)).toEqual([1001]);
    expect(h.fake.posts()).toBe(1);
  });

  it('a cancel that fails is recorded, needs attention, and is tried again on the next check', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'silent-resend' });
    h.fake.faults.cancel.push({ kind: 'status', status: 500 });
    const entry = await submitOk(h);
    expect(entry.duplicates[0]).toMatchObject({ orderId: 1001, outcome: 'cancel-failed' });
    expect(h.kinds()).toEqual(['placed', 'needs-attention']);
    expect(await h.engine.needsAttentionCount()).toBe(1);
    await h.engine.checkNow();
    expect((await h.engine.get(entry.id))?.duplicates[0]).toMatchObject({ outcome: 'canceled' });
    expect(h.fake.live()).toHaveLength(1);
    expect(await h.engine.needsAttentionCount()).toBe(0);
  });

  it('a duplicate already past pending cannot be canceled: recorded and flagged', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'silent-resend' });
    h.fake.faults.lookup.push({ kind: 'network' }); // the check right after placement fails
    const entry = await submitOk(h);
    h.fake.setStatus(1001, 'issued'); // meanwhile the extra order was issued
    await h.engine.checkNow();
    const after = await h.engine.get(entry.id);
    expect(after?.duplicates).toEqual([
      expect.objectContaining({ orderId: 1001, foundStatus: 'issued', outcome: 'not-cancelable' }),
    ]);
    expect(after?.duplicates[0]?.detail).toMatch(/contact DigiCert/);
    expect(h.kinds()).toEqual(['placed', 'needs-attention']);
    expect(await h.engine.needsAttentionCount()).toBe(1);
  });

  it('a duplicate check that fails is done again at the first follow-up', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'silent-resend' });
    h.fake.faults.lookup.push({ kind: 'network' });
    const entry = await submitOk(h);
    expect(entry.duplicatesCheckedAt).toBeUndefined();
    expect(h.fake.live()).toHaveLength(2);
    h.advance(30_000);
    await h.engine.runDue();
    expect(h.fake.live().map((o) => o.id)).toEqual([1002]);
  });
});
