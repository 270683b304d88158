// Every non-order resource parsed from recorded (or, where none was recorded, documented) bodies.
import { describe, expect, it } from 'vitest';
import type { Region } from '../region';
import { listCustomFields } from './account';
import { listChildContainers, listContainers } from './containers';
import { getOrganization, listOrganizations } from './organizations';
import { getProduct, listProducts } from './products';
import { fixtureReply, json, noWait, type Reply, scriptedFetch, TEST_KEY } from './testing/fake-fetch';
import { createTransport } from './transport';
import { getCurrentUser, listUsers } from './user';

function client(replies: Reply[], region: Region = 'us') {
  const fetch = scriptedFetch(...replies);
  const t = createTransport({ apiKey: TEST_KEY, region, fetch, limiter: noWait, sleep: async () => {} });
  return { t, urls: () => fetch.calls.map((c) => `${c.method} ${c.url}`) };
}

const US = 'https://www.digicert.com/services/v2';
const EU = 'https://certcentral.digicert.eu/services/v2';

// Not among the recorded files: the shape docs/certcentral-api.md documents for GET /user/me.
const ME = {
  id: 153208,
  username: 'clive@example.com',
  first_name: 'Clive',
  last_name: 'Collegedean',
  email: 'clive@example.com',
  account_id: 5555,
  container: { id: 5, name: 'College of Science' },
  access_roles: [{ id: 102, name: 'View Only' }],
  is_cert_central: true,
};

describe('user', () => {
  it('reads the key user with its roles', async () => {
    const { t, urls } = client([json(200, ME)], 'eu');
    const me = await getCurrentUser(t);
    expect(me.access_roles.items).toEqual([{ id: 102, name: 'View Only' }]);
    expect(me.container?.name).toBe('College of Science');
    expect(urls()).toEqual([`GET ${EU}/user/me`]);
  });

  it('reads a key user without access_roles as one without restrictions', async () => {
    const { access_roles: _, ...rest } = ME;
    const { t } = client([json(200, { ...rest, access_roles: null })]);
    expect((await getCurrentUser(t)).access_roles).toEqual({ items: [], unreadable: [] });
  });

  it('names a missing user id', async () => {
    const { id: _, ...rest } = ME;
    const { t } = client([json(200, rest)]);
    await expect(getCurrentUser(t)).rejects.toMatchObject({
      kind: 'invalid-response',
      message: expect.stringContaining('id'),
    });
  });

  it('lists users', async () => {
    const { t, urls } = client([json(200, { users: [ME, { id: 2, first_name: 'A' }] })]);
    expect((await listUsers(t)).items.map((u) => u.id)).toEqual([153208, 2]);
    expect(urls()).toEqual([`GET ${US}/user`]);
  });
});

describe('products', () => {
  it('lists products (products.json)', async () => {
    const { t, urls } = client([fixtureReply('products.json')]);
    const products = (await listProducts(t)).items;
    expect(products).toHaveLength(16);
    expect(products[0]).toMatchObject({ name_id: 'ssl_plus', name: 'SSL Plus', type: 'ssl_certificate' });
    expect(urls()).toEqual([`GET ${US}/product`]);
  });

  it('reads one product with hash types and platforms (product.json)', async () => {
    const { t, urls } = client([fixtureReply('product.json')]);
    const p = await getProduct(t, 'ssl_plus');
    expect(p.allowed_validity_years).toEqual([1, 2, 3]);
    expect(p.allowed_order_validity_years).toBeUndefined();
    expect(p.signature_hash_types?.default_hash_type_id).toBe('sha256');
    expect(p.signature_hash_types?.allowed_hash_types.items.map((h) => h.id)).toEqual([
      'sha1',
      'sha256',
      'sha384',
      'sha512',
    ]);
    expect(p.server_platforms.items.map((s) => s.id)).toEqual([2, 14, 40, 67, 68]);
    expect(p.csr_required).toBe(true);
    expect(urls()).toEqual([`GET ${US}/product/ssl_plus`]);
  });

  it('accepts hash types given as bare strings and encodes the name_id', async () => {
    const body = { name_id: 'x', name: 'X', signature_hash_types: { allowed_hash_types: ['sha256'] } };
    const { t, urls } = client([json(200, body)]);
    const p = await getProduct(t, 'a/b c');
    expect(p.signature_hash_types?.allowed_hash_types.items).toEqual([{ id: 'sha256', name: 'sha256' }]);
    expect(urls()).toEqual([`GET ${US}/product/a%2Fb%20c`]);
  });
});

describe('organizations', () => {
  it('lists organizations (organizations.json)', async () => {
    const { t, urls } = client([fixtureReply('organizations.json')]);
    const orgs = (await listOrganizations(t)).items;
    expect(orgs.map((o) => o.name)).toEqual(['DigiCert, Inc.', 'Testing, Inc.']);
    expect(orgs[0]?.ev_approvers?.items).toEqual([{ id: 4321, first_name: 'Bro', last_name: 'Jackson' }]);
    expect(orgs[0]?.validations?.items.map((v) => v.type)).toEqual(['ov', 'ev', 'cs']);
    expect(urls()).toEqual([`GET ${US}/organization?include_validation=true`]);
  });

  it('keeps the organizations it can read when one has nulls and another no id', async () => {
    const { t } = client([
      json(200, {
        organizations: [
          { id: 1, name: 'A', assumed_name: null, display_name: null, container: null, ev_approvers: null },
          { name: 'No id' },
          { id: 3, name: 'C' },
        ],
      }),
    ]);
    const orgs = await listOrganizations(t);
    expect(orgs.items.map((o) => o.id)).toEqual([1, 3]);
    expect(orgs.items[0]?.assumed_name).toBeUndefined();
    expect(orgs.unreadable).toEqual([{ index: 1, reason: expect.stringContaining('id') }]);
  });

  it('reads one organization with EV approvers (organization.json)', async () => {
    const { t, urls } = client([fixtureReply('organization.json')]);
    const org = await getOrganization(t, 117483);
    expect(org.ev_approvers?.items[0]?.id).toBe(1500432);
    expect(org.organization_contact?.email).toBe('someguy@digicert.com');
    expect(org.container?.id).toBe(1);
    expect(urls()).toEqual([`GET ${US}/organization/117483`]);
  });
});

describe('containers', () => {
  it('lists containers (containers.json) and children', async () => {
    const { t, urls } = client([fixtureReply('containers.json'), fixtureReply('containers.json')]);
    expect((await listContainers(t)).items).toEqual([
      expect.objectContaining({ id: 123456, parent_id: 0, is_active: true }),
    ]);
    expect((await listChildContainers(t, 123456)).items).toHaveLength(1);
    expect(urls()).toEqual([`GET ${US}/container`, `GET ${US}/container/123456/children`]);
  });
});

describe('account custom fields', () => {
  it('lists custom fields', async () => {
    const field = { id: 12, label: 'Cost center', is_required: true, is_active: true, data_type: 'text' };
    const { t, urls } = client([json(200, { metadata: [field] })]);
    expect((await listCustomFields(t)).items).toEqual([field]);
    expect(urls()).toEqual([`GET ${US}/account/metadata`]);
  });

  it('treats an answer without metadata, or an empty body, as none', async () => {
    const { t } = client([json(200, {}), new Response(null, { status: 204 })]);
    expect(await listCustomFields(t)).toEqual({ items: [], unreadable: [] });
    expect(await listCustomFields(t)).toEqual({ items: [], unreadable: [] });
  });
});
