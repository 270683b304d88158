import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, ORDERS, sandboxRequest, validEvOrderBody } from './client';
import { SEED_IDS } from './seed';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
let sb: Sandbox;
let csr: string;
const post = (body: unknown, key: string = ADMIN, product = 'ssl_ev_securesite_pro') =>
  sandboxRequest(sb.port, 'POST', `/services/v2/order/certificate/${product}`, { key, body });
const cancel = (id: number, body: unknown, key: string = ADMIN) =>
  sandboxRequest(sb.port, 'PUT', `/services/v2/order/certificate/${id}/status`, { key, body });
const codes = (json: unknown) => (json as { errors: { code: string }[] }).errors.map((e) => e.code);

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  csr = await makeTestCsr('secure.example.com');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('POST /order/certificate/{product_name_id}', () => {
  it('stores a valid EV order with its body and logs the request', async () => {
    const body = validEvOrderBody(csr);
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: 10001001, requests: [{ id: 20001001, status: 'pending' }] });
    const stored = sb.state.orders.find((o) => o.id === 10001001);
    expect(stored).toMatchObject({
      status: 'pending',
      alternative_order_id: 'test-0001',
      placed_with: 'admin',
      body,
    });
    expect(stored?.cert_days).toBe(199);
    const entry = sb.requestLog.at(-1);
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/services/v2/order/certificate/ssl_ev_securesite_pro',
      status: 201,
      key: 'admin',
    });
    expect(entry?.body).toEqual(body);
    const fetched = await sandboxRequest(sb.port, 'GET', '/services/v2/order/certificate/10001001', {
      key: ADMIN,
    });
    expect(fetched.json).toMatchObject({
      id: 10001001,
      status: 'pending',
      certificate: { csr, common_name: 'secure.example.com' },
    });
    const control = await sandboxRequest(sb.port, 'GET', '/__sandbox/orders');
    expect((control.json as { orders: { id: number; body: unknown }[] }).orders.at(-1)?.body).toEqual(body);
  });

  it('an Orders-role request needs approval unless skip_approval', async () => {
    await post(validEvOrderBody(csr), ORDERS);
    expect(sb.state.orders.at(-1)?.status).toBe('needs_approval');
    await post({ ...validEvOrderBody(csr), skip_approval: true }, ORDERS);
    expect(sb.state.orders.at(-1)?.status).toBe('pending');
  });

  it('finds orders by alternative_order_id and reuses are allowed by default', async () => {
    await post(validEvOrderBody(csr));
    const again = await post(validEvOrderBody(csr));
    expect(again.status).toBe(201);
    const alt = await sandboxRequest(sb.port, 'GET', '/services/v2/order/alternate/test-0001', {
      key: ADMIN,
    });
    expect(alt.json).toEqual({
      orders: [
        { order_id: 10001001, certificate_id: 30001001, status: 'pending' },
        { order_id: 10001002, certificate_id: 30001002, status: 'pending' },
      ],
      page: { total: 2, limit: 1000, offset: 0 },
    });
  });

  it('refuses a reused alternative_order_id when the account requires unique ones', async () => {
    const set = await sandboxRequest(sb.port, 'POST', '/__sandbox/settings', {
      body: { requireUniqueAlternativeOrderId: true },
    });
    expect(set.status).toBe(200);
    expect((await post(validEvOrderBody(csr))).status).toBe(201);
    const dup = await post(validEvOrderBody(csr));
    expect(dup.status).toBe(400);
    expect(codes(dup.json)).toEqual(['duplicate_alternative_order_id']);
    expect((await post({ ...validEvOrderBody(csr), alternative_order_id: 'test-0002' })).status).toBe(201);
    sb.reset();
    expect(sb.state.settings.requireUniqueAlternativeOrderId).toBe(false);
  });

  it('a renewal marks the previous order as renewed once it is issued, not while it is pending', async () => {
    const res = await post({ ...validEvOrderBody(csr, 'shop.example.com'), renewal_of_order_id: 10000001 });
    expect(res.status).toBe(201);
    const read = async () =>
      (await sandboxRequest(sb.port, 'GET', '/services/v2/order/certificate/10000001', { key: ADMIN })).json;
    expect(await read()).toMatchObject({ is_renewed: false, renewed_order_id: null });
    await sandboxRequest(sb.port, 'POST', '/__sandbox/orders/10001001/status', {
      body: { status: 'issued' },
    });
    expect(await read()).toMatchObject({ is_renewed: true, renewed_order_id: 10001001 });
  });

  it('finds a renewal by its alternative_order_id, and answers with the user who placed it', async () => {
    const body = { ...validEvOrderBody(csr, 'shop.example.com'), renewal_of_order_id: 10000001 };
    expect((await post({ ...body, alternative_order_id: 'renewal-of-10000001' })).status).toBe(201);
    const found = await sandboxRequest(sb.port, 'GET', '/services/v2/order/alternate/renewal-of-10000001', {
      key: ADMIN,
    });
    expect(found.json).toMatchObject({ orders: [{ order_id: 10001001, status: 'pending' }] });
    const none = await sandboxRequest(sb.port, 'GET', '/services/v2/order/alternate/renewal-of-10000001-2', {
      key: ADMIN,
    });
    expect(none.json).toEqual({ page: { total: 0, limit: 1000, offset: 0 } });
    const placed = await sandboxRequest(sb.port, 'GET', '/services/v2/order/certificate/10001001', {
      key: ADMIN,
    });
    expect(placed.json).toMatchObject({ user: { first_name: 'Ada', last_name: 'Admin' } });
  });

  it('immediate issuance answers with certificate_id and certificate_chain', async () => {
    sb.state.settings.immediateIssuance = true;
    const res = await post(validEvOrderBody(csr));
    expect(res.json).toMatchObject({ requests: [{ status: 'approved' }], certificate_id: 30001001 });
    expect((res.json as { certificate_chain: unknown[] }).certificate_chain).toHaveLength(3);
    expect(sb.state.orders.at(-1)).toMatchObject({ status: 'issued', cert_valid_till: '2026-12-17' });
  });
});

describe('cancel: PUT /order/certificate/{id}/status', () => {
  it('cancels a pending order with 204', async () => {
    const res = await cancel(SEED_IDS.pending, { status: 'canceled', note: 'ordered by mistake' });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(sb.state.orders.find((o) => o.id === SEED_IDS.pending)?.status).toBe('canceled');
  });

  it('cancels a needs_approval order', async () => {
    await post(validEvOrderBody(csr), ORDERS);
    expect((await cancel(10001001, { status: 'canceled', note: 'dup' }, ORDERS)).status).toBe(204);
  });

  it('refuses issued or already canceled orders, bad bodies and unknown ids', async () => {
    const issued = await cancel(10000001, { status: 'canceled', note: 'x' });
    expect(issued.status).toBe(400);
    expect(codes(issued.json)).toEqual(['order_cannot_be_canceled']);
    await cancel(SEED_IDS.pending, { status: 'canceled', note: 'x' });
    expect((await cancel(SEED_IDS.pending, { status: 'canceled', note: 'x' })).status).toBe(400);
    const bad = await cancel(10000008, { status: 'approved' });
    expect(codes(bad.json)).toEqual(['invalid_value:status', 'missing_param:note']);
    expect((await cancel(42, { status: 'canceled', note: 'x' })).status).toBe(404);
  });
});

describe('control endpoints', () => {
  it('moves an order to issued for follow-up tests', async () => {
    await post(validEvOrderBody(csr));
    const res = await sandboxRequest(sb.port, 'POST', '/__sandbox/orders/10001001/status', {
      body: { status: 'issued' },
    });
    expect(res.status).toBe(200);
    const order = await sandboxRequest(sb.port, 'GET', '/services/v2/order/certificate/10001001', {
      key: ADMIN,
    });
    expect(order.json).toMatchObject({
      status: 'issued',
      certificate: { valid_from: '2026-06-01', valid_till: '2026-12-17', days_remaining: 199 },
    });
    const bad = await sandboxRequest(sb.port, 'POST', '/__sandbox/orders/10001001/status', {
      body: { status: 'done' },
    });
    expect(bad.status).toBe(400);
  });

  it('serves an index page listing the keys, and resets', async () => {
    const page = await sandboxRequest(sb.port, 'GET', '/__sandbox/');
    expect(page.text).toContain('sandbox-admin-key');
    await post(validEvOrderBody(csr));
    expect((await sandboxRequest(sb.port, 'POST', '/__sandbox/reset')).status).toBe(204);
    expect(sb.state.orders).toHaveLength(11);
    expect(sb.requestLog).toHaveLength(0);
  });
});
