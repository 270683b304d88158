import { describe, expect, it } from 'vitest';
import { OrderSummarySchema } from '../certcentral/order-schemas';
import {
  hasMoreInWindow,
  knownPlacer,
  listedUser,
  ownOrderIds,
  placerOf,
  recentRows,
  TEAM_WINDOW_DAYS,
  toTeamOrder,
} from './recent';
import type { Placer } from './views';

const NOW = new Date('2026-06-01T09:00:00Z');
const daysAgo = (n: number) =>
  new Date(NOW.getTime() - n * 86_400_000).toISOString().replace('.000Z', '+00:00');
const row = (id: number, extra: Record<string, unknown> = {}) =>
  OrderSummarySchema.parse({ id, status: 'pending', date_created: daysAgo(1), ...extra });

describe('recentRows', () => {
  it(`keeps what was placed in the last ${TEAM_WINDOW_DAYS} days, newest first`, () => {
    const rows = [row(1, { date_created: daysAgo(40) }), row(2, { date_created: daysAgo(3) }), row(3)];
    expect(recentRows(rows, NOW).map((r) => r.id)).toEqual([3, 2]);
  });

  it('keeps a row without a readable date, last: it was listed among the newest', () => {
    const rows = [row(1, { date_created: null }), row(2, { date_created: 'yesterday' }), row(3)];
    expect(recentRows(rows, NOW).map((r) => r.id)).toEqual([3, 2, 1]);
  });

  it('keeps the window edge: an order placed exactly N days ago is in', () => {
    expect(recentRows([row(1, { date_created: daysAgo(TEAM_WINDOW_DAYS) })], NOW)).toHaveLength(1);
  });
});

describe('hasMoreInWindow', () => {
  const rows = [row(1), row(2, { date_created: daysAgo(10) })];
  it('is true when the total is larger and the oldest row read is still inside the window', () => {
    expect(hasMoreInWindow(rows, 3, NOW)).toBe(true);
  });
  it('is false when the page held everything, or when it already reached older orders', () => {
    expect(hasMoreInWindow(rows, 2, NOW)).toBe(false);
    expect(hasMoreInWindow(rows, undefined, NOW)).toBe(false);
    expect(hasMoreInWindow([...rows, row(3, { date_created: daysAgo(45) })], 9, NOW)).toBe(false);
  });
});

describe('ownOrderIds', () => {
  it("collects each submission's order and the extra orders it made", () => {
    const ids = ownOrderIds([
      { orderId: 5, duplicates: [{ orderId: 6 }] },
      { duplicates: [] },
      { orderId: 7, duplicates: [] },
    ]);
    expect([...ids].sort()).toEqual([5, 6, 7]);
  });
});

describe('placerOf', () => {
  it('names a person by name, with the email beside it', () => {
    expect(placerOf({ first_name: 'Tess', last_name: 'Tech', email: 'tess@example.com' })).toEqual({
      kind: 'person',
      name: 'Tess Tech',
      email: 'tess@example.com',
    });
  });
  it('falls back to the email, and to "unknown" when CertCentral names nobody', () => {
    expect(placerOf({ email: 'ops@example.com' })).toEqual({ kind: 'person', name: 'ops@example.com' });
    expect(placerOf({ id: 4, first_name: ' ' })).toEqual({ kind: 'unknown' });
    expect(placerOf(undefined)).toEqual({ kind: 'unknown' });
  });
});

describe('knownPlacer', () => {
  const known = new Map<number, Placer>([[9, { kind: 'person', name: 'Olivia Orders' }]]);

  it("marks this browser's own orders, whatever else is known of them", () => {
    expect(knownPlacer(row(9), new Set([9]), known)).toEqual({ kind: 'this-browser' });
  });

  it('reads `user` from a list row when one is sent, and tolerates null or a malformed one', () => {
    const withUser = row(1, { user: { id: 3, first_name: 'Tess', last_name: 'Tech' } });
    expect(knownPlacer(withUser, new Set(), known)).toEqual({ kind: 'person', name: 'Tess Tech' });
    expect(listedUser(row(2, { user: null }))).toBeUndefined();
    expect(listedUser(row(3, { user: 'tess' }))).toBeUndefined();
    expect(listedUser(row(4, { user: { id: 4 } }))).toBeUndefined();
  });

  it('uses what the details said before, and says "ask the details" otherwise', () => {
    expect(knownPlacer(row(9), new Set(), known)).toEqual({ kind: 'person', name: 'Olivia Orders' });
    expect(knownPlacer(row(10), new Set(), known)).toBeUndefined();
  });
});

describe('toTeamOrder', () => {
  it('words a row: name, product, status, date, placer and console link', () => {
    const view = toTeamOrder(
      row(12, {
        certificate: { common_name: 'docs.example.com' },
        product: { name_id: 'ssl_basic', name: null },
      }),
      { kind: 'person', name: 'Tess Tech' },
      'eu',
    );
    expect(view).toMatchObject({
      orderId: 12,
      commonName: 'docs.example.com',
      productName: expect.any(String),
      status: 'pending',
      statusWord: 'waiting',
      statusLabel: 'Placed, waiting for validation',
      placedAt: daysAgo(1),
      placedBy: { kind: 'person', name: 'Tess Tech' },
      consoleUrl: expect.stringContaining('certcentral.digicert.eu'),
    });
  });

  it('leaves out what the row does not carry', () => {
    const view = toTeamOrder(
      OrderSummarySchema.parse({ id: 13, status: 'issued', certificate: null }),
      { kind: 'unknown' },
      'us',
    );
    expect(view.commonName).toBeUndefined();
    expect(view.productName).toBeUndefined();
    expect(view.placedAt).toBeUndefined();
    expect(view.statusWord).toBe('done');
  });
});

describe('the recorded order info', () => {
  it('names who placed the order from its `user`', async () => {
    const { OrderDetailsSchema } = await import('../certcentral/order-schemas');
    const recorded = (await import('../certcentral/testing/order.json')).default;
    expect(placerOf(OrderDetailsSchema.parse(recorded).user)).toEqual({
      kind: 'person',
      name: 'Clive Collegedean',
      email: 'clivecollegedean@digicert.com',
    });
  });
});
