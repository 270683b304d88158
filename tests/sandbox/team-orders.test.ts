import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sandboxRequest } from './client';
import { SEED_IDS } from './seed';
import { addColleagueOrders, COLLEAGUE_ORDERS } from './seed/colleagues';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
let sb: Sandbox;
// biome-ignore lint/suspicious/noExplicitAny: shape checks on JSON answers
const get = async (path: string): Promise<any> => {
  const res = await sandboxRequest(sb.port, 'GET', `/services/v2${path}`, { key: ADMIN });
  expect(res.status, path).toBe(200);
  return res.json;
};

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  addColleagueOrders(sb.state, T0);
});
afterAll(() => sb.close());

describe("colleagues' orders", () => {
  it('are listed newest first, and list rows carry no user (as documented)', async () => {
    const list = await get('/order/certificate?sort=-date_created&limit=4');
    expect(list.orders.map((o: { id: number }) => o.id)).toEqual([
      10000008,
      COLLEAGUE_ORDERS.byTess.id,
      COLLEAGUE_ORDERS.byOlivia.id,
      10000010, // the seed's renewal of old.example.com, placed 9 days ago
    ]);
    for (const row of list.orders) expect(row).not.toHaveProperty('user');
  });

  it("name who placed them in the order's details; a removed user's order names nobody", async () => {
    expect((await get(`/order/certificate/${COLLEAGUE_ORDERS.byTess.id}`)).user).toEqual({
      id: SEED_IDS.users.tech,
      first_name: 'Tess',
      last_name: 'Tech',
      email: 'tess.tech@example.com',
    });
    expect((await get(`/order/certificate/${COLLEAGUE_ORDERS.byOlivia.id}`)).user).toMatchObject({
      first_name: 'Olivia',
    });
    expect(await get(`/order/certificate/${COLLEAGUE_ORDERS.byRemovedUser.id}`)).not.toHaveProperty('user');
  });

  it('filter by who placed them and by the day they were placed', async () => {
    const byTess = await get(`/order/certificate?filters[user_id]=${SEED_IDS.users.tech}`);
    expect(byTess.orders.map((o: { id: number }) => o.id)).toEqual([COLLEAGUE_ORDERS.byTess.id]);
    const lastWeek = await get('/order/certificate?filters[date_created]=>=2026-05-25&sort=id');
    expect(lastWeek.orders.map((o: { id: number }) => o.id)).toEqual([
      10000008,
      COLLEAGUE_ORDERS.byTess.id,
      COLLEAGUE_ORDERS.byOlivia.id,
    ]);
  });
});
