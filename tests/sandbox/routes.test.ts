import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sandboxRequest } from './client';
import { SEED_IDS } from './seed';
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
});
afterAll(() => sb.close());

describe('GET routes answer in the documented shapes', () => {
  it('users, containers and custom fields', async () => {
    const users = await get('/user');
    expect(users.users.map((u: { id: number }) => u.id)).toContain(SEED_IDS.users.evApprover);
    expect(users.users[0]).toMatchObject({
      first_name: expect.any(String),
      last_name: expect.any(String),
      email: expect.any(String),
    });
    const containers = await get('/container');
    expect(containers.containers).toHaveLength(2);
    expect(containers.containers[0]).toMatchObject({ id: 50001, parent_id: null, is_active: true });
    expect(containers.containers[1]).toMatchObject({ id: 50002, parent_id: 50001 });
    const children = await get(`/container/${SEED_IDS.containers.parent}/children`);
    expect(children.containers.map((c: { id: number }) => c.id)).toEqual([SEED_IDS.containers.child]);
    const meta = await get('/account/metadata');
    expect(meta.metadata).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 70001, is_required: true, is_active: true, data_type: 'text' }),
        expect.objectContaining({ id: 70002, is_required: false, data_type: 'int' }),
        expect.objectContaining({ id: 70003, is_active: false }),
      ]),
    );
  });

  it('products, with hash types as {id, name} objects and server platforms', async () => {
    const list = await get('/product');
    expect(list.products.map((p: { name_id: string }) => p.name_id)).toEqual(
      expect.arrayContaining([
        'ssl_ev_securesite_pro',
        'ssl_securesite_pro',
        'ssl_basic',
        'ssl_ev_basic',
        'ssl_securesite_flex',
        'ssl_ev_securesite_flex',
      ]),
    );
    const p = await get('/product/ssl_ev_securesite_pro');
    expect(p.signature_hash_types.allowed_hash_types).toContainEqual({ id: 'sha256', name: 'SHA-256' });
    expect(p.signature_hash_types.default_hash_type_id).toBe('sha256');
    expect(p.server_platforms[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
    const basic = await get('/product/ssl_basic');
    expect(basic.signature_hash_types.allowed_hash_types).toEqual([{ id: 'sha256', name: 'SHA-256' }]);
  });

  it('one order, and 404 not_found|order for an unknown one', async () => {
    const o = await get('/order/certificate/10000001');
    expect(o).toMatchObject({
      id: 10000001,
      status: 'issued',
      product: { name_id: 'ssl_ev_securesite_pro' },
      organization: { id: SEED_IDS.organizations.ev },
      certificate: {
        common_name: 'shop.example.com',
        valid_till: '2026-06-06',
        days_remaining: 5,
        signature_hash: 'sha256',
      },
      is_renewed: false,
    });
    expect(o.certificate.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    const missing = await sandboxRequest(sb.port, 'GET', '/services/v2/order/certificate/999', {
      key: ADMIN,
    });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ errors: { code: 'not_found|order', message: 'Order not found.' } });
    expect((await get('/order/certificate/10000009')).is_renewed).toBe(true);
  });

  it('order list with filters, sort and paging', async () => {
    const all = await get('/order/certificate');
    expect(all.page).toEqual({ total: 11, limit: 1000, offset: 0 });
    const pending = await get('/order/certificate?filters[status]=pending');
    expect(pending.orders.map((o: { id: number }) => o.id)).toEqual([10000008]);
    const ev = await get('/order/certificate?filters[product_name_id]=ssl_ev_basic');
    expect(ev.orders).toHaveLength(1);
    const soon = await get(
      '/order/certificate?filters[status]=issued&filters[days_remaining]=0...30&sort=valid_till',
    );
    expect(soon.orders.map((o: { id: number }) => o.id)).toEqual([
      10000001, 10000009, 10000002, 10000003, 10000004,
    ]);
    const paged = await get('/order/certificate?sort=-id&offset=2&limit=3');
    expect(paged.orders.map((o: { id: number }) => o.id)).toEqual([10000009, 10000008, 10000007]);
    expect(paged.page).toEqual({ total: 11, limit: 3, offset: 2 });
    const byDate = await get('/order/certificate?filters[valid_till]=<2026-06-20');
    expect(byDate.orders.map((o: { id: number }) => o.id)).toEqual([10000001, 10000002, 10000009, 10000011]);
  });

  it('expiring report, alternate-id lookup and download', async () => {
    const report = await get('/report/order/expiring');
    expect(report.expiring_orders).toEqual([
      { days_expiring: 90, order_count: 1 },
      { days_expiring: 60, order_count: 1 },
      { days_expiring: 30, order_count: 4 },
      { days_expiring: -7, order_count: 1 },
    ]);
    const alt = await get('/order/alternate/nothing-here');
    expect(alt).toEqual({ page: { total: 0, limit: 1000, offset: 0 } });
    for (const format of ['pem_all', 'pem_noroot', 'p7b']) {
      const res = await sandboxRequest(
        sb.port,
        'GET',
        `/services/v2/certificate/30000001/download/format/${format}`,
        { key: ADMIN },
      );
      expect(res.status).toBe(200);
      expect(res.text).toMatch(format === 'p7b' ? /BEGIN PKCS7/ : /^-----BEGIN CERTIFICATE-----/);
    }
    const all = await sandboxRequest(
      sb.port,
      'GET',
      '/services/v2/certificate/30000001/download/format/pem_all',
      { key: ADMIN },
    );
    expect(all.text.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
  });

  it('serves both CertCentral hosts alike and logs the Host header', async () => {
    const eu = await sandboxRequest(sb.port, 'GET', '/services/v2/user/me', {
      key: ADMIN,
      host: 'certcentral.digicert.eu',
    });
    expect(eu.status).toBe(200);
    expect(sb.requestLog.at(-1)?.host).toBe('certcentral.digicert.eu');
  });
});
