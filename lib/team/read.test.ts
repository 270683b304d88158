import { describe, expect, it } from 'vitest';
import { httpError, tableTransport } from '../renewal/testing';
import { createPlacerCache, DETAILS_LIMIT, readTeamOrders } from './read';
import { TEAM_LIMIT } from './recent';

const NOW = new Date('2026-06-01T09:00:00Z');
const daysAgo = (n: number) =>
  new Date(NOW.getTime() - n * 86_400_000).toISOString().replace('.000Z', '+00:00');

const PEOPLE: Record<number, unknown> = {
  1: { id: 11, first_name: 'Tess', last_name: 'Tech', email: 'tess.tech@example.com' },
  2: null,
  4: { id: 14, first_name: 'Olivia', last_name: 'Orders', email: 'olivia.orders@example.com' },
};

function listRow(id: number, age = id) {
  return {
    id,
    status: 'pending',
    date_created: daysAgo(age),
    certificate: { common_name: `host${id}.example.com` },
    product: { name_id: 'ssl_basic', name: 'Basic OV' },
  };
}

function api(rows: unknown[], opts: { failing?: number[]; total?: number; listError?: Error } = {}) {
  return tableTransport((path, query) => {
    if (path === '/order/certificate') {
      if (opts.listError) return opts.listError as never;
      expect(query).toMatchObject({ sort: '-date_created', limit: TEAM_LIMIT });
      return { orders: rows, page: { total: opts.total ?? rows.length, limit: TEAM_LIMIT, offset: 0 } };
    }
    const id = Number(path.split('/').pop());
    if (opts.failing?.includes(id)) return httpError(500, 'internal_error');
    return { id, status: 'pending', user: PEOPLE[id] };
  });
}

const deps = (transport: ReturnType<typeof api>['transport'], own: number[] = []) => ({
  transport,
  now: NOW,
  region: 'us' as const,
  own: new Set(own),
  cache: createPlacerCache(),
});

describe('readTeamOrders', () => {
  it("names who placed each order from its details, and marks this browser's own without asking", async () => {
    const { transport, calls } = api([listRow(1), listRow(2), listRow(3), listRow(4), listRow(40)]);
    const team = await readTeamOrders(deps(transport, [3]));
    expect(team.orders.map((o) => [o.orderId, o.placedBy])).toEqual([
      [1, { kind: 'person', name: 'Tess Tech', email: 'tess.tech@example.com' }],
      [2, { kind: 'unknown' }],
      [3, { kind: 'this-browser' }],
      [4, { kind: 'person', name: 'Olivia Orders', email: 'olivia.orders@example.com' }],
    ]);
    // Order 40 is older than the window: neither shown nor looked up; 3 is this browser's own.
    expect(calls).toEqual([
      '/order/certificate',
      '/order/certificate/1',
      '/order/certificate/2',
      '/order/certificate/4',
    ]);
    expect(team).toMatchObject({
      days: 30,
      limit: TEAM_LIMIT,
      more: false,
      detailsUnread: 0,
      unreadable: [],
    });
  });

  it('sets an unreadable row aside and counts a failed details read; the rest are shown', async () => {
    const { transport } = api([listRow(1), { id: 'x', status: 5 }, listRow(4)], { failing: [4] });
    const team = await readTeamOrders(deps(transport));
    expect(team.orders.map((o) => o.orderId)).toEqual([1, 4]);
    expect(team.orders[1]?.placedBy).toEqual({ kind: 'unknown' });
    expect(team.detailsUnread).toBe(1);
    expect(team.unreadable).toHaveLength(1);
    expect(team.unreadable[0]?.label).toContain('x');
  });

  it('takes an answer without an `orders` list as no orders', async () => {
    const { transport } = tableTransport(() => ({ page: { total: 0, limit: 50, offset: 0 } }));
    const team = await readTeamOrders(deps(transport));
    expect(team.orders).toEqual([]);
    expect(team.more).toBe(false);
  });

  it(`reads at most ${DETAILS_LIMIT} details per refresh and remembers them for the next`, async () => {
    const rows = Array.from({ length: DETAILS_LIMIT + 5 }, (_, i) => listRow(100 + i, 1));
    const { transport, calls } = api(rows);
    const d = deps(transport);
    const first = await readTeamOrders(d);
    expect(calls).toHaveLength(1 + DETAILS_LIMIT);
    expect(first.orders.filter((o) => o.placedBy.kind === 'not-checked')).toHaveLength(5);
    calls.length = 0;
    const second = await readTeamOrders(d);
    // Only the five not looked up yet are asked the second time.
    expect(calls).toHaveLength(1 + 5);
    expect(second.orders.some((o) => o.placedBy.kind === 'not-checked')).toBe(false);
  });

  it('says when CertCentral has more orders in the window than one page', async () => {
    const { transport } = api([listRow(1), listRow(2)], { total: 80 });
    expect((await readTeamOrders(deps(transport))).more).toBe(true);
  });

  it("lets the list's failure through, for the handler to word", async () => {
    const { transport } = api([], { listError: httpError(403, 'access_denied|access_denied_invalid_key') });
    await expect(readTeamOrders(deps(transport))).rejects.toThrow('access_denied');
  });
});

describe('createPlacerCache', () => {
  it('forgets the oldest entries past its limit', () => {
    const cache = createPlacerCache(2);
    cache.set(1, { kind: 'unknown' });
    cache.set(2, { kind: 'unknown' });
    cache.set(3, { kind: 'unknown' });
    expect([...cache.entries().keys()]).toEqual([2, 3]);
  });
});
