// "Never twice across browsers" for renewals: CertCentral is asked before the POST, two renewals
// placed at the same moment end with one live order, and a renewal whose id someone else holds is
// never claimed as ours. Each scenario asserts on the fake CertCentral's stored orders.

import { beforeEach, describe, expect, it } from 'vitest';
import { describeStatus, needsAttention } from './status';
import { OTHER_USER } from './testing/fake-certcentral';
import { createHarness, freshDatabase, RENEWED_ID, renewedOrder, submitRenewal } from './testing/harness';
import { toSubmissionView } from './view';

beforeEach(freshDatabase);

const SLOT = `renewal-of-${RENEWED_ID}`;

describe('a renewal placed elsewhere first', () => {
  it('a live renewal found by the shared alternative id: nothing is POSTed, the entry says who and which order', async () => {
    const h = createHarness();
    renewedOrder(h);
    h.fake.addOrder({ id: 950, status: 'pending', alternative_order_id: SLOT, user: OTHER_USER });
    const entry = await submitRenewal(h);
    expect(h.fake.posts()).toBe(0);
    expect(entry).toMatchObject({ state: 'failed', renewedElsewhere: { orderId: 950 } });
    // The time is in the browser's own time zone.
    expect(entry.note).toMatch(
      /^Already being renewed by Olivia Orders \(olivia@example\.com\), order #950, placed on (May 31|Jun 1), 2025, .+\. Nothing was ordered\.$/,
    );
    expect(describeStatus(entry)).toEqual({ word: 'ended', label: 'Already being renewed: order #950' });
    expect(needsAttention(entry)).toBe(false);
    expect(h.kinds()).toEqual(['ended']);
  });

  it('the renewed order names a live renewal (renewed_order_id): nothing is POSTed', async () => {
    const h = createHarness();
    h.fake.addOrder({ id: 951, status: 'issued', user: OTHER_USER });
    h.fake.addOrder({ id: RENEWED_ID, is_renewed: true, renewed_order_id: 951 });
    const entry = await submitRenewal(h);
    expect(h.fake.posts()).toBe(0);
    expect(entry.renewedElsewhere).toMatchObject({ orderId: 951, by: 'Olivia Orders (olivia@example.com)' });
  });

  it('a renewal that ended (canceled) does not count: the next id is used, and the order placed', async () => {
    const h = createHarness();
    renewedOrder(h);
    h.fake.addOrder({ id: 952, status: 'canceled', alternative_order_id: SLOT });
    const entry = await submitRenewal(h);
    expect(entry).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.posted[0]?.alternative_order_id).toBe(`${SLOT}-2`);
    expect(entry.request.alternative_order_id).toBe(`${SLOT}-2`);
  });

  it('nothing found: the deterministic id is sent and the order placed; another renewal of it is then refused before any POST', async () => {
    const h = createHarness();
    renewedOrder(h);
    const first = await submitRenewal(h);
    expect(first).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.posted.map((b) => b.alternative_order_id)).toEqual([SLOT]);
    const second = await submitRenewal(h);
    expect(second.renewedElsewhere).toMatchObject({ orderId: 1001, by: 'Ada Admin (ada@example.com)' });
    expect(h.fake.posts()).toBe(1);
  });

  it('a caller that read the renewed order a moment ago spares that read; the id is still looked up', async () => {
    const h = createHarness();
    renewedOrder(h);
    h.fake.addOrder({ id: 953, status: 'pending', alternative_order_id: SLOT, user: OTHER_USER });
    const entry = await submitRenewal(h, { renewedOrderReadAt: new Date(h.clock.now) });
    expect(h.fake.calls.filter((c) => c.path === `/order/certificate/${RENEWED_ID}`)).toHaveLength(0);
    expect(entry.renewedElsewhere).toMatchObject({ orderId: 953 });
    expect(h.fake.posts()).toBe(0);
  });

  it('the check itself fails: nothing is sent, and the entry says why (place it again to retry)', async () => {
    const h = createHarness();
    renewedOrder(h);
    h.fake.faults.lookup.push({ kind: 'status', status: 503 });
    const entry = await submitRenewal(h);
    expect(h.fake.posts()).toBe(0);
    expect(entry.state).toBe('failed');
    expect(entry.renewedElsewhere).toBeUndefined();
    expect(entry.note).toMatch(/could not be asked whether order 900 is already being renewed/);
  });
});

describe('two renewals at the same moment', () => {
  it('both passed the check and both were stored: the later one cancels its own order and says who renews it', async () => {
    const h = createHarness();
    renewedOrder(h);
    h.fake.faults.post.push({ kind: 'race' });
    const entry = await submitRenewal(h);
    expect(
      h.fake
        .live()
        .filter((o) => o.body.renewal_of_order_id === RENEWED_ID)
        .map((o) => o.id),
    ).toEqual([1001]);
    expect(h.fake.orders.find((o) => o.id === 1002)).toMatchObject({ status: 'canceled' });
    expect(h.fake.orders.find((o) => o.id === 1002)?.cancelNote).toMatch(
      /Second renewal of order 900: order 1001/,
    );
    expect(entry).toMatchObject({
      state: 'failed',
      orderId: 1002,
      orderStatus: 'canceled',
      renewedElsewhere: { orderId: 1001, ownCanceled: 1002, by: 'Olivia Orders (olivia@example.com)' },
    });
    expect(entry.note).toMatch(
      /order #1001.*The order this browser placed at the same moment \(#1002\) was canceled/,
    );
    expect(toSubmissionView(entry)).toMatchObject({
      canCancel: false,
      attention: false,
      statusWord: 'ended',
    });
    expect(h.kinds()).toEqual(['placed', 'ended']);
  });

  it('an account with unique alternative ids refuses the later POST as taken: it is never claimed as ours', async () => {
    const h = createHarness();
    h.fake.state.uniqueAlternativeIds = true;
    renewedOrder(h);
    h.fake.faults.post.push({ kind: 'race' });
    const entry = await submitRenewal(h);
    expect(h.fake.orders.filter((o) => o.body.renewal_of_order_id === RENEWED_ID).map((o) => o.id)).toEqual([
      1001,
    ]);
    expect(entry).toMatchObject({ state: 'failed', renewedElsewhere: { orderId: 1001 } });
    expect(entry.orderId).toBeUndefined();
    expect(h.fake.posts()).toBe(1);
  });

  it('a lost answer is still found by the shared id and kept as ours (one POST, one order)', async () => {
    const h = createHarness();
    renewedOrder(h);
    h.fake.faults.post.push({ kind: 'lose-response' });
    const entry = await submitRenewal(h);
    expect(entry).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.posts()).toBe(1);
    expect(h.fake.calls.filter((c) => c.path === `/order/alternate/${SLOT}`).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});
