import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, sandboxRequest, validEvOrderBody } from './client';
import { seedState } from './seed';
import { type Sandbox, startSandbox } from './server';
import { validateOrder } from './validate-order';
import { maxCertDaysOn } from './validity';

const T0 = new Date('2026-06-01T12:00:00Z');
let sb: Sandbox;
let csr: string;
type Body = Record<string, unknown>;
const cert = (b: Body) => b.certificate as Body;

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  csr = await makeTestCsr('secure.example.com');
});
afterAll(() => sb.close());

/** An OV body for ssl_basic built from the EV one. */
function ovBody(): Body {
  const b = validEvOrderBody(csr, 'www.example.net');
  b.organization = { id: 60002, contacts: [{ contact_type: 'technical_contact', user_id: 100003 }] };
  return b;
}

/** Dotted path → new value; `undefined` deletes the field. A string replaces the whole body. */
type Patch = Record<string, unknown> | string;

function applyPatch(body: Body, patch: Record<string, unknown>): Body {
  for (const [path, value] of Object.entries(patch)) {
    const parts = path.split('.');
    const last = parts.pop() ?? '';
    let target = body;
    for (const part of parts) {
      if (target[part] === undefined) target[part] = {};
      target = target[part] as Body;
    }
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return body;
}

const EV = 'ssl_ev_securesite_pro';
const cases: [string, Patch, string[], string?][] = [
  ['a JSON array instead of an object', '[]', ['bad_request_format']],
  ['text that is not JSON', '{"certificate":', ['bad_request_format']],
  ['no common_name', { 'certificate.common_name': undefined }, ['missing_param:certificate.common_name']],
  [
    'a common_name that is not a host name',
    { 'certificate.common_name': 'exa mple.com' },
    ['invalid_value:certificate.common_name'],
  ],
  [
    'a dns_names entry with an empty label',
    { 'certificate.dns_names': ['ok.example.com', 'bad..example.com'] },
    ['invalid_value:certificate.dns_names'],
  ],
  ['a CSR without PEM armour', { 'certificate.csr': 'MIIBfake' }, ['csr_invalid_cannot_parse']],
  [
    'a CSR with armour but garbage inside',
    { 'certificate.csr': '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----' },
    ['csr_invalid_cannot_parse'],
  ],
  ['no CSR', { 'certificate.csr': undefined }, ['missing_param:certificate.csr']],
  [
    'a hash the product does not allow',
    { 'certificate.signature_hash': 'sha512' },
    ['invalid_value:certificate.signature_hash'],
    'ssl_basic',
  ],
  [
    'an unknown server platform',
    { 'certificate.server_platform': { id: 9999 } },
    ['invalid_value:certificate.server_platform.id'],
  ],
  ['no order_validity', { order_validity: undefined }, ['missing_param:order_validity']],
  ['order_validity of 4 years', { order_validity: { years: 4 } }, ['invalid_value:order_validity.years']],
  [
    'an order expiration date beyond three years',
    { order_validity: { custom_expiration_date: '2029-06-02' } },
    ['invalid_value:order_validity.custom_expiration_date'],
  ],
  [
    'cert validity longer than the order',
    { order_validity: { days: 90 }, 'certificate.cert_validity': { days: 120 } },
    ['cert_validity_exceeds_order_validity'],
  ],
  [
    'cert validity of a year (over the 199-day maximum)',
    { 'certificate.cert_validity': { years: 1 } },
    ['cert_validity_exceeds_max_validity'],
  ],
  [
    'an OV-only organization on an EV product',
    { 'organization.id': 60002 },
    ['invalid_value:organization.id'],
  ],
  [
    'a deactivated organization',
    { organization: { id: 60003 } },
    ['invalid_value:organization.id'],
    'ssl_basic',
  ],
  ['no organization', { organization: undefined }, ['missing_param:organization']],
  [
    'no ev_approver on an EV order',
    { 'organization.contacts': [{ contact_type: 'technical_contact', user_id: 100003 }] },
    ['missing_param:organization.contacts.ev_approver'],
  ],
  [
    "an ev_approver who is not one of the organization's",
    { 'organization.contacts': [{ contact_type: 'ev_approver', user_id: 100003 }] },
    ['invalid_value:organization.contacts.user_id'],
  ],
  [
    'a new contact without job_title',
    {
      'organization.contacts': [
        {
          contact_type: 'ev_approver',
          first_name: 'N',
          last_name: 'P',
          telephone: '1',
          email: 'n@example.com',
        },
      ],
    },
    ['missing_param:organization.contacts.job_title'],
  ],
  [
    'a wildcard on an EV product',
    { 'certificate.common_name': '*.example.com', 'certificate.dns_names': undefined },
    ['invalid_value:certificate.common_name'],
  ],
  [
    'a wildcard with http-token DCV',
    {
      'certificate.common_name': '*.example.net',
      'certificate.dns_names': undefined,
      dcv_method: 'http-token',
    },
    ['invalid_value:dcv_method'],
    'ssl_basic',
  ],
  [
    'payment by card without card or address',
    { payment_method: 'card' },
    ['missing_param:credit_card', 'missing_param:billing_address'],
  ],
  [
    'renewal of an order that does not exist',
    { renewal_of_order_id: 123 },
    ['invalid_value:renewal_of_order_id'],
  ],
  ['the required custom field missing', { custom_fields: [] }, ['missing_param:custom_fields']],
  [
    'text in the int custom field',
    {
      custom_fields: [
        { metadata_id: 70001, value: 'CC' },
        { metadata_id: 70002, value: 'abc' },
      ],
    },
    ['invalid_value:custom_fields.value'],
  ],
  ['an unknown container', { container: { id: 999 } }, ['invalid_value:container.id']],
  [
    'an alternative_order_id of 65 characters',
    { alternative_order_id: 'a'.repeat(65) },
    ['invalid_value:alternative_order_id'],
  ],
];

describe('order body validation (400 with every error found)', () => {
  it.each(cases)('refuses %s', async (_name, patch, expected, product = EV) => {
    const base = product === EV ? validEvOrderBody(csr) : ovBody();
    const body = typeof patch === 'string' ? patch : applyPatch(base, patch);
    const res = await sandboxRequest(sb.port, 'POST', `/services/v2/order/certificate/${product}`, {
      key: ADMIN,
      body,
    });
    expect(res.status).toBe(400);
    const codes = (res.json as { errors: { code: string; message: string }[] }).errors.map((e) => e.code);
    expect(codes).toEqual(expected);
  });

  it('accepts the OV body on ssl_basic (the cases above differ from it in one way)', async () => {
    const res = await sandboxRequest(sb.port, 'POST', '/services/v2/order/certificate/ssl_basic', {
      key: ADMIN,
      body: ovBody(),
    });
    expect(res.status).toBe(201);
  });

  it('reports several problems at once', async () => {
    const body = { certificate: { common_name: 'x', csr: 'nope' }, order_validity: { years: 0 } };
    const res = await sandboxRequest(
      sb.port,
      'POST',
      '/services/v2/order/certificate/ssl_ev_securesite_pro',
      { key: ADMIN, body },
    );
    expect((res.json as { errors: unknown[] }).errors.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses an unknown product and a non-JSON content type', async () => {
    const unknown = await sandboxRequest(sb.port, 'POST', '/services/v2/order/certificate/ssl_nope', {
      key: ADMIN,
      body: validEvOrderBody(csr),
    });
    expect(unknown.status).toBe(404);
    const form = await sandboxRequest(
      sb.port,
      'POST',
      '/services/v2/order/certificate/ssl_ev_securesite_pro',
      {
        key: ADMIN,
        body: JSON.stringify(validEvOrderBody(csr)),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    );
    expect(form.json).toMatchObject({ errors: [{ code: 'bad_request_format' }] });
  });
});

describe('public TLS maximum on the day (199 / 100 / 47 days)', () => {
  it.each([
    ['2026-02-23', 397],
    ['2026-02-24', 199],
    ['2027-03-14', 199],
    ['2027-03-15', 100],
    ['2029-03-14', 100],
    ['2029-03-15', 47],
  ])('on %s the maximum is %i days', (day, max) => {
    expect(maxCertDaysOn(new Date(`${day}T10:00:00Z`))).toBe(max);
  });

  it('checks cert_validity against the maximum of the request day, and defaults to it', () => {
    const day = new Date('2027-03-15T08:00:00Z');
    const state = seedState(day);
    const body = (days: number) => ({
      ...validEvOrderBody(csr),
      certificate: { ...cert(validEvOrderBody(csr)), cert_validity: { days } },
    });
    expect(validateOrder(body(100), 'ssl_ev_securesite_pro', state, day).ok).toBe(true);
    const over = validateOrder(body(101), 'ssl_ev_securesite_pro', state, day);
    expect(over.ok ? [] : over.errors.map((e) => e.code)).toEqual(['cert_validity_exceeds_max_validity']);
    const plain = validateOrder(validEvOrderBody(csr), 'ssl_ev_securesite_pro', state, day);
    expect(plain.ok && plain.facts.certDays).toBe(100);
  });
});
