import { describe, expect, it } from 'vitest';
import { type OrderDetails, OrderDetailsSchema } from '../certcentral/order-schemas';
import { newEntry, type OutboxEntry } from '../outbox/entry';
import { blockingGuard, orderValidTill, renewalGuards, renewalsInOutbox } from './guards';

const NOW = new Date('2026-06-01T10:00:00Z');

function order(extra: Record<string, unknown> = {}, cert: Record<string, unknown> = {}): OrderDetails {
  return OrderDetailsSchema.parse({
    id: 10000004,
    status: 'issued',
    date_created: '2025-12-14T00:00:00+00:00',
    certificate: { id: 1, common_name: 'www.example.org', valid_till: '2026-06-30', ...cert },
    product: { name_id: 'ssl_ev_basic' },
    ...extra,
  });
}

function entry(renews: number, patch: Partial<OutboxEntry> = {}): OutboxEntry {
  const base = newEntry({
    id: `e-${renews}-${patch.state ?? 'queued'}`,
    product: 'ssl_basic',
    request: { renewal_of_order_id: renews },
    commonName: 'www.example.org',
    allowedAttempts: 4,
    now: NOW,
  });
  return { ...base, ...patch };
}

const kinds = (o: OrderDetails, entries: OutboxEntry[] = []) =>
  renewalGuards(o, { now: NOW, renewals: renewalsInOutbox(entries) }).map((g) => g.kind);

describe('renewalGuards', () => {
  it.each([
    ['an issued order that ends with its plan', order({ order_valid_till: '2026-07-02' }), []],
    ['a plan outlasting the certificate', order({ order_valid_till: '2028-12-14' }), ['reissue-instead']],
    ['no plan end said at all', order({ date_created: undefined }), []],
    [
      'a plan computed from order_validity.years',
      order({ order_validity: { years: 3 } }),
      ['reissue-instead'],
    ],
    ['a plan computed from validity_years', order({ validity_years: 2 }), ['reissue-instead']],
    ['already renewed', order({ is_renewed: true, renewed_order_id: 10000010 }), ['already-renewed']],
    ['pending', order({ status: 'pending', order_valid_till: '2028-12-14' }), ['not-renewable']],
    ['rejected', order({ status: 'rejected' }), ['not-renewable']],
    ['canceled', order({ status: 'canceled' }), ['not-renewable']],
    ['revoked', order({ status: 'revoked' }), ['not-renewable']],
    ['needs approval', order({ status: 'needs_approval' }), ['not-renewable']],
    ['approved (recorded order.json)', order({ status: 'approved' }), []],
  ] as const)('%s', (_name, o, expected) => {
    expect(kinds(o)).toEqual(expected);
  });

  it('names the renewing order and the plan end in words', () => {
    const guards = renewalGuards(
      order({ is_renewed: true, renewed_order_id: 10000010, order_valid_till: '2028-12-14' }),
      {
        now: NOW,
        renewals: new Map(),
      },
    );
    expect(guards.map((g) => g.message)).toEqual([
      'Order #10000004 was already renewed by order #10000010. Renewing it again would pay for a second certificate.',
      'Order #10000004 is a Multi-year Plan covered until Dec 14, 2028, 898 days after its certificate expires (Jun 30, 2026). Reissue the certificate for free instead of placing a new, paid order.',
    ]);
    expect(blockingGuard(guards)?.kind).toBe('already-renewed');
  });

  it('sees a renewal in the outbox unless it failed or CertCentral ended it', () => {
    const o = order();
    expect(kinds(o, [entry(10000004)])).toEqual(['renewal-in-progress']);
    expect(
      kinds(o, [entry(10000004, { state: 'placed', orderId: 10001001, orderStatus: 'issued' })]),
    ).toEqual(['renewal-in-progress']);
    expect(kinds(o, [entry(10000004, { state: 'failed' })])).toEqual([]);
    expect(kinds(o, [entry(10000004, { state: 'placed', orderId: 1, orderStatus: 'canceled' })])).toEqual([]);
    expect(kinds(o, [entry(999)])).toEqual([]);
  });

  it('reissue advice alone does not block a bulk renewal', () => {
    const guards = renewalGuards(order({ order_valid_till: '2028-12-14' }), {
      now: NOW,
      renewals: new Map(),
    });
    expect(blockingGuard(guards)).toBeUndefined();
  });

  it('reads order_valid_till first, then years from the start', () => {
    expect(orderValidTill(order({ order_valid_till: '2027-01-02T00:00:00+00:00' }))?.toISOString()).toBe(
      '2027-01-02T00:00:00.000Z',
    );
    expect(orderValidTill(order({ order_valid_from: '2025-01-01', validity_years: 3 }))?.toISOString()).toBe(
      '2028-01-01T00:00:00.000Z',
    );
  });
});
