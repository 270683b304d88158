// "Never twice" while CertCentral is slow to answer or down: growing pauses, an outage waited out,
// still a bound on tries, and "check again" for a person, each scenario asserting on the fake
// CertCentral's stored orders.

import { beforeEach, describe, expect, it } from 'vitest';
import { describeStatus } from './status';
import type { PostFault } from './testing/fake-certcentral';
import { createHarness, freshDatabase, submitOk } from './testing/harness';
import { HOUR, MINUTE, SETTLE_MS } from './timing';

beforeEach(freshDatabase);

const rateLimited: PostFault = {
  kind: 'status',
  status: 429,
  errors: [{ code: 'request_limit_exceeded', message: 'Slow down' }],
};

describe('retries and outages: paced, bounded, and never a second order', () => {
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

  it('once an outage is being waited out, a failed lookup keeps the slow pace, as the history says', async () => {
    const h = createHarness();
    h.fake.faults.post.push(...Array.from({ length: 6 }, () => ({ kind: 'status', status: 503 }) as const));
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'unknown', attempts: 4 });
    h.fake.faults.lookup.push({ kind: 'network' });
    h.advance(MINUTE);
    await h.engine.runDue();
    await h.engine.idle();
    const after = await h.engine.get(entry.id);
    if (!after) throw new Error('the entry is gone');
    expect(after).toMatchObject({ state: 'unknown', lookupFailures: 1, attempts: 4 });
    expect(Date.parse(after.nextAttemptAt ?? '') - h.clock.now.getTime()).toBe(MINUTE);
    expect(describeStatus(after).label).toMatch(/not answering/);
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
});
