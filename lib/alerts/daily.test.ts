import { describe, expect, it } from 'vitest';
import { type DailyCheckDeps, dailyCheckDue, PAGE_SIZE, runDailyCheck } from './daily';
import type { IssuedOrder, RenewalSubmission } from './expiry';
import { type AlertLedger, EMPTY_LEDGER } from './ledger';
import type { AlertNotice } from './notice';
import { DEFAULT_ALERT_SETTINGS } from './settings';
import type { AlertSnapshot } from './snapshot';

const NOW = new Date('2026-12-03T09:00:00Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

const ORDERS: IssuedOrder[] = [
  { id: 1, commonName: 'in29.example', validTill: day(29) },
  { id: 2, commonName: 'in13.example', validTill: day(13) },
  { id: 3, commonName: 'renewed.example', validTill: day(10), renewedOrderId: 9 },
  { id: 4, commonName: 'on-its-way.example', validTill: day(5) },
  { id: 5, commonName: 'later.example', validTill: day(200) },
];
const RENEWING: RenewalSubmission[] = [{ renewalOf: 4, state: 'sending' }];

function fake(options: { orders?: IssuedOrder[]; total?: number; sent?: number[]; failAt?: number } = {}) {
  const orders = options.orders ?? ORDERS;
  const state = {
    ledger: EMPTY_LEDGER as AlertLedger,
    shown: [] as AlertNotice[][],
    kept: [] as AlertSnapshot[],
    offsets: [] as number[],
    now: NOW,
  };
  const deps: DailyCheckDeps = {
    now: () => state.now,
    async readPage(offset, limit) {
      state.offsets.push(offset);
      if (options.failAt === offset) throw new Error('network down');
      const total = options.total ?? orders.length;
      const received = Math.max(0, Math.min(limit, total - offset));
      const rows = orders.slice(offset, offset + limit);
      return { orders: rows, received, total };
    },
    submissions: async () => ({ renewals: RENEWING, waiting: 1 }),
    sentLog: () => options.sent ?? [],
    settings: async () => DEFAULT_ALERT_SETTINGS,
    async decide(decide) {
      const decided = decide(state.ledger);
      state.ledger = decided.ledger;
      return decided;
    },
    show: async (notices) => {
      state.shown.push([...notices]);
    },
    keep: async (snapshot) => {
      state.kept.push(snapshot);
    },
  };
  return { deps, state };
}

describe('runDailyCheck', () => {
  it('tells each order past a threshold once, and none renewed or being renewed', async () => {
    const { deps, state } = fake();
    const result = await runDailyCheck(deps);
    expect(result.complete).toBe(true);
    expect(result.notified.map((n) => n.id)).toEqual(['alerts:expiring:2', 'alerts:expiring:1']);
    expect(result.needRenewal).toBe(2);
    expect(state.shown).toEqual([result.notified]);
    expect(state.ledger.expiry).toMatchObject({ '1': { told: 30 }, '2': { told: 14 } });
    expect(state.ledger.checkedAt).toBe(NOW.toISOString());
    expect(state.kept[0]?.orders.map((o) => o.id)).toEqual([1, 2, 3, 4]);
  });

  it('tells nothing again on a second check, and the next threshold once when it is crossed', async () => {
    const { deps, state } = fake();
    await runDailyCheck(deps);
    expect((await runDailyCheck(deps)).notified).toEqual([]);
    state.now = new Date(NOW.getTime() + 6 * 86_400_000);
    const later = await runDailyCheck(deps);
    expect(later.notified.map((n) => n.id)).toEqual(['alerts:expiring:2']);
    expect(state.ledger.expiry['2']?.told).toBe(7);
  });

  it('is due again a day after the last complete check', async () => {
    const { deps, state } = fake();
    expect(dailyCheckDue(state.ledger, NOW)).toBe(true);
    await runDailyCheck(deps);
    expect(dailyCheckDue(state.ledger, NOW)).toBe(false);
    expect(dailyCheckDue(state.ledger, new Date(NOW.getTime() + 86_400_000))).toBe(true);
  });

  it('reads every page, one after the other', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      id: 100 + i,
      commonName: `n${i}`,
      validTill: day(200),
    }));
    const { deps, state } = fake({ orders: many });
    const result = await runDailyCheck(deps);
    expect(state.offsets).toEqual([0, PAGE_SIZE, 2 * PAGE_SIZE]);
    expect(result).toMatchObject({ complete: true, ordersRead: 2500 });
  });

  it('reads nothing when the budget is spent, and leaves the check due', async () => {
    const sent = Array.from({ length: 1000 }, () => NOW.getTime() - 1000);
    const { deps, state } = fake({ sent });
    const result = await runDailyCheck(deps);
    expect(state.offsets).toEqual([]);
    expect(result.complete).toBe(false);
    expect(result.retryInMs).toBe(180_000);
    expect(state.ledger.checkedAt).toBeUndefined();
    expect(state.kept).toEqual([]);
  });

  it('after a failed read, tells what it read, takes no order as gone and stays due', async () => {
    const many = [
      ...ORDERS,
      ...Array.from({ length: 1500 }, (_, i) => ({ id: 100 + i, commonName: 'x', validTill: day(200) })),
    ];
    const { deps, state } = fake({ orders: many, failAt: PAGE_SIZE });
    state.ledger = {
      ...EMPTY_LEDGER,
      expiry: { '77': { validTill: day(3), told: 7, at: NOW.toISOString() } },
    };
    const result = await runDailyCheck(deps);
    expect(result.complete).toBe(false);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.notified.map((n) => n.orderId)).toEqual([2, 1]);
    expect(state.ledger.expiry['77']).toBeDefined();
    expect(state.ledger.checkedAt).toBeUndefined();
  });
});
