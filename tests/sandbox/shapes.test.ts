// The harsher shapes of real CertCentral answers: null optional fields, empty lists without their
// array, and errors in the older object form.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, sandboxRequest, VIEW_ONLY, validEvOrderBody } from './client';
import { SEED_IDS } from './seed';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
let sb: Sandbox;
let csr: string;
const call = (method: string, path: string, body?: unknown, key: string = ADMIN) =>
  sandboxRequest(sb.port, method, `/services/v2${path}`, { key, ...(body === undefined ? {} : { body }) });
// biome-ignore lint/suspicious/noExplicitAny: shape checks on JSON answers
const get = async (path: string, key: string = ADMIN): Promise<any> => {
  const res = await call('GET', path, undefined, key);
  expect(res.status, path).toBe(200);
  return res.json;
};
// biome-ignore lint/suspicious/noExplicitAny: shape checks on JSON answers
const row = async (id: number): Promise<any> =>
  (await get('/order/certificate')).orders.find((o: { id: number }) => o.id === id);

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  csr = await makeTestCsr('secure.example.com');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('null where DigiCert sends null', () => {
  it('a pending order: certificate facts, renewed_order_id, alternative_order_id and notifications', async () => {
    const o = await get(`/order/certificate/${SEED_IDS.pending}`);
    expect(o.certificate).toMatchObject({
      thumbprint: null,
      serial_number: null,
      valid_from: null,
      valid_till: null,
      days_remaining: null,
    });
    expect(o).toMatchObject({
      renewed_order_id: null,
      alternative_order_id: null,
      disable_renewal_notifications: null,
      order_valid_till: '2027-05-31',
      product: { validation_type: 'ev' },
    });
    expect((await row(SEED_IDS.pending)).certificate).toMatchObject({
      valid_from: null,
      valid_till: null,
      days_remaining: null,
    });
    expect((await row(SEED_IDS.pending)).alternative_order_id).toBeNull();
  });

  it('renewed_order_id: null, 0 on 10000002, the renewal on 10000009 (details and list)', async () => {
    for (const [id, expected] of [
      [10000001, null],
      [SEED_IDS.renewedOrderIdZero, 0],
      [SEED_IDS.renewed, 10000010],
    ] as const) {
      expect((await get(`/order/certificate/${id}`)).renewed_order_id, `order ${id}`).toBe(expected);
      expect((await row(id)).renewed_order_id, `row ${id}`).toBe(expected);
    }
  });

  it('order_valid_till null on the single-year order 10000007, which still has its certificate', async () => {
    const o = await get(`/order/certificate/${SEED_IDS.orderValidTillNull}`);
    expect(o).toMatchObject({ order_valid_till: null, validity_years: 1, status: 'issued' });
    expect(o.certificate.valid_till).toBe('2026-11-08');
    expect((await row(SEED_IDS.orderValidTillNull)).order_valid_till).toBeNull();
  });

  it('extra fields DigiCert sends are present (the client must ignore them)', async () => {
    const o = await get('/order/certificate/10000001');
    expect(o).toMatchObject({
      public_id: expect.stringMatching(/^[0-9A-F]{32}$/),
      receipt_id: expect.any(Number),
      allow_duplicates: false,
      cs_provisioning_method: 'none',
    });
    expect((await row(10000001)).price).toBe(0);
  });

  it('a placed order keeps its own values and null for the rest', async () => {
    const body = { ...validEvOrderBody(csr), disable_renewal_notifications: true };
    expect((await call('POST', '/order/certificate/ssl_ev_securesite_pro', body)).status).toBe(201);
    const o = await get('/order/certificate/10001001');
    expect(o).toMatchObject({
      alternative_order_id: 'test-0001',
      disable_renewal_notifications: true,
      renewed_order_id: null,
      certificate: { thumbprint: null, valid_till: null },
    });
  });

  it('users without job title or telephone, and the top container without parent', async () => {
    expect(await get(`/user/${SEED_IDS.users.viewer}`)).toMatchObject({ job_title: null, telephone: null });
    expect(await get('/user/me', VIEW_ONLY)).toMatchObject({ job_title: null, telephone: null });
    expect(await get(`/user/${SEED_IDS.users.tech}`)).toMatchObject({
      job_title: 'Web Engineer',
      telephone: null,
    });
    expect((await get(`/container/${SEED_IDS.containers.parent}`)).parent_id).toBeNull();
  });
});

describe('an empty list leaves its array out', () => {
  it('order list: no match, or an offset past the end', async () => {
    const none = await call('GET', '/order/certificate?filters[status]=revoked');
    expect(none.status).toBe(200);
    expect(none.text).toBe('{"page":{"total":0,"limit":1000,"offset":0}}');
    expect(await get('/order/certificate?offset=50')).toEqual({
      page: { total: 11, limit: 1000, offset: 50 },
    });
  });

  it('alternate-id lookup and container children', async () => {
    expect((await call('GET', '/order/alternate/none-such')).text).toBe(
      '{"page":{"total":0,"limit":1000,"offset":0}}',
    );
    expect(await get(`/container/${SEED_IDS.containers.child}/children`)).toEqual({});
  });
});

describe('errors in the older object form', () => {
  it('GET an unknown order: 404 {"errors":{...}}', async () => {
    for (const id of ['999', 'abc']) {
      const res = await call('GET', `/order/certificate/${id}`);
      expect(res.status).toBe(404);
      expect(res.text).toBe('{"errors":{"code":"not_found|order","message":"Order not found."}}');
    }
  });

  it('POST with an unknown organization: that error alone, as an object; nothing stored', async () => {
    const org = { id: 69999, contacts: [] };
    for (const body of [
      { ...validEvOrderBody(csr), organization: org },
      { ...validEvOrderBody(csr), organization: org, certificate: { common_name: 'x' } },
    ]) {
      const res = await call('POST', '/order/certificate/ssl_ev_securesite_pro', body);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        errors: {
          code: 'invalid_value:organization.id',
          message: 'organization.id 69999 is not an organization of this account.',
        },
      });
    }
    expect(sb.state.orders).toHaveLength(11);
  });

  it('POST to an unknown product: 404 as an object', async () => {
    const res = await call('POST', '/order/certificate/ssl_nope', validEvOrderBody(csr));
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ errors: { code: 'not_found|product', message: 'Unknown product ssl_nope.' } });
  });

  it('other errors stay lists: a deactivated organization, cancel or reissue of an unknown order', async () => {
    const body = { ...validEvOrderBody(csr), organization: { id: SEED_IDS.organizations.inactive } };
    const inactive = await call('POST', '/order/certificate/ssl_basic', body);
    expect(inactive.json).toMatchObject({ errors: [{ code: 'invalid_value:organization.id' }] });
    const cancel = await call('PUT', '/order/certificate/999/status', { status: 'canceled', note: 'x' });
    expect(cancel.json).toEqual({ errors: [{ code: 'not_found|order', message: 'Order not found.' }] });
    const reissue = await call('POST', '/order/certificate/999/reissue', {});
    expect(reissue.json).toEqual({ errors: [{ code: 'not_found|order', message: 'Order not found.' }] });
  });
});
