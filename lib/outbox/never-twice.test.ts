// "Never twice": a POST without a usable answer is looked up before anything is sent again, always
// with the same alternative_order_id, each scenario asserting on the fake CertCentral's stored orders.
// Retries and outages: never-twice-retries.test.ts; duplicates the browser makes: never-twice-duplicates.test.ts.

import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeCertCentral } from './testing/fake-certcentral';
import { CARD_NUMBER, createHarness, freshDatabase, submitOk } from './testing/harness';
import { ANSWER_PENDING_MS, SETTLE_MS } from './timing';

beforeEach(freshDatabase);

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
