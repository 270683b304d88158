import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { CertCentralError } from '../certcentral/errors';
import { json } from '../certcentral/testing/fake-fetch';
import { setup } from '../certcentral/testing/transport-harness';
import { DOC_CHECK_DCV_TXT_NOT_FOUND, DOC_RANDOM_VALUE } from '../certcentral/testing/validation-bodies';
import { closePrivateStoreForTests } from '../storage/private-store';
import {
  changeMethod,
  checkDcvNow,
  newToken,
  refreshValidation,
  resendEmails,
  tokenExpired,
} from './actions';
import { readSnapshot } from './snapshot';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
});

const NOW = new Date('2026-06-10T12:00:00Z');
const noBody = () => new Response(null, { status: 204 });

/** A pending OV order with one DNS TXT domain, as GET …/validation answers it. */
function pendingTxt(status = 'pending', orderStatus = 'pending') {
  return {
    order_id: '1001',
    order_status: orderStatus,
    order_dcv_method: 'dns-txt-token',
    organization_validations: [
      { type: 'ov', status: 'active', validated_until: '2027-01-01T00:00:00+00:00' },
    ],
    dns_name_validations: [
      {
        domain_id: '77',
        name_scope: 'example.com',
        status,
        method: 'dns-txt-token',
        dns_names: ['example.com'],
      },
    ],
  };
}

/** A pending order whose two domains wait on the email method. */
function pendingEmail() {
  const domain = (id: string, name: string) => ({
    domain_id: id,
    name_scope: name,
    status: 'pending',
    method: 'email',
    dns_names: [name],
  });
  return {
    order_id: '1002',
    order_status: 'pending',
    order_dcv_method: 'email',
    dns_name_validations: [domain('81', 'a.example'), domain('82', 'b.example')],
  };
}

describe('refreshValidation: who DigiCert writes to', () => {
  it('asks once per email domain, keeps the addresses while the domain stays on email, and survives a failed read', async () => {
    const { t, fetch } = setup([
      json(200, pendingEmail()),
      json(200, {
        name_scope: 'a.example',
        base_emails: ['admin@a.example'],
        dns_txt_emails: ['ops@a.example'],
      }),
      json(404, { errors: [{ code: 'not_found|domain', message: 'Domain not found.' }] }),
      json(200, pendingEmail()),
      json(200, { name_scope: 'b.example', base_emails: ['admin@b.example'] }),
    ]);
    const deps = { transport: t, now: () => NOW, readEmails: true };
    const first = await refreshValidation(deps, 1002);
    expect(fetch.calls.map((c) => c.url.replace(/^.*\/services\/v2/, ''))).toEqual([
      '/order/certificate/1002/validation',
      '/domain/81/dcv/emails?consider_dcv_email_preferences=true',
      '/domain/82/dcv/emails?consider_dcv_email_preferences=true',
    ]);
    expect(first.domains.map((d) => [d.name, d.emails?.map((e) => `${e.source}:${e.address}`)])).toEqual([
      ['a.example', ['dns-txt:ops@a.example', 'constructed:admin@a.example']],
      ['b.example', undefined],
    ]);
    // The next read asks only for the domain whose addresses are not known yet.
    const second = await refreshValidation(deps, 1002);
    expect(fetch.calls.slice(3).map((c) => c.url.replace(/^.*\/services\/v2/, ''))).toEqual([
      '/order/certificate/1002/validation',
      '/domain/82/dcv/emails?consider_dcv_email_preferences=true',
    ]);
    expect(second.domains.map((d) => d.emails?.[0]?.address)).toEqual(['ops@a.example', 'admin@b.example']);
    expect((await readSnapshot(1002))?.domains[1]?.emails).toEqual([
      { address: 'admin@b.example', source: 'constructed' },
    ]);
  });
});

describe('refreshValidation without a person looking', () => {
  it('asks for no addresses, and keeps those read before', async () => {
    const { t, fetch } = setup([
      json(200, pendingEmail()),
      json(200, pendingEmail()),
      json(200, { base_emails: ['admin@a.example'] }),
      json(200, { base_emails: ['admin@b.example'] }),
      json(200, pendingEmail()),
    ]);
    const background = { transport: t, now: () => NOW };
    const first = await refreshValidation(background, 1002);
    expect(fetch.calls).toHaveLength(1);
    expect(first.domains.map((d) => d.emails)).toEqual([undefined, undefined]);
    await refreshValidation({ ...background, readEmails: true }, 1002);
    const later = await refreshValidation(background, 1002);
    expect(fetch.calls).toHaveLength(5);
    expect(later.domains.map((d) => d.emails?.[0]?.address)).toEqual(['admin@a.example', 'admin@b.example']);
  });
});

describe('refreshValidation', () => {
  it('reads the state, asks for the value once, and keeps it as the snapshot', async () => {
    const { t, fetch } = setup([
      json(200, pendingTxt()),
      json(200, DOC_RANDOM_VALUE),
      json(200, pendingTxt()),
    ]);
    const deps = { transport: t, now: () => NOW };
    const first = await refreshValidation(deps, 1001);
    expect(first).toMatchObject({
      orderId: 1001,
      orderStatus: 'pending',
      readAt: NOW.toISOString(),
      domains: [{ name: 'example.com', domainId: '77', method: 'dns-txt-token', validated: false }],
      organization: [{ type: 'ov', status: 'active', done: true }],
      token: { value: DOC_RANDOM_VALUE.dcv_random_value, expiresAt: DOC_RANDOM_VALUE.expiration_date },
    });
    expect(await readSnapshot(1001)).toEqual(first);
    // The second read knows the value: no second dcv-random-value call.
    await refreshValidation(deps, 1001);
    expect(fetch.calls.map((c) => `${c.method} ${c.url.split('/v2')[1]}`)).toEqual([
      'GET /order/certificate/1001/validation',
      'PUT /order/certificate/1001/dcv-random-value',
      'GET /order/certificate/1001/validation',
    ]);
  });

  it('a failed read leaves the stored snapshot as it was', async () => {
    const { t } = setup([
      json(200, pendingTxt()),
      json(200, DOC_RANDOM_VALUE),
      json(404, { errors: [{ code: 'not_found', message: 'Order not found' }] }),
    ]);
    const deps = { transport: t, now: () => NOW };
    const first = await refreshValidation(deps, 1001);
    await expect(refreshValidation(deps, 1001)).rejects.toBeInstanceOf(CertCentralError);
    expect(await readSnapshot(1001)).toEqual(first);
  });
});

describe('actions', () => {
  async function seeded(...more: (Response | (() => Response))[]) {
    const h = setup([json(200, pendingTxt()), json(200, DOC_RANDOM_VALUE), ...more]);
    await refreshValidation({ transport: h.t, now: () => NOW }, 1001);
    return { ...h, deps: { transport: h.t, now: () => NOW } };
  }

  it('check DCV now: the domains CertCentral validated, then the state after it', async () => {
    const { deps, fetch } = await seeded(
      json(200, {
        order_status: 'pending',
        dcv_status: 'valid',
        dns_name_validations: [{ dns_name: 'example.com', status: 'approved' }],
      }),
      json(200, pendingTxt('approved')),
    );
    const result = await checkDcvNow(deps, 1001);
    expect(result.outcome).toEqual({
      kind: 'checked',
      validated: ['example.com'],
      pending: [],
      dcvStatus: 'valid',
    });
    expect(result.snapshot?.domains[0]).toMatchObject({ status: 'approved', validated: true });
    expect(fetch.calls.at(-2)?.method).toBe('PUT');
  });

  it('check DCV now: a value not found is an answer, not a failure', async () => {
    const { deps } = await seeded(json(400, DOC_CHECK_DCV_TXT_NOT_FOUND), json(200, pendingTxt()));
    const result = await checkDcvNow(deps, 1001);
    expect(result.outcome).toMatchObject({
      kind: 'value-not-found',
      message: expect.stringContaining('TXT'),
    });
    expect(result.snapshot?.domains[0]?.validated).toBe(false);
  });

  it('a failure of the action itself is thrown (the handler words it); the snapshot stays', async () => {
    const { deps } = await seeded(
      json(400, { errors: [{ code: 'invalid_order_status', message: 'Order 1001 is issued.' }] }),
    );
    const before = await readSnapshot(1001);
    await expect(checkDcvNow(deps, 1001)).rejects.toMatchObject({ status: 400 });
    expect(await readSnapshot(1001)).toEqual(before);
  });

  it('the action done but the read after it failed: the outcome stands, with the older state', async () => {
    const { deps } = await seeded(
      noBody(),
      json(503, { errors: [{ code: 'unavailable', message: 'Down' }] }),
    );
    const result = await resendEmails(deps, 1001);
    expect(result.outcome).toEqual({ kind: 'emails-resent' });
    expect(result.readError).toBeInstanceOf(CertCentralError);
    expect(result.snapshot?.orderId).toBe(1001);
  });

  it('new token: says whether DigiCert answered a new value and keeps it', async () => {
    const fresh = { dcv_random_value: 'newvalue123', expiration_date: '2026-07-10T12:00:00Z' };
    const { deps } = await seeded(json(200, fresh), json(200, pendingTxt()));
    const result = await newToken(deps, 1001);
    expect(result.outcome).toMatchObject({ kind: 'token', changed: true, token: { value: 'newvalue123' } });
    expect((await readSnapshot(1001))?.token?.value).toBe('newvalue123');
  });

  it('new token: the same value back is reported as unchanged', async () => {
    const { deps } = await seeded(json(200, DOC_RANDOM_VALUE), json(200, pendingTxt()));
    const result = await newToken(deps, 1001);
    expect(result.outcome).toMatchObject({ kind: 'token', changed: false });
  });

  it('change method: sends the method and keeps the value given for it', async () => {
    const cname = { ...pendingTxt(), order_dcv_method: 'dns-cname-token' };
    cname.dns_name_validations[0] = { ...cname.dns_name_validations[0], method: 'dns-cname-token' } as never;
    const { deps, fetch } = await seeded(
      json(200, { dcv_random_value: 'cnamevalue', expiration_date: '2026-07-10T12:00:00Z' }),
      json(200, cname),
    );
    const result = await changeMethod(deps, 1001, 'dns-cname-token');
    expect(JSON.parse(fetch.calls.at(-2)?.body ?? '{}')).toEqual({ dcv_method: 'dns-cname-token' });
    expect(result.outcome).toEqual({ kind: 'method-changed', method: 'dns-cname-token' });
    expect(result.snapshot?.token).toMatchObject({ value: 'cnamevalue', method: 'dns-cname-token' });
  });

  it('change method to email: 204, and the token value is dropped', async () => {
    const email = { ...pendingTxt(), order_dcv_method: 'email' };
    email.dns_name_validations[0] = { ...email.dns_name_validations[0], method: 'email' } as never;
    const { deps } = await seeded(noBody(), json(200, email));
    const result = await changeMethod(deps, 1001, 'email');
    expect(result.snapshot?.token).toBeUndefined();
    expect(result.snapshot?.domains[0]?.method).toBe('email');
  });

  it('tokenExpired reads the stored expiry', async () => {
    const { deps } = await seeded();
    const s = await readSnapshot(1001);
    expect(s && tokenExpired(s, deps.now())).toBe(false);
    expect(s && tokenExpired(s, new Date('2026-07-01T12:00:00Z'))).toBe(true);
  });
});
