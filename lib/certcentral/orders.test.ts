import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCertCentralError } from './errors';
import {
  cancelOrder,
  downloadCertificate,
  findOrdersByAlternativeId,
  getExpiringOrdersReport,
  getOrder,
  listAllOrders,
  listOrders,
  placeOrder,
} from './orders';
import {
  fixture,
  fixtureReply,
  json,
  noWait,
  type Reply,
  scriptedFetch,
  TEST_KEY,
} from './testing/fake-fetch';
import { createTransport } from './transport';

function client(replies: Reply[]) {
  const fetch = scriptedFetch(...replies);
  const t = createTransport({
    apiKey: TEST_KEY,
    region: 'us',
    fetch,
    limiter: noWait,
    sleep: async () => {},
  });
  return { t, fetch, urls: () => fetch.calls.map((c) => `${c.method} ${c.url}`) };
}
const US = 'https://www.digicert.com/services/v2';

describe('getOrder', () => {
  it.each(['order.json', 'ssl_ev_order.json'])('parses %s', async (name) => {
    const { t, urls } = client([fixtureReply(name)]);
    const order = await getOrder(t, 123456789);
    expect(order).toMatchObject({
      id: 123456789,
      status: 'approved',
      is_renewed: false,
      renewed_order_id: 0,
    });
    expect(order.certificate).toMatchObject({
      id: 112358,
      common_name: 'digicert.com',
      signature_hash: 'sha256',
    });
    expect(order.certificate?.server_platform).toMatchObject({ id: 45, name: 'nginx' });
    expect(order.product?.name_id).toMatch(/^ssl_/);
    expect(order.container).toMatchObject({ id: 5 });
    expect(urls()).toEqual([`GET ${US}/order/certificate/123456789`]);
  });

  it('names a missing status, which follow-up cannot do without', async () => {
    const body = JSON.parse(fixture('order.json'));
    delete body.status;
    const { t } = client([json(200, body)]);
    await expect(getOrder(t, 1)).rejects.toMatchObject({
      kind: 'invalid-response',
      message: expect.stringContaining('status'),
    });
  });

  it('reads an order whose renewal and alternative ids are null, keeping unknown fields', async () => {
    const body = {
      ...JSON.parse(fixture('order.json')),
      renewed_order_id: null,
      alternative_order_id: null,
      certificate: { common_name: 'a.example', thumbprint: null, valid_till: null, dns_names: null },
      container: null,
      price: 12,
    };
    const { t } = client([json(200, body)]);
    const order = await getOrder(t, 1);
    expect(order).toMatchObject({ id: 123456789, status: 'approved', price: 12 });
    expect(order.renewed_order_id).toBeUndefined();
    expect(order.alternative_order_id).toBeUndefined();
    expect(order.container).toBeUndefined();
    expect(order.certificate?.valid_till).toBeUndefined();
  });

  it('accepts unknown statuses', async () => {
    const body = { ...JSON.parse(fixture('order.json')), status: 'some_new_status' };
    const { t } = client([json(200, body)]);
    expect((await getOrder(t, 1)).status).toBe('some_new_status');
  });

  it('turns not_found|order into an http error with the message', async () => {
    const { t } = client([json(404, { errors: [{ code: 'not_found|order', message: 'Order not found.' }] })]);
    const err = await getOrder(t, 9).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'http', status: 404, errors: [{ code: 'not_found|order' }] });
    expect(describeCertCentralError(err)).toContain('Order not found.');
  });
});

describe('listOrders', () => {
  it('parses orders.json (SHA256 casing, a row without valid_till)', async () => {
    const { t, urls } = client([fixtureReply('orders.json')]);
    const { orders, page } = await listOrders(t, {
      filters: { status: 'issued', valid_till: '2027-01-01', product_name_id: undefined },
      sort: '-valid_till',
      offset: 0,
      limit: 50,
    });
    expect(orders.map((o) => o.status)).toEqual(['issued', 'needs_approval', 'needs_approval']);
    expect(orders.map((o) => o.certificate?.signature_hash)).toEqual(['sha256', 'sha256', 'sha256']);
    expect(orders[2]?.certificate?.valid_till).toBeUndefined();
    expect(page).toEqual({ total: 1, limit: 1000, offset: 0 });
    expect(urls()).toEqual([
      `GET ${US}/order/certificate?filters[status]=issued&filters[valid_till]=2027-01-01&sort=-valid_till&offset=0&limit=50`,
    ]);
  });

  it('pages through everything with listAllOrders', async () => {
    const row = (id: number) => ({ id, status: 'issued' });
    const { t, urls } = client([
      json(200, { orders: [row(1), row(2)], page: { total: 3, limit: 2, offset: 0 } }),
      json(200, { orders: [row(3)], page: { total: 3, limit: 2, offset: 2 } }),
    ]);
    const all = await listAllOrders(t, { filters: { status: 'issued' }, pageSize: 2 });
    expect(all.items.map((o) => o.id)).toEqual([1, 2, 3]);
    expect(urls()).toEqual([
      `GET ${US}/order/certificate?filters[status]=issued&offset=0&limit=2`,
      `GET ${US}/order/certificate?filters[status]=issued&offset=2&limit=2`,
    ]);
  });

  it('stops on an empty page and at maxPages', async () => {
    const { t } = client([json(200, { orders: [], page: { total: 10, limit: 2, offset: 0 } })]);
    expect(await listAllOrders(t)).toEqual({ items: [], unreadable: [] });
    const again = client([
      json(200, { orders: [{ id: 1, status: 'x' }], page: { total: 99, limit: 1, offset: 0 } }),
    ]);
    expect((await listAllOrders(again.t, { maxPages: 1 })).items).toHaveLength(1);
  });

  it('reads an answer without an orders array as no orders', async () => {
    const { t } = client([json(200, { page: { total: 0, limit: 1000, offset: 0 } })]);
    expect(await listAllOrders(t)).toEqual({ items: [], unreadable: [] });
  });

  it('sets an unreadable row aside with its id and reason, keeping the others', async () => {
    const { t } = client([
      json(200, {
        orders: [{ id: 1, status: 'issued' }, { id: 2 }, 'junk', { id: 3, status: 'issued' }],
        page: { total: 4, limit: 1000, offset: 0 },
      }),
    ]);
    const all = await listAllOrders(t);
    expect(all.items.map((o) => o.id)).toEqual([1, 3]);
    expect(all.unreadable).toEqual([
      { index: 1, id: 2, reason: expect.stringContaining('status') },
      { index: 2, reason: expect.any(String) },
    ]);
  });

  it('stops after a short page when the answer gives no total', async () => {
    const { t, urls } = client([json(200, { orders: [{ id: 1, status: 'issued' }] })]);
    expect((await listAllOrders(t, { pageSize: 5 })).items).toHaveLength(1);
    expect(urls()).toHaveLength(1);
  });
});

describe('findOrdersByAlternativeId', () => {
  it('reads the orders placed with an alternative id, encoding it', async () => {
    const body = {
      orders: [{ order_id: 542772, certificate_id: 1, status: 'pending' }],
      page: { total: 1, limit: 0, offset: 0 },
    };
    const { t, urls } = client([json(200, body)]);
    expect((await findOrdersByAlternativeId(t, 'tpl-1/2')).orders).toEqual(body.orders);
    expect(urls()).toEqual([`GET ${US}/order/alternate/tpl-1%2F2`]);
  });

  it('answers none on 404 not_found but throws on not_found|route', async () => {
    const notFound = json(404, { errors: [{ code: 'not_found|order', message: 'Not found' }] });
    const noRoute = json(404, { errors: [{ code: 'not_found|route', message: 'No such endpoint' }] });
    const { t } = client([notFound, noRoute]);
    expect(await findOrdersByAlternativeId(t, 'a')).toEqual({ orders: [] });
    await expect(findOrdersByAlternativeId(t, 'a')).rejects.toMatchObject({ status: 404 });
  });

  it('answers none when the answer leaves the orders array out', async () => {
    const { t } = client([json(200, { page: { total: 0, limit: 1000, offset: 0 } })]);
    expect(await findOrdersByAlternativeId(t, 'a')).toEqual({ orders: [] });
  });

  it('is unsure, not "none", when an order in the answer cannot be read', async () => {
    const { t } = client([json(200, { orders: [{ order_id: 5 }] })]);
    await expect(findOrdersByAlternativeId(t, 'a')).rejects.toMatchObject({
      kind: 'invalid-response',
      message: expect.stringContaining('orders[0]'),
    });
  });
});

describe('placeOrder', () => {
  it('parses order_created.json and sends the body as given', async () => {
    const { t, fetch, urls } = client([fixtureReply('order_created.json', 201)]);
    const body = { certificate: { common_name: 'example.com' }, alternative_order_id: 'abc' };
    await expect(placeOrder(t, 'ssl_ev_securesite_pro', body)).resolves.toMatchObject({
      id: 542772,
      requests: { items: [{ id: 922432, status: 'pending' }], unreadable: [] },
    });
    expect(urls()).toEqual([`POST ${US}/order/certificate/ssl_ev_securesite_pro`]);
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual(body);
  });

  it('parses order_created_with_immediate_issuance.json', async () => {
    const { t } = client([fixtureReply('order_created_with_immediate_issuance.json', 201)]);
    const placed = await placeOrder(t, 'ssl_basic', {});
    expect(placed.certificate_id).toBe(456789123);
    expect(placed.requests.items[0]?.status).toBe('approved');
    expect(placed.certificate_chain.items.map((c) => c.subject_common_name)).toEqual([
      '*.ribosetest.com',
      'DigiCert SHA2 Secure Server CA',
      'DigiCert Global Root CA',
    ]);
    expect(placed.certificate_chain.items[0]?.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('explains a View Only key and is not retried', async () => {
    const denied = { errors: [{ code: 'access_denied|missing_permission', message: 'Permission denied' }] };
    const { t, fetch } = client([json(403, denied)]);
    const err = await placeOrder(t, 'ssl_basic', {}).catch((e: unknown) => e);
    expect(describeCertCentralError(err)).toMatch(/View Only.*Orders role/s);
    expect(err).toMatchObject({ retryable: false, outcomeUnknown: false });
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('other order calls', () => {
  it('cancels with PUT status canceled and a note (204)', async () => {
    const { t, fetch, urls } = client([new Response(null, { status: 204 })]);
    await expect(cancelOrder(t, 542772, 'Ordered by mistake')).resolves.toBeUndefined();
    expect(urls()).toEqual([`PUT ${US}/order/certificate/542772/status`]);
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      status: 'canceled',
      note: 'Ordered by mistake',
    });
  });

  it('reads the expiring report (expiring_orders.json)', async () => {
    const { t, urls } = client([fixtureReply('expiring_orders.json')]);
    const buckets = await getExpiringOrdersReport(t);
    expect(buckets.map((b) => [b.days_expiring, b.order_count])).toEqual([
      [90, 10],
      [60, 13],
      [30, 3],
      [-7, 1],
    ]);
    expect(urls()).toEqual([`GET ${US}/report/order/expiring`]);
  });

  it.each(['pem_all', 'pem_noroot', 'p7b'] as const)('downloads a certificate as %s text', async (format) => {
    const pem = '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n';
    const { t, urls } = client([new Response(pem, { status: 200 })]);
    expect(await downloadCertificate(t, 456789123, format)).toBe(pem);
    expect(urls()).toEqual([`GET ${US}/certificate/456789123/download/format/${format}`]);
  });
});

describe('fixtures', () => {
  it('are all parsed by some test in this folder', () => {
    const parsed = [
      'containers.json',
      'expiring_orders.json',
      'order.json',
      'order_created.json',
      'order_created_with_immediate_issuance.json',
      'orders.json',
      'organization.json',
      'organizations.json',
      'product.json',
      'products.json',
      'ssl_ev_order.json',
    ];
    const present = readdirSync(new URL('./testing/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(present.sort()).toEqual(parsed);
  });
});
