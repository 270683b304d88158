// The sandbox's validation follow-through (dcv.ts), checked against what DigiCert's pages state
// (docs/certcentral-api.md "Validation follow-through"), not against the client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, sandboxRequest, validEvOrderBody } from './client';
import { SEED_IDS } from './seed';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
let sb: Sandbox;
let csr: string;

const api = (method: string, path: string, body?: unknown) =>
  // Every call sends Content-Type: application/json, a body or not (docs/certcentral-api.md "Transport").
  sandboxRequest(sb.port, method, `/services/v2${path}`, {
    key: ADMIN,
    body,
    headers: { 'content-type': 'application/json' },
  });
const control = (method: string, path: string, body?: unknown) =>
  sandboxRequest(sb.port, method, `/__sandbox${path}`, { body });

async function placeOv(extra: Record<string, unknown> = {}, names: string[] = []): Promise<number> {
  const base = validEvOrderBody(csr, 'app.example.com');
  const body = {
    ...base,
    certificate: { ...(base.certificate as object), dns_names: ['app.example.com', ...names] },
    organization: { id: SEED_IDS.organizations.ov },
    ...extra,
  };
  const res = await api('POST', '/order/certificate/ssl_securesite_pro', body);
  expect(res.status, res.text).toBe(201);
  return (res.json as { id: number }).id;
}

async function placeEv(): Promise<number> {
  const res = await api('POST', '/order/certificate/ssl_ev_securesite_pro', validEvOrderBody(csr));
  expect(res.status, res.text).toBe(201);
  return (res.json as { id: number }).id;
}

const statusOf = async (id: number) =>
  ((await api('GET', `/order/certificate/${id}`)).json as { status: string }).status;

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  csr = await makeTestCsr('app.example.com');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('order DCV random value (PUT …/dcv-random-value)', () => {
  it('gives the same value while valid and a new one 30 days on', async () => {
    const id = await placeOv();
    const first = await api('PUT', `/order/certificate/${id}/dcv-random-value`);
    expect(first.status).toBe(200);
    const v1 = first.json as { dcv_random_value: string; expiration_date: string };
    expect(v1.dcv_random_value).toMatch(/^[0-9a-f]{32}$/);
    expect(v1.expiration_date).toBe('2026-07-01T12:00:00Z');
    expect((await api('PUT', `/order/certificate/${id}/dcv-random-value`)).json).toEqual(v1);
    const moved = await control('POST', '/clock', { advance_days: 30 });
    expect(moved.json).toMatchObject({ now: '2026-07-01T12:00:00.000Z', offset_ms: 30 * 86_400_000 });
    const second = (await api('PUT', `/order/certificate/${id}/dcv-random-value`)).json as typeof v1;
    expect(second.dcv_random_value).not.toBe(v1.dcv_random_value);
    expect(second.expiration_date).toBe('2026-07-31T12:00:00Z');
  });

  it('refuses an email order and an unknown order', async () => {
    const id = await placeOv({ dcv_method: 'email' });
    const res = await api('PUT', `/order/certificate/${id}/dcv-random-value`);
    expect(res.status).toBe(400);
    expect((await api('PUT', '/order/certificate/99999/dcv-random-value')).status).toBe(404);
  });
});

describe('check DCV (PUT …/check-dcv) and the order status', () => {
  it('passes a domain only once its value is published, then issues the order', async () => {
    const id = await placeOv({}, ['www.app.example.com']);
    const token = (await api('PUT', `/order/certificate/${id}/dcv-random-value`)).json as {
      dcv_random_value: string;
    };
    let res = await api('PUT', `/order/certificate/${id}/check-dcv`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      order_status: 'pending',
      certificate_id: expect.any(Number),
      dcv_status: 'pending',
      dns_name_validations: [
        { dns_name: 'app.example.com', status: 'pending' },
        { dns_name: 'www.app.example.com', status: 'pending' },
      ],
    });
    await control('POST', `/orders/${id}/dcv/publish`, { domain: 'app.example.com' });
    res = await api('PUT', `/order/certificate/${id}/check-dcv`);
    expect((res.json as { dns_name_validations: unknown[] }).dns_name_validations).toEqual([
      { dns_name: 'app.example.com', status: 'approved' },
      { dns_name: 'www.app.example.com', status: 'pending' },
    ]);
    expect(await statusOf(id)).toBe('pending');
    await control('POST', `/orders/${id}/dcv/publish`, {
      domain: 'www.app.example.com',
      value: token.dcv_random_value,
    });
    res = await api('PUT', `/order/certificate/${id}/check-dcv`);
    expect(res.json).toMatchObject({ order_status: 'issued', dcv_status: 'valid' });
    expect(await statusOf(id)).toBe('issued');
    // No longer pending: nothing left to check.
    expect((await api('PUT', `/order/certificate/${id}/check-dcv`)).status).toBe(400);
  });

  it('an expired value published does not pass', async () => {
    const id = await placeOv();
    await control('POST', '/clock', { advance_days: 31 });
    await control('POST', `/orders/${id}/dcv/publish`, { domain: 'app.example.com' });
    const res = await api('PUT', `/order/certificate/${id}/check-dcv`);
    expect(res.json).toMatchObject({
      dns_name_validations: [{ dns_name: 'app.example.com', status: 'pending' }],
    });
    const fresh = (await api('PUT', `/order/certificate/${id}/dcv-random-value`)).json as {
      dcv_random_value: string;
    };
    await control('POST', `/orders/${id}/dcv/publish`, {
      domain: 'app.example.com',
      value: fresh.dcv_random_value,
    });
    expect((await api('PUT', `/order/certificate/${id}/check-dcv`)).json).toMatchObject({
      order_status: 'issued',
    });
  });

  it('http-token: 400 file_random_value_not_found while a value is missing', async () => {
    const id = await placeOv({ dcv_method: 'http-token' });
    const res = await api('PUT', `/order/certificate/${id}/check-dcv`);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      errors: [
        {
          code: 'file_random_value_not_found',
          message: 'Could not find the random value at the expected file location for one or more domains.',
        },
      ],
    });
  });

  it('a subset check answers for the named domains only', async () => {
    const id = await placeOv({}, ['www.app.example.com']);
    const res = await api('PUT', `/order/certificate/${id}/check-dcv`, {
      dns_name_validations: [{ dns_name: 'www.app.example.com' }],
    });
    expect(res.json).toMatchObject({
      dns_name_validations: [{ dns_name: 'www.app.example.com', status: 'pending' }],
    });
  });

  it('EV: domains validated still wait for the EV approver, then issue', async () => {
    const id = await placeEv();
    await control('POST', `/orders/${id}/dcv/publish`, { domain: 'secure.example.com' });
    await api('PUT', `/order/certificate/${id}/check-dcv`);
    expect(await statusOf(id)).toBe('pending');
    const v = (await api('GET', `/order/certificate/${id}/validation`)).json as Record<string, unknown>;
    expect(v).toMatchObject({
      order_id: String(id),
      order_status: 'pending',
      order_dcv_method: 'dns-txt-token',
      organization_validations: [
        { type: 'ev', status: 'active', verified_contacts: [{ status: 'pending', user_id: '100002' }] },
      ],
      dns_name_validations: [
        { name_scope: 'secure.example.com', status: 'approved', method: 'dns-txt-token' },
      ],
    });
    expect((await control('POST', `/orders/${id}/validation`, { ev_approval: 'approved' })).status).toBe(200);
    expect(await statusOf(id)).toBe('issued');
  });

  it('organization validation pending holds an OV order', async () => {
    const id = await placeOv();
    await control('POST', `/orders/${id}/validation`, { organization: 'pending' });
    await control('POST', `/orders/${id}/dcv/publish`, { domain: 'app.example.com' });
    await api('PUT', `/order/certificate/${id}/check-dcv`);
    const v = (await api('GET', `/order/certificate/${id}/validation`)).json as Record<string, unknown>;
    expect(v).toMatchObject({
      organization_validations: [
        { type: 'ov', status: 'pending', date_created: null, validated_until: null },
      ],
    });
    expect(await statusOf(id)).toBe('pending');
    await control('POST', `/orders/${id}/validation`, { organization: 'validated' });
    expect(await statusOf(id)).toBe('issued');
  });
});

describe('method change and email resends', () => {
  it('dcv-method: 204 for email, 200 with the value for a token method, 400 for nonsense', async () => {
    const id = await placeOv();
    expect((await api('PUT', `/order/certificate/${id}/dcv-method`, { dcv_method: 'email' })).status).toBe(
      204,
    );
    const back = await api('PUT', `/order/certificate/${id}/dcv-method`, { dcv_method: 'dns-cname-token' });
    expect(back.status).toBe(200);
    expect(Object.keys(back.json as object).sort()).toEqual(['dcv_random_value', 'expiration_date']);
    expect(
      (await api('PUT', `/order/certificate/${id}/dcv-method`, { dcv_method: 'carrier-pigeon' })).status,
    ).toBe(400);
    expect((await api('PUT', `/order/certificate/${id}/dcv-method`, {})).status).toBe(400);
  });

  it('resend-emails records each resend; email approval validates the domain', async () => {
    const id = await placeOv({ dcv_method: 'email' });
    const body = {
      domain_approval_emails: [{ domain: 'app.example.com', email: 'admin@example.com' }],
      locale: 'en',
    };
    expect((await api('PUT', `/order/certificate/${id}/resend-emails`)).status).toBe(204);
    expect((await api('PUT', `/order/certificate/${id}/resend-emails`, body)).status).toBe(204);
    expect(
      (await api('PUT', `/order/certificate/${id}/resend-emails`, { domain_approval_emails: 'x' })).status,
    ).toBe(400);
    const dcv = (await control('GET', `/orders/${id}/dcv`)).json as { emailResends: { body: unknown }[] };
    expect(dcv.emailResends.map((r) => r.body)).toEqual([{}, body]);
    await control('POST', `/orders/${id}/dcv/email-approve`, { domain: 'app.example.com' });
    expect(await statusOf(id)).toBe('issued');
  });

  it('order-approval resend accepts only verified contacts', async () => {
    const id = await placeEv();
    const path = `/order/certificate/${id}/order-approval/resend-emails`;
    expect((await api('PUT', path, { emails: ['evan.approver@example.com'] })).status).toBe(204);
    expect((await api('PUT', path, { emails: ['someone@else.example'] })).status).toBe(400);
    expect((await api('PUT', path, {})).status).toBe(400);
  });
});

describe('domain-level calls and the seed', () => {
  it('check domain DCV (PUT /domain/{id}/dcv/validate-token) answers {token, status}', async () => {
    const id = await placeOv();
    const v = (await api('GET', `/order/certificate/${id}/validation`)).json as {
      dns_name_validations: { domain_id: string }[];
    };
    const domainId = v.dns_name_validations[0]?.domain_id;
    let res = await api('PUT', `/domain/${domainId}/dcv/validate-token`);
    expect(res.json).toMatchObject({ status: 'pending', token: expect.any(String) });
    const token = (res.json as { token: string }).token;
    await control('POST', `/orders/${id}/dcv/publish`, { domain: 'app.example.com', value: token });
    res = await api('PUT', `/domain/${domainId}/dcv/validate-token`);
    expect(res.json).toMatchObject({ status: 'approved', token });
    expect(await statusOf(id)).toBe('issued');
    expect(
      (await api('PUT', `/domain/${domainId}/dcv/emails`, { name_scope: 'app.example.com' })).status,
    ).toBe(204);
    expect((await api('PUT', '/domain/1/dcv/emails', {})).status).toBe(404);
  });

  it('the pending seed order waits on DNS TXT and its EV approver; issued orders list no domains', async () => {
    const v = (await api('GET', `/order/certificate/${SEED_IDS.pending}/validation`)).json as Record<
      string,
      unknown
    >;
    expect(v).toMatchObject({
      order_status: 'pending',
      order_dcv_method: 'dns-txt-token',
      dns_name_validations: [{ name_scope: 'login.example.com', status: 'pending' }],
    });
    const issued = (await api('GET', '/order/certificate/10000002/validation')).json as Record<
      string,
      unknown
    >;
    expect(issued.order_status).toBe('issued');
    expect(issued).not.toHaveProperty('dns_name_validations');
  });

  it('base_domain scope validates the base domain once for its names', async () => {
    const id = await placeOv({ certificate_dcv_scope: 'base_domain' }, ['www.app.example.com']);
    const v = (await api('GET', `/order/certificate/${id}/validation`)).json as Record<string, unknown>;
    expect(v).toMatchObject({
      order_name_scope: 'base_domain',
      dns_name_validations: [
        { name_scope: 'example.com', dns_names: ['app.example.com', 'www.app.example.com'] },
      ],
    });
  });

  it('the clock: GET shows it, set moves it, reset puts it back', async () => {
    await control('POST', '/clock', { set: '2026-06-11T12:00:00Z' });
    expect((await control('GET', '/clock')).json).toEqual({
      now: '2026-06-11T12:00:00.000Z',
      offset_ms: 10 * 86_400_000,
    });
    expect((await control('POST', '/clock', { advance_days: 'x' })).status).toBe(400);
    await control('POST', '/reset');
    expect((await control('GET', '/clock')).json).toMatchObject({ offset_ms: 0 });
  });
});
