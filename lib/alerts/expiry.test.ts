import { describe, expect, it } from 'vitest';
import {
  crossedThreshold,
  daysLeft,
  decideExpiryNotices,
  type ExpiryInput,
  expiringOrders,
  type IssuedOrder,
  type RenewalSubmission,
  renewalProgress,
} from './expiry';
import { type AlertLedger, EMPTY_LEDGER, ledgerFromRecord, ledgerRecord } from './ledger';
import { DEFAULT_ALERT_SETTINGS } from './settings';

const DAY = 86_400_000;
const start = new Date('2026-12-03T09:30:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);
const order = (id: number, validTill: string, extra: Partial<IssuedOrder> = {}): IssuedOrder => ({
  id,
  commonName: `site${id}.example`,
  validTill,
  ...extra,
});

function decide(input: Partial<ExpiryInput> & Pick<ExpiryInput, 'orders'>) {
  return decideExpiryNotices({
    complete: true,
    submissions: [],
    settings: DEFAULT_ALERT_SETTINGS,
    ledger: EMPTY_LEDGER,
    now: start,
    ...input,
  });
}

/** Runs the check day after day, the ledger stored and read back between days (as across restarts). */
function runDays(orders: IssuedOrder[], days: number, input: Partial<ExpiryInput> = {}) {
  let stored: unknown = ledgerRecord(EMPTY_LEDGER);
  const told: { day: number; orderId: number; message: unknown }[] = [];
  for (let day = 0; day < days; day++) {
    const read = ledgerFromRecord(stored);
    if (!('ledger' in read)) throw new Error(read.unreadable);
    const result = decide({ orders, ...input, ledger: read.ledger, now: at(day) });
    for (const n of result.notices) told.push({ day, orderId: n.orderId, message: n.message });
    stored = JSON.parse(JSON.stringify(ledgerRecord(result.ledger)));
  }
  return told;
}

describe('days left and thresholds', () => {
  it('counts whole UTC days to the last day, ignoring a time after it', () => {
    expect(daysLeft('2026-12-03', start)).toBe(0);
    expect(daysLeft('2026-12-10T23:59:59Z', start)).toBe(7);
    expect(daysLeft('2026-12-01', start)).toBe(-2);
    expect(daysLeft(null, start)).toBeUndefined();
    expect(daysLeft('soon', start)).toBeUndefined();
  });

  it('picks the smallest threshold reached, whatever their order', () => {
    expect(crossedThreshold(31, [30, 14, 7, 1])).toBeUndefined();
    expect(crossedThreshold(30, [30, 14, 7, 1])).toBe(30);
    expect(crossedThreshold(5, [1, 30, 7, 14])).toBe(7);
    expect(crossedThreshold(-3, [30, 14, 7, 1])).toBe(1);
  });
});

describe('renewal progress', () => {
  const sub = (state: RenewalSubmission['state'], orderStatus?: string): RenewalSubmission => ({
    renewalOf: 1,
    state,
    ...(orderStatus ? { orderStatus } : {}),
  });

  it.each([
    ['renewed_order_id null', { renewedOrderId: null }, [], 'none'],
    ['renewed_order_id 0', { renewedOrderId: 0 }, [], 'none'],
    ['renewed_order_id missing', {}, [], 'none'],
    ['renewed_order_id set', { renewedOrderId: 99 }, [], 'renewed'],
    ['a renewal queued here', {}, [sub('queued')], 'on-its-way'],
    ['a renewal placed, pending', {}, [sub('placed', 'pending')], 'on-its-way'],
    ['a renewal unanswered', {}, [sub('unknown')], 'on-its-way'],
    ['a renewal issued here', {}, [sub('placed', 'issued')], 'renewed'],
    ['a renewal that failed', {}, [sub('failed')], 'none'],
    ['a renewal rejected', {}, [sub('placed', 'rejected')], 'none'],
    ['a renewal of another order', {}, [{ renewalOf: 2, state: 'queued' }], 'none'],
  ] as const)('%s: %s', (_, extra, subs, expected) => {
    expect(renewalProgress(order(1, '2027-01-01', extra), subs)).toBe(expected);
  });
});

describe('expiring orders', () => {
  it('lists orders past a threshold and expired less than a week ago, soonest first', () => {
    const orders = [
      order(1, '2027-02-01'), // 60 days
      order(2, '2026-12-20'), // 17 days
      order(3, '2026-12-05'), // 2 days
      order(4, '2026-11-20'), // expired 13 days ago
      order(5, '2026-11-30'), // expired 3 days ago
      order(6, '2026-12-05', { renewedOrderId: 77 }),
      order(7, ''),
    ];
    expect(
      expiringOrders(orders, [], [30, 14, 7, 1], start).map((o) => [
        o.orderId,
        o.daysLeft,
        o.threshold,
        o.renewal,
      ]),
    ).toEqual(
      [
        [5, -3, 1],
        [3, 2, 7],
        [6, 2, 7],
        [2, 17, 30],
      ].map(([id, d, t]) => [id, d, t, id === 6 ? 'renewed' : 'none']),
    );
  });
});

describe('expiry notices', () => {
  it('tells once per threshold, day after day, across restarts', () => {
    const told = runDays([order(1, '2027-01-02')], 31); // 30 days left on day 0
    expect(told.map((t) => [t.day, t.message])).toEqual([
      [
        0,
        {
          count: 30,
          one: 'alerts_expiring_one',
          other: 'alerts_expiring_other',
          args: [{ text: 'site1.example' }, { text: '1' }],
        },
      ],
      [16, expect.objectContaining({ count: 14 })],
      [23, expect.objectContaining({ count: 7 })],
      [29, expect.objectContaining({ count: 1 })],
    ]);
  });

  it('first seen past several thresholds: tells the smallest only, and never the larger ones later', () => {
    const told = runDays([order(1, '2026-12-08')], 8); // 5 days left on day 0
    expect(
      told.map((t) => [
        t.day,
        (t.message as { count?: number; key?: string }).count ?? (t.message as { key: string }).key,
      ]),
    ).toEqual([
      [0, 5],
      [4, 1],
    ]);
  });

  it('says "today" on the last day and "expired" after it', () => {
    const today = decide({ orders: [order(1, '2026-12-03')] });
    expect(today.notices[0]?.message).toEqual({
      key: 'alerts_expires_today',
      args: [{ text: 'site1.example' }, { text: '1' }],
    });
    const expired = decide({ orders: [order(1, '2026-12-01')] });
    expect(expired.notices[0]?.message).toMatchObject({ key: 'alerts_expired' });
    expect(decide({ orders: [order(1, '2026-11-01')] }).notices).toEqual([]);
  });

  it('gives each notice a stable id per order, so a newer one replaces the older', () => {
    const { notices } = decide({ orders: [order(12, '2026-12-10')] });
    expect(notices).toMatchObject([
      { kind: 'expiring', orderId: 12, id: 'alerts:expiring:12', title: { key: 'alerts_expiring_title' } },
    ]);
  });

  it('says nothing of renewed orders or renewals on their way, and resumes if the renewal fails', () => {
    const orders = [order(1, '2026-12-20'), order(2, '2026-12-20', { renewedOrderId: 5 })];
    const onItsWay = decide({ orders, submissions: [{ renewalOf: 1, state: 'sending' }] });
    expect(onItsWay.notices).toEqual([]);
    const failed = decide({
      orders,
      submissions: [{ renewalOf: 1, state: 'failed' }],
      ledger: onItsWay.ledger,
    });
    expect(failed.notices.map((n) => n.orderId)).toEqual([1]);
  });

  it('says nothing while an order is snoozed, then its current threshold once', () => {
    const settings = { ...DEFAULT_ALERT_SETTINGS, snoozed: { '1': at(3).toISOString() } };
    const told = runDays([order(1, '2026-12-20')], 6, { settings });
    expect(told.map((t) => t.day)).toEqual([3]);
  });

  it('with the notification off, records crossings silently: switching it on sends no old news', () => {
    const off = { ...DEFAULT_ALERT_SETTINGS, notify: { ...DEFAULT_ALERT_SETTINGS.notify, expiring: false } };
    const quiet = decide({ orders: [order(1, '2026-12-20')], settings: off });
    expect(quiet.notices).toEqual([]);
    expect(decide({ orders: [order(1, '2026-12-20')], ledger: quiet.ledger }).notices).toEqual([]);
    expect(
      decide({ orders: [order(1, '2026-12-20')], ledger: quiet.ledger, now: at(10) }).notices,
    ).toHaveLength(1);
  });

  it('starts again for a new certificate period on the same order', () => {
    const first = decide({ orders: [order(1, '2026-12-10')] });
    expect(first.notices).toHaveLength(1);
    const moved = decide({ orders: [order(1, '2027-12-10')], ledger: first.ledger });
    expect(moved.notices).toEqual([]);
    expect(moved.ledger.expiry).toEqual({});
    const next = decide({
      orders: [order(1, '2027-12-10')],
      ledger: moved.ledger,
      now: new Date('2027-12-01T00:00:00Z'),
    });
    expect(next.notices).toHaveLength(1);
  });
});

describe('pruning the expiry ledger', () => {
  const ledger: AlertLedger = {
    expiry: {
      '1': { validTill: '2026-12-10', told: 7, at: start.toISOString() },
      '2': { validTill: '2026-12-10', told: 7, at: start.toISOString() },
      '3': { validTill: '2026-12-10', told: 7, at: start.toISOString() },
    },
    validation: {},
  };

  it('drops orders no longer listed when every page was read, and renewed ones', () => {
    const result = decide({
      orders: [order(1, '2026-12-10'), order(3, '2026-12-10', { renewedOrderId: 9 })],
      ledger,
    });
    expect(Object.keys(result.ledger.expiry)).toEqual(['1']);
    expect(result.notices).toEqual([]);
  });

  it('keeps orders not seen when only some pages were read', () => {
    const result = decide({ orders: [order(1, '2026-12-10')], ledger, complete: false });
    expect(Object.keys(result.ledger.expiry).sort()).toEqual(['1', '2', '3']);
  });

  it('keeps what the validation part holds', () => {
    const withValidation = { ...ledger, validation: { '8': { status: 'pending', domains: {}, told: [] } } };
    expect(decide({ orders: [], ledger: withValidation }).ledger.validation).toEqual(
      withValidation.validation,
    );
  });
});
