import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, sandboxRequest, validEvOrderBody } from '../client';
import { seedState } from '../seed';
import { type Sandbox, startSandbox } from '../server';
import { maxCertDaysOn } from '../validity';
import { EV, REFUSED_BODIES } from './cases';
import { validateOrder } from './order';

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

describe('order body validation (400 with every error found)', () => {
  it.each(REFUSED_BODIES)('refuses %s', async (_name, patch, expected, product = EV) => {
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
