// "Duplicates the browser makes", each scenario asserting on the fake
// CertCentral's stored orders: exactly one live order, duplicates canceled, none after a refusal.

import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeCertCentral, type PostFault } from './testing/fake-certcentral';
import { CARD_NUMBER, createHarness, freshDatabase, submitOk } from './testing/harness';
import { ANSWER_PENDING_MS, HOUR, MINUTE, SETTLE_MS } from './timing';

beforeEach(freshDatabase);

const rateLimited: PostFault = {
  kind: 'status',
  status: 429,
  errors: [{ code: 'request_limit_exceeded', message: 'Slow down' }],
};

describe('a POST without a usable answer is looked up before anything is sent again', () => {
  it.each([
    ['the response is lost after the order was stored', { kind: 'lose-response' }],
    ['the POST times out after the order was stored', { kind: 'timeout-after-store' }],
  ] as const)('%s → one order, placed with its id, no second POST', async (_name, fault) => {
    const h = createHarness();
    h.fake.faults.post.push(fault);
    const entry = await submitOk(h);
    expect(h.fake.orders).toHaveLength(1);
    expect(h.fake.posts()).toBe(1);
    expect(entry).toMatchObject({ state: 'placed', orderId: 1001, attempts: 1 });
    expect(entry.timeline.map((s) => s.state)).toEqual([
      'queued',
      'sending',
      'unknown',
      'reconciling',
      'placed',
    ]);
    expect(h.sleeps).toEqual([SETTLE_MS]);
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a 503', { kind: 'status', status: 503 }],
  ] as const)('%s → looked up, none found, sent again with the SAME id → one order', async (_name, fault) => {
    const h = createHarness();
    h.fake.faults.post.push(fault);
    const entry = await submitOk(h);
    expect(h.fake.posts()).toBe(2);
    expect(h.fake.posted.map((b) => b.alternative_order_id)).toEqual([entry.id, entry.id]);
    expect(h.fake.orders).toHaveLength(1);
    expect(entry).toMatchObject({ state: 'placed', orderId: 1001, attempts: 2 });
    const order = h.fake.calls.map((c) => c.method);
    expect(order).toEqual(['POST', 'GET', 'POST', 'GET']);
  });

  it.each([
    ['a network error', { kind: 'network-before' }],
    ['a 502 from a proxy', { kind: 'status', status: 502 }],
    ['a 504 from a gateway', { kind: 'status', status: 504 }],
  ] as const)(
    '%s: no answer at all, so nothing is resent while the request may still arrive (60 s); then one resend with the SAME id',
    async (_name, fault) => {
      const h = createHarness();
      h.fake.faults.post.push(fault);
      const entry = await submitOk(h);
      expect(h.fake.posted.map((b) => b.alternative_order_id)).toEqual([entry.id, entry.id]);
      expect(h.fake.orders).toHaveLength(1);
      expect(entry).toMatchObject({ state: 'placed', orderId: 1001, attempts: 2 });
      const methods = h.fake.calls.map((c) => c.method);
      const secondPost = methods.indexOf('POST', 1);
      expect(methods.slice(1, secondPost).every((m) => m === 'GET')).toBe(true);
      expect(secondPost).toBeGreaterThan(3);
      // Every wait before the second POST adds up to at least the minute an unanswered request may take.
      const waited = h.sleeps.slice(0, secondPost).reduce((a, b) => a + b, 0);
      expect(waited).toBeGreaterThanOrEqual(ANSWER_PENDING_MS);
    },
  );

  it('a request that lands late, while lookups still find nothing, is found before any resend', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'lose-response' });
    h.fake.faults.lookup.push({ kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' });
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.posts()).toBe(1);
  });

  it('an earlier POST that lands after the resend is caught at a later check and canceled', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'network-before' });
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'placed', attempts: 2 });
    const kept = h.fake.orders[0];
    if (!kept) throw new Error('no order');
    // The first POST reaches CertCentral only now, after the resend was placed and checked.
    h.fake.orders.push({ ...kept, id: 1500, status: 'pending' });
    h.advance(61_000);
    await h.engine.runDue();
    await h.engine.idle();
    expect(h.fake.live().map((o) => o.id)).toEqual([kept.id]);
    expect(h.fake.orders.find((o) => o.id === 1500)?.status).toBe('canceled');
  });

  it('429 for a while → one order, with growing pauses between POSTs (no burst)', async () => {
    const h = createHarness();
    h.fake.faults.post.push(rateLimited, rateLimited, rateLimited);
    const entry = await submitOk(h);
    expect(h.fake.orders).toHaveLength(1);
    expect(h.fake.posts()).toBe(4);
    expect(entry.state).toBe('placed');
    // settle, then the 429 backoff (5, 10, 20 s) before each resend
    expect(h.sleeps).toEqual([SETTLE_MS, 5000, SETTLE_MS, 10_000, SETTLE_MS, 20_000]);
  });

  it('an outage is waited out: past the quick tries it pauses, looks up, sends once more, and places one order', async () => {
    const h = createHarness();
    const unavailable: PostFault = { kind: 'status', status: 503 };
    h.fake.faults.post.push(...Array.from({ length: 6 }, () => unavailable));
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'unknown', attempts: 4, allowedAttempts: 5 });
    expect(Date.parse(entry.nextAttemptAt ?? '') - h.clock.now.getTime()).toBe(MINUTE);
    expect(entry.note).toMatch(/not answering.*sent once more with the same id/);
    expect(h.kinds()).toEqual([]);

    // Each pause is longer than the last: 1, 2, 4 minutes; a lookup comes before every try.
    for (const pause of [MINUTE, 2 * MINUTE, 4 * MINUTE]) {
      h.advance(pause);
      await h.engine.runDue();
      await h.engine.idle();
    }
    const placed = await h.engine.get(entry.id);
    expect(placed).toMatchObject({ state: 'placed', orderId: 1001, attempts: 7 });
    expect(h.fake.posts()).toBe(7);
    expect(new Set(h.fake.posted.map((b) => b.alternative_order_id))).toEqual(new Set([entry.id]));
    expect(h.fake.orders).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.method === 'GET').length).toBeGreaterThanOrEqual(7);
    expect(h.kinds()).toEqual(['placed']);
  });

  it('still bounded: after 12 tries without an answer it stops, never resends by itself, and "check again" sends once more', async () => {
    const h = createHarness();
    h.fake.faults.post.push(...Array.from({ length: 12 }, () => rateLimited));
    const entry = await submitOk(h);
    for (let i = 0; i < 20; i++) {
      h.advance(15 * MINUTE);
      await h.engine.runDue();
      await h.engine.idle();
    }
    const stopped = await h.engine.get(entry.id);
    expect(stopped).toMatchObject({ state: 'unknown', attempts: 12, nextAttemptAt: undefined });
    expect(stopped?.note).toMatch(/Sent 12 times.*check again/);
    expect(h.fake.orders).toHaveLength(0);
    expect(h.kinds()).toEqual(['needs-attention']);
    expect(await h.engine.needsAttentionCount()).toBe(1);

    h.advance(24 * HOUR);
    await h.engine.runDue();
    await h.engine.resume();
    expect(h.fake.posts()).toBe(12);

    const again = await h.engine.checkAgain(entry.id);
    expect(again.ok && again.value).toMatchObject({ state: 'placed', orderId: 1001, attempts: 13 });
    expect(h.fake.orders).toHaveLength(1);
    expect(await h.engine.needsAttentionCount()).toBe(0);
  });

  it('a submission older than the outage wait stops at the bound for a person', async () => {
    const h = createHarness();
    h.fake.faults.post.push(...Array.from({ length: 5 }, () => rateLimited));
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'unknown', allowedAttempts: 5 });
    h.advance(7 * HOUR);
    await h.engine.runDue();
    await h.engine.idle();
    const stopped = await h.engine.get(entry.id);
    expect(stopped).toMatchObject({ state: 'unknown', attempts: 5, nextAttemptAt: undefined });
    expect(stopped?.note).toMatch(/Sent 5 times.*check again/);
    expect(h.kinds()).toEqual(['needs-attention']);
  });

  it('"check again" finds an order that appeared meanwhile and does not send', async () => {
    const h = createHarness({ maxTries: 1 });
    h.fake.faults.post.push({ kind: 'lose-response' });
    // Every lookup during the minute the lost answer may still arrive misses the order.
    h.fake.faults.lookup.push(...Array.from({ length: 20 }, () => ({ kind: 'empty' }) as const));
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'unknown', attempts: 1 });
    h.fake.faults.lookup.length = 0;
    const again = await h.engine.checkAgain(entry.id);
    expect(again.ok && again.value).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.posts()).toBe(1);
    expect(h.fake.orders).toHaveLength(1);
  });

  it('"check again" refuses an entry that is not unknown', async () => {
    const h = createHarness();
    const entry = await submitOk(h);
    expect(await h.engine.checkAgain(entry.id)).toMatchObject({ ok: false, error: { code: 'not_unknown' } });
  });

  it('a failed lookup is retried with backoff (it is a GET), then the order is found', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'lose-response' });
    h.fake.faults.lookup.push({ kind: 'network' }, { kind: 'status', status: 503 });
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.posts()).toBe(1);
    expect(h.sleeps).toEqual([SETTLE_MS, 5000, 10_000]);
  });

  it('lookups failing again and again go on at a slower pace without a resend, until one is answered', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'network-before' });
    for (let i = 0; i < 5; i++) h.fake.faults.lookup.push({ kind: 'network' });
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'unknown', lookupFailures: 4 });
    expect(Date.parse(entry.nextAttemptAt ?? '') - h.clock.now.getTime()).toBe(MINUTE);
    expect(entry.note).toMatch(/has not answered for a while.*Nothing is sent meanwhile/);
    expect(h.fake.posts()).toBe(1);
    h.advance(MINUTE);
    await h.engine.runDue();
    await h.engine.idle();
    expect(await h.engine.get(entry.id)).toMatchObject({ state: 'unknown', lookupFailures: 5 });
    expect(h.fake.posts()).toBe(1);
    h.advance(2 * MINUTE);
    await h.engine.runDue();
    await h.engine.idle();
    expect(await h.engine.get(entry.id)).toMatchObject({ state: 'placed', attempts: 2 });
    expect(h.fake.orders).toHaveLength(1);
  });

  it('lookups failing for longer than the outage wait stop for a person; "check again" then places it', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'network-before' });
    h.fake.faults.lookup.push(...Array.from({ length: 40 }, () => ({ kind: 'network' }) as const));
    const entry = await submitOk(h);
    for (let i = 0; i < 30; i++) {
      h.advance(15 * MINUTE);
      await h.engine.runDue();
      await h.engine.idle();
    }
    const stopped = await h.engine.get(entry.id);
    expect(stopped).toMatchObject({ state: 'unknown', nextAttemptAt: undefined });
    expect(stopped?.note).toMatch(/check again/);
    expect(h.fake.posts()).toBe(1);
    h.fake.faults.lookup.length = 0;
    const again = await h.engine.checkAgain(entry.id);
    expect(again.ok && again.value).toMatchObject({ state: 'placed' });
    expect(h.fake.orders).toHaveLength(1);
  });

  it('an API refusal places nothing and is not retried', async () => {
    const h = createHarness();
    h.fake.faults.post.push({
      kind: 'refuse',
      status: 403,
      errors: [{ code: 'access_denied|missing_permission', message: 'No' }],
    });
    const entry = await submitOk(h);
    expect(entry.state).toBe('failed');
    expect(entry.note).toMatch(/restricted/);
    expect(h.fake.orders).toHaveLength(0);
    expect(h.fake.posts()).toBe(1);
  });
});

describe('unique alternative order ids enforced by the account', () => {
  it('a refusal of the resend as "already used" means already placed: reconcile, never fail', async () => {
    const h = createHarness({ fake: createFakeCertCentral({ uniqueAlternativeIds: true }) });
    h.fake.faults.post.push({ kind: 'lose-response' });
    // Every lookup during the minute the lost answer may still arrive misses the stored order.
    h.fake.faults.lookup.push(...Array.from({ length: 13 }, () => ({ kind: 'empty' }) as const));
    const entry = await submitOk(h);
    expect(h.fake.posts()).toBe(2);
    expect(entry).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(entry.messages.map((m) => m.code)).toContain('duplicate_alternative_order_id');
    expect(h.fake.orders).toHaveLength(1);
  });
});

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

describe('card payment', () => {
  it('a resend in the same worker sends the card again from memory; nothing stores it', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'network-before' });
    const entry = await submitOk(h, { card: true });
    expect(entry.state).toBe('placed');
    expect(h.fake.posted.map((b) => (b.credit_card as { number?: string }).number)).toEqual([
      CARD_NUMBER,
      CARD_NUMBER,
    ]);
    expect(await h.storedText()).not.toContain(CARD_NUMBER);
  });
});
