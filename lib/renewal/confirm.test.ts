import { describe, expect, it } from 'vitest';
import { CertCentralError } from '../certcentral/errors';
import { fixture } from '../certcentral/testing/fake-fetch';
import { CONFIRM_LIMIT, confirmOrders, ELSEWHERE_CHECK_LIMIT } from './confirm';
import { detailsBody, httpError, tableTransport } from './testing';

const NOW = new Date('2026-06-01T09:00:00Z');
const facts = { now: NOW, renewals: new Map() };

describe('confirmOrders', () => {
  it('turns each confirmed id into a candidate and says why the others are not', async () => {
    const { transport, calls } = tableTransport((path) => {
      if (path === '/order/certificate/123456789') return JSON.parse(fixture('order.json'));
      if (path === '/order/certificate/10000002') return detailsBody(10000002);
      if (path === '/order/certificate/404') return httpError(404, 'not_found|order');
      if (path === '/order/certificate/403') return httpError(403, 'access_denied|missing_permission');
      return new CertCentralError({ kind: 'timeout', message: 'slow' });
    });
    const result = await confirmOrders(transport, [123456789, 10000002, 404, 403, 10000002, 7], facts);
    expect(calls).toHaveLength(5); // the repeated id is asked once
    expect(result.orders.map((o) => o.orderId)).toEqual([123456789, 10000002]);
    expect(result.orders[0]).toMatchObject({
      commonName: 'digicert.com',
      product: { nameId: 'ssl_plus', name: 'SSL Plus' },
      organization: { id: 117483, name: 'DigiCert, Inc.' },
      container: { id: 5, name: 'College of Science' },
      status: 'approved',
      validTill: '2015-08-19',
      isRenewed: false,
      // The recorded body holds a placeholder, not a CSR.
      csrAvailable: false,
      renewalValues: { renewal_of_order_id: 123456789 },
    });
    expect(result.orders[1]).toMatchObject({
      daysRemaining: 19,
      orderValidTill: '2026-06-20',
      csrAvailable: true,
      guards: [],
    });
    expect(result.unconfirmed).toEqual([
      { orderId: 404, reason: expect.stringContaining('CertCentral has no order #404') },
      { orderId: 403, reason: expect.stringContaining('may not read order #403') },
      { orderId: 7, reason: expect.stringContaining('could not be checked') },
    ]);
  });

  it(`confirms at most ${CONFIRM_LIMIT} ids, in page order, and says so`, async () => {
    const { transport, calls } = tableTransport((path) => detailsBody(Number(path.split('/').pop())));
    const ids = Array.from({ length: 60 }, (_, i) => 1000 + i);
    const result = await confirmOrders(transport, ids, facts);
    expect(calls).toHaveLength(CONFIRM_LIMIT);
    expect(result.orders.map((o) => o.orderId)).toEqual(ids.slice(0, CONFIRM_LIMIT));
    expect(result.unconfirmed.map((u) => u.orderId)).toEqual(ids.slice(CONFIRM_LIMIT));
    expect(result.unconfirmed[0]?.reason).toContain('only the first 50 are confirmed');
  });
});

describe('confirmOrders: a renewal placed elsewhere', () => {
  const user = { first_name: 'Olivia', last_name: 'Orders', email: 'olivia@example.com' };
  const answers = (lookup: (id: string) => unknown) =>
    tableTransport((path) => {
      const alt = /^\/order\/alternate\/(.+)$/.exec(path)?.[1];
      if (alt) return lookup(alt);
      if (path === '/order/certificate/10001005') return detailsBody(10001005, { status: 'pending', user });
      return detailsBody(Number(path.split('/').pop()));
    });

  it("an order's own page: a live renewal found by the shared id is a warning naming who and which order", async () => {
    const { transport, calls } = answers((id) =>
      id === 'renewal-of-10000002'
        ? { orders: [{ order_id: 10001005, status: 'pending' }] }
        : { page: { total: 0 } },
    );
    const { orders } = await confirmOrders(transport, [10000002], facts);
    expect(orders[0]?.guards).toEqual([
      {
        kind: 'renewal-in-progress',
        message: expect.stringMatching(
          /^Order #10000002 is already being renewed by Olivia Orders \(olivia@example\.com\), order #10001005, placed on .+\. Renewing it again would order twice\.$/,
        ),
      },
    ]);
    expect(calls).toContain('/order/alternate/renewal-of-10000002');
  });

  it('an ended renewal does not count; the next id is looked at; a failed lookup warns of nothing', async () => {
    const ended = answers((id) =>
      id === 'renewal-of-10000002' ? { orders: [{ order_id: 10001004, status: 'canceled' }] } : {},
    );
    expect((await confirmOrders(ended.transport, [10000002], facts)).orders[0]?.guards).toEqual([]);
    expect(ended.calls).toContain('/order/alternate/renewal-of-10000002-2');
    const failing = answers(() => httpError(503, 'server_error'));
    expect((await confirmOrders(failing.transport, [10000002], facts)).orders[0]?.guards).toEqual([]);
  });

  it(`a list page of more than ${ELSEWHERE_CHECK_LIMIT} orders is not looked up`, async () => {
    const { transport, calls } = answers(() => ({}));
    await confirmOrders(transport, [1, 2, 3, 4], facts);
    expect(calls.some((c) => c.startsWith('/order/alternate/'))).toBe(false);
  });
});
