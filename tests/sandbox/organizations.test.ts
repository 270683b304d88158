import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, ORDERS, sandboxRequest, validEvOrderBody } from './client';
import { SEED_IDS } from './seed';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
const O = SEED_IDS.organizations;
let sb: Sandbox;
let csr: string;
// biome-ignore lint/suspicious/noExplicitAny: shape checks on JSON answers
const get = async (path: string): Promise<any> => {
  const res = await sandboxRequest(sb.port, 'GET', `/services/v2${path}`, { key: ADMIN });
  expect(res.status, path).toBe(200);
  return res.json;
};
const stamp = (day: string) => `${day}T07:00:00+00:00`;
const OV_NAME = { type: 'ov', name: 'OV', description: 'Normal Organization Validation' };
const EV_NAME = { type: 'ev', name: 'EV', description: 'Extended Organization Validation (EV)' };
const EVAN = { id: SEED_IDS.users.evApprover, first_name: 'Evan', last_name: 'Approver' };
const TESS = { id: SEED_IDS.users.tech, first_name: 'Tess', last_name: 'Tech' };

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  csr = await makeTestCsr('secure.example.com');
});
afterAll(() => sb.close());

describe('GET /organization', () => {
  it('lists every organization without validations or ev_approvers by default', async () => {
    const list = await get('/organization');
    expect(list.organizations.map((o: { id: number }) => o.id)).toEqual([60001, 60002, 60003, 60004, 60005]);
    expect(list.page).toEqual({ total: 5, limit: 1000, offset: 0 });
    for (const org of list.organizations) {
      expect(org).not.toHaveProperty('validations');
      expect(org).not.toHaveProperty('ev_approvers');
    }
    // assumed_name: a string, null (60002) or absent (60003, 60005).
    expect(list.organizations.map((o: object) => ('assumed_name' in o ? o.assumed_name : 'absent'))).toEqual([
      'Sandbox EV',
      null,
      'absent',
      'Lapsed EV',
      'absent',
    ]);
    // Only the literal `true` switches validations on.
    expect((await get('/organization?include_validation=1')).organizations[0]).not.toHaveProperty(
      'validations',
    );
  });

  it('include_validation=true adds validations (active, expired, pending) and ev_approvers', async () => {
    const list = await get('/organization?include_validation=true');
    const byId = new Map(list.organizations.map((o: { id: number }) => [o.id, o]));
    expect(byId.get(O.ev)).toMatchObject({
      validations: [
        {
          ...OV_NAME,
          date_created: stamp('2026-02-24'),
          validated_until: stamp('2027-03-28'),
          status: 'active',
        },
        {
          ...EV_NAME,
          date_created: stamp('2026-02-24'),
          validated_until: stamp('2027-03-28'),
          status: 'active',
          verified_users: [EVAN],
        },
      ],
      ev_approvers: [EVAN],
    });
    expect(byId.get(O.ov)).toMatchObject({
      validations: [{ ...OV_NAME, validated_until: stamp('2026-12-18'), status: 'active' }],
      ev_approvers: [],
    });
    expect(byId.get(O.evExpired)).toMatchObject({
      validations: [
        { ...OV_NAME, status: 'active' },
        {
          ...EV_NAME,
          date_created: stamp('2025-04-10'),
          validated_until: stamp('2026-05-12'),
          status: 'expired',
          verified_users: [EVAN],
        },
      ],
      ev_approvers: [EVAN],
    });
    // A pending validation carries no dates.
    expect(byId.get(O.evPending)).toMatchObject({ ev_approvers: [] });
    expect((byId.get(O.evPending) as { validations: unknown[] }).validations[1]).toEqual({
      ...EV_NAME,
      status: 'pending',
      verified_users: [TESS],
    });
  });

  it('filters[status] and filters[search]; no match leaves the organizations key out', async () => {
    const inactive = await get('/organization?filters[status]=inactive');
    expect(inactive.organizations.map((o: { id: number }) => o.id)).toEqual([O.inactive]);
    expect((await get('/organization?filters[search]=lapsed')).organizations[0].id).toBe(O.evExpired);
    expect((await get('/organization?filters[search]=60002')).organizations[0].id).toBe(O.ov);
    expect(await get('/organization?filters[search]=nobody')).toEqual({
      page: { total: 0, limit: 1000, offset: 0 },
    });
    const bad = await sandboxRequest(sb.port, 'GET', '/services/v2/organization?filters[status]=x', {
      key: ADMIN,
    });
    expect(bad.status).toBe(400);
  });
});

describe('GET /organization/{id} and /organization/{id}/validation', () => {
  it('GET /__sandbox/seed names the organizations', async () => {
    const seed = await sandboxRequest(sb.port, 'GET', '/__sandbox/seed');
    expect((seed.json as { ids: typeof SEED_IDS }).ids.organizations).toEqual({
      ev: 60001,
      ov: 60002,
      inactive: 60003,
      evExpired: 60004,
      evPending: 60005,
    });
  });

  it('organization info: ev_approvers, no validations', async () => {
    const ev = await get(`/organization/${O.ev}`);
    expect(ev).toMatchObject({ id: 60001, is_active: true, ev_approvers: [EVAN], city: 'Lehi' });
    expect(ev).not.toHaveProperty('validations');
    expect((await get(`/organization/${O.ov}`)).ev_approvers).toEqual([]);
    expect((await get(`/organization/${O.evExpired}`)).ev_approvers).toEqual([EVAN]);
    const missing = await sandboxRequest(sb.port, 'GET', '/services/v2/organization/1', { key: ADMIN });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      errors: [{ code: 'not_found|organization', message: 'Organization not found.' }],
    });
  });

  it('validation details answer {validations} alone', async () => {
    const pending = await get(`/organization/${O.evPending}/validation`);
    expect(pending).toEqual({
      validations: [
        {
          ...OV_NAME,
          date_created: stamp('2026-03-26'),
          validated_until: stamp('2027-04-27'),
          status: 'active',
        },
        { ...EV_NAME, status: 'pending', verified_users: [TESS] },
      ],
    });
    expect(Object.keys(await get(`/organization/${O.ov}/validation`))).toEqual(['validations']);
    const denied = await sandboxRequest(sb.port, 'GET', `/services/v2/organization/${O.ev}/validation`, {
      key: ORDERS,
    });
    expect(denied.status).toBe(403);
  });
});

describe('EV orders need an active, unexpired EV validation', () => {
  // EV: the seed body's contacts (EV approver 100002 and a technical contact); OV: technical only.
  const post = (org: number, product = 'ssl_ev_securesite_pro') => {
    const contacts =
      product === 'ssl_basic'
        ? [{ contact_type: 'technical_contact', user_id: SEED_IDS.users.tech }]
        : (validEvOrderBody(csr).organization as { contacts: unknown[] }).contacts;
    return sandboxRequest(sb.port, 'POST', `/services/v2/order/certificate/${product}`, {
      key: ADMIN,
      body: { ...validEvOrderBody(csr), organization: { id: org, contacts } },
    });
  };

  it.each([
    [O.evExpired, "Organization 60004's EV validation has expired."],
    [O.evPending, "Organization 60005's EV validation is still pending."],
    [O.ov, 'Organization 60002 is not validated for EV certificates.'],
  ])('refuses an EV order for %i', async (org, message) => {
    const res = await post(org);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errors: [{ code: 'invalid_value:organization.id', message }] });
  });

  it('accepts OV orders for the organizations whose EV is expired or pending', async () => {
    expect((await post(O.evExpired, 'ssl_basic')).status).toBe(201);
    expect((await post(O.evPending, 'ssl_basic')).status).toBe(201);
    expect((await post(O.ev)).status).toBe(201);
  });
});
