import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, sandboxRequest } from './client';
import { SEED_IDS } from './seed';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
let sb: Sandbox;
let csr: string;
const reissue = (id: number, body: unknown) =>
  sandboxRequest(sb.port, 'POST', `/services/v2/order/certificate/${id}/reissue`, { key: ADMIN, body });
const certificate = (extra: Record<string, unknown> = {}) => ({
  certificate: {
    common_name: 'www.example.org',
    dns_names: ['www.example.org'],
    csr,
    signature_hash: 'sha256',
    server_platform: { id: 45 },
    ...extra,
  },
});
const codes = (json: unknown) => (json as { errors: { code: string }[] }).errors.map((e) => e.code);

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  csr = await makeTestCsr('www.example.org');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('seed orders for renewal', () => {
  it('issued orders carry their CSR; the 3-year plan outlasts its certificate, one-year plans do not', async () => {
    const get = (id: number) =>
      sandboxRequest(sb.port, 'GET', `/services/v2/order/certificate/${id}`, { key: ADMIN });
    const multi = (await get(SEED_IDS.multiYear)).json as {
      order_valid_till: string;
      certificate: { valid_till: string; csr: string };
    };
    expect(multi.certificate.csr).toContain('BEGIN CERTIFICATE REQUEST');
    expect(multi.order_valid_till > multi.certificate.valid_till).toBe(true);
    const single = (await get(10000001)).json as {
      order_valid_till: string;
      certificate: { valid_till: string };
    };
    expect(single.order_valid_till).toBe(single.certificate.valid_till);
  });
});

describe('POST /order/certificate/{id}/reissue', () => {
  it('creates a reissue request on the same order and logs it', async () => {
    const res = await reissue(SEED_IDS.multiYear, certificate());
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: SEED_IDS.multiYear, requests: [{ id: 20001001, status: 'pending' }] });
    const order = sb.state.orders.find((o) => o.id === SEED_IDS.multiYear);
    expect(order?.status).toBe('reissue_pending');
    expect(order?.reissues).toEqual([{ request_id: 20001001, at: T0.toISOString(), body: certificate() }]);
    expect(sb.state.orders).toHaveLength(11); // no new order
    expect(sb.requestLog.at(-1)).toMatchObject({ method: 'POST', status: 201, body: certificate() });
    const again = await reissue(SEED_IDS.multiYear, certificate());
    expect(codes(again.json)).toEqual(['reissue_pending']);
  });

  it.each([
    // Thunks: the CSR is made in beforeAll, after the table is built.
    ['an unparseable CSR', () => certificate({ csr: 'nope' }), ['csr_invalid_cannot_parse']],
    [
      'a bad host name',
      () => certificate({ common_name: 'bad_host..org' }),
      ['invalid_value:certificate.common_name'],
    ],
    [
      'a wildcard on EV',
      () => certificate({ dns_names: ['*.example.org'] }),
      ['invalid_value:certificate.common_name'],
    ],
    [
      'a hash the product lacks',
      () => certificate({ signature_hash: 'sha512' }),
      ['invalid_value:certificate.signature_hash'],
    ],
    ['no certificate', () => ({}), ['missing_param:certificate']],
  ])('refuses %s', async (_name, body, expected) => {
    const res = await reissue(SEED_IDS.multiYear, body());
    expect(res.status).toBe(400);
    expect(codes(res.json)).toEqual(expected);
    expect(sb.state.orders.find((o) => o.id === SEED_IDS.multiYear)?.status).toBe('issued');
  });

  it('an order sent with order_valid_till null is covered until its certificate ends', async () => {
    const res = await reissue(SEED_IDS.orderValidTillNull, certificate({ common_name: 'vpn.example.com' }));
    expect(res.status).toBe(201);
    // Its end stays null in the answers; the certificate's end is the coverage.
    expect(sb.state.orders.find((o) => o.id === SEED_IDS.orderValidTillNull)?.order_valid_till).toBeNull();
  });

  it('refuses orders that are not issued, and unknown ones', async () => {
    expect(codes((await reissue(SEED_IDS.pending, certificate())).json)).toEqual(['order_not_issued']);
    expect((await reissue(99, certificate())).status).toBe(404);
  });
});
