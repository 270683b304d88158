// Not a recorded-body test: no public client recorded answers of the validation calls, so this runs
// the client's validation functions (lib/certcentral/validation.ts) against the sandbox, whose
// validation model is written from DigiCert's pages (tests/sandbox/dcv.ts), to show the two read the
// same documented shapes: a DNS TXT order goes from "waiting on its domains" to issued.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransport, type FetchLike, type Transport } from '../../lib/certcentral';
import { noWait } from '../../lib/certcentral/testing/fake-fetch';
import {
  changeDcvMethod,
  checkOrderDcv,
  getDcvRandomValue,
  getOrderValidation,
  resendDcvEmails,
} from '../../lib/certcentral/validation';
import { whatIsLeft } from '../../lib/certcentral/validation-reading';
import { ADMIN, makeTestCsr, sandboxRequest, validEvOrderBody } from '../sandbox/client';
import { SEED_IDS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';

let sb: Sandbox;
let t: Transport;
let csr: string;

/** A fetch that sends the transport's request to the sandbox (self-signed, on loopback). */
const toSandbox: FetchLike = async (input, init) => {
  const url = new URL(input);
  const headers = init.headers as Record<string, string>;
  const res = await sandboxRequest(sb.port, init.method ?? 'GET', `${url.pathname}${url.search}`, {
    key: headers['X-DC-DEVKEY'],
    ...(typeof init.body === 'string' ? { body: init.body } : {}),
    headers: { 'content-type': headers['Content-Type'] ?? '' },
  });
  return new Response(res.status === 204 ? null : res.text, {
    status: res.status,
    headers: { 'content-type': 'application/json' },
  });
};

beforeAll(async () => {
  sb = await startSandbox({ now: () => new Date('2026-06-01T12:00:00Z') });
  csr = await makeTestCsr('app.example.com');
  t = createTransport({ apiKey: ADMIN, region: 'us', fetch: toSandbox, limiter: noWait });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

async function placeOvOrder(): Promise<number> {
  const base = validEvOrderBody(csr, 'app.example.com');
  const res = await sandboxRequest(sb.port, 'POST', '/services/v2/order/certificate/ssl_securesite_pro', {
    key: ADMIN,
    body: { ...base, organization: { id: SEED_IDS.organizations.ov } },
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as { id: number }).id;
}

describe('the validation client against the sandbox', () => {
  it('follows a DNS TXT order from waiting on its domain to issued', async () => {
    const id = await placeOvOrder();
    const before = await getOrderValidation(t, id);
    expect(before.order_status).toBe('pending');
    expect(whatIsLeft(before)).toMatchObject({
      domains: [{ label: 'app.example.com', method: 'dns-txt-token', status: 'pending' }],
      organization: [],
      unreadable: 0,
    });
    const value = await getDcvRandomValue(t, id);
    expect(value.expiration_date).toBe('2026-07-01T12:00:00Z');
    expect(await checkOrderDcv(t, id)).toMatchObject({ kind: 'checked', answer: { dcv_status: 'pending' } });
    await sandboxRequest(sb.port, 'POST', `/__sandbox/orders/${id}/dcv/publish`, {
      body: { domain: 'app.example.com', value: value.dcv_random_value },
    });
    expect(await checkOrderDcv(t, id)).toMatchObject({
      kind: 'checked',
      answer: { order_status: 'issued', dcv_status: 'valid' },
    });
    expect(whatIsLeft(await getOrderValidation(t, id)).domains).toEqual([]);
  });

  it('http-token not found is an outcome; email needs no value; resends go through', async () => {
    const id = await placeOvOrder();
    expect(await changeDcvMethod(t, id, 'http-token')).toMatchObject({
      dcv_random_value: expect.any(String),
    });
    expect(await checkOrderDcv(t, id)).toMatchObject({
      kind: 'value-not-found',
      code: 'file_random_value_not_found',
    });
    expect(await changeDcvMethod(t, id, 'email')).toBeUndefined();
    await resendDcvEmails(t, id, { locale: 'en' });
    const dcv = (await sandboxRequest(sb.port, 'GET', `/__sandbox/orders/${id}/dcv`)).json as {
      emailResends: { body: unknown }[];
    };
    expect(dcv.emailResends.map((r) => r.body)).toEqual([{ locale: 'en' }]);
  });

  it('the EV seed order waits on its domain and its EV approver', async () => {
    const left = whatIsLeft(await getOrderValidation(t, SEED_IDS.pending));
    expect(left.domains.map((d) => d.label)).toEqual(['login.example.com']);
    expect(left.approvers).toEqual([
      expect.objectContaining({ email: 'evan.approver@example.com', status: 'pending' }),
    ]);
  });
});
