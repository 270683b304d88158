import { describe, expect, it } from 'vitest';
import {
  fixture,
  fixtureReply,
  json,
  noWait,
  scriptedFetch,
  TEST_KEY,
} from '../certcentral/testing/fake-fetch';
import { createTransport } from '../certcentral/transport';
import { toUserError } from '../settings/service';
import {
  createChoicesCache,
  fetchAccountChoices,
  fetchOrganizationDetails,
  fetchProductDetails,
} from './choices';

function transport(fetch: ReturnType<typeof scriptedFetch>) {
  return createTransport({ apiKey: TEST_KEY, region: 'us', fetch, limiter: noWait, maxGetRetries: 0 });
}

const NOW = new Date('2026-11-29T10:00:00Z');

describe('fetchAccountChoices', () => {
  it('maps every list from the recorded account answers', async () => {
    const fetch = scriptedFetch(
      fixtureReply('products.json'),
      fixtureReply('organizations.json'),
      fixtureReply('containers.json'),
      json(200, {
        users: [{ id: 9, first_name: 'Ada', last_name: 'Admin', email: 'ada@example.com', job_title: 'PKI' }],
      }),
      json(200, {
        metadata: [
          { id: 70001, label: 'Cost center', is_required: true, is_active: true, data_type: 'text' },
        ],
      }),
    );
    const choices = await fetchAccountChoices(transport(fetch), NOW, toUserError);
    expect(fetch.calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/services/v2/product',
      '/services/v2/organization',
      '/services/v2/container',
      '/services/v2/user',
      '/services/v2/account/metadata',
    ]);
    expect(choices.fetchedAt).toBe(NOW.toISOString());
    expect('items' in choices.products && choices.products.items[0]).toEqual({
      nameId: 'ssl_plus',
      name: 'SSL Plus',
    });
    expect('items' in choices.organizations && choices.organizations.items[0]).toEqual({
      id: 117483,
      name: 'DigiCert, Inc. (DigiCert)',
      active: true,
      validations: [
        {
          type: 'ov',
          status: 'active',
          validatedUntil: '2016-08-09T17:04:45+00:00',
          dateCreated: '2015-08-09T17:04:59+00:00',
        },
        { type: 'ev', status: 'pending' },
        {
          type: 'cs',
          status: 'expired',
          validatedUntil: '2015-08-09T17:04:45+00:00',
          dateCreated: '2014-08-09T17:04:59+00:00',
        },
      ],
      evApprovers: [{ id: 4321, name: 'Bro Jackson' }],
    });
    // The second organization of the recording carries neither: "not said", not "none".
    expect('items' in choices.organizations && choices.organizations.items[1]).toEqual({
      id: 117483,
      name: 'Testing, Inc.',
      active: true,
    });
    expect(choices.containers).toEqual({ items: [{ id: 123456, name: 'Ribose Inc.' }] });
    expect(choices.users).toEqual({
      items: [{ id: 9, name: 'Ada Admin', email: 'ada@example.com', jobTitle: 'PKI' }],
    });
    expect(choices.customFields).toEqual({
      items: [{ id: 70001, label: 'Cost center', required: true, active: true, dataType: 'text' }],
    });
  });

  it('keeps the lists it could read when a restricted key may not read others', async () => {
    const denied = () =>
      json(403, { errors: [{ code: 'access_denied|missing_permission', message: 'Denied.' }] });
    const fetch = scriptedFetch(
      fixtureReply('products.json'),
      denied(),
      fixtureReply('containers.json'),
      denied(),
      json(200, {}),
    );
    const choices = await fetchAccountChoices(transport(fetch), NOW, toUserError);
    expect('items' in choices.products).toBe(true);
    expect(choices.organizations).toEqual({
      error: expect.objectContaining({ code: 'access_denied|missing_permission' }),
    });
    expect(choices.users).toEqual({
      error: expect.objectContaining({ detail: expect.stringMatching(/restricted/) }),
    });
    expect(choices.customFields).toEqual({ items: [] });
  });
});

describe('unreadable items', () => {
  it('names an organization it cannot read and keeps the others usable', async () => {
    const fetch = scriptedFetch(
      json(200, { page: { total: 0 } }),
      json(200, {
        organizations: [{ id: 1, name: 'Good', assumed_name: null }, { name: 'No id' }, { id: 'x' }],
      }),
      json(200, { containers: [{ id: 5, name: null, parent_id: null }] }),
      json(200, {}),
      json(200, { metadata: [{ id: 3 }] }),
    );
    const choices = await fetchAccountChoices(transport(fetch), NOW, toUserError);
    expect(choices.products).toEqual({ items: [] });
    expect(choices.organizations).toEqual({
      items: [{ id: 1, name: 'Good', active: true }],
      unreadable: [
        { label: 'Organization in position 2', reason: expect.stringContaining('id') },
        { label: 'Organization x', reason: expect.stringContaining('cannot read') },
      ],
    });
    expect(choices.containers).toEqual({ items: [{ id: 5, name: 'Division 5' }] });
    expect(choices.users).toEqual({ items: [] });
    expect(choices.customFields).toEqual({
      items: [{ id: 3, label: 'Custom field 3', required: false, active: true, dataType: 'text' }],
    });
  });
});

describe('fetchOrganizationDetails', () => {
  it('reads the organization and asks for its validations when it did not carry them', async () => {
    const fetch = scriptedFetch(
      fixtureReply('organization.json'),
      json(200, {
        validations: [{ type: 'EV', status: 'active', validated_until: '2027-05-01T00:00:00+00:00' }],
      }),
    );
    const org = await fetchOrganizationDetails(transport(fetch), 117483);
    expect(fetch.calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/services/v2/organization/117483',
      '/services/v2/organization/117483/validation',
    ]);
    expect(org).toEqual({
      id: 117483,
      name: 'DigiCert',
      active: true,
      validations: [{ type: 'ev', status: 'active', validatedUntil: '2027-05-01T00:00:00+00:00' }],
      evApprovers: [{ id: 1500432, name: 'John Smith' }],
    });
  });

  it('does not ask twice when the organization carries its validations', async () => {
    const body = { ...JSON.parse(fixture('organization.json')), validations: [] };
    const fetch = scriptedFetch(json(200, body));
    expect((await fetchOrganizationDetails(transport(fetch), 117483)).validations).toEqual([]);
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('fetchProductDetails', () => {
  it('reads allowed hashes, platforms and validity from the recorded product', async () => {
    const details = await fetchProductDetails(
      transport(scriptedFetch(fixtureReply('product.json'))),
      'ssl_plus',
    );
    expect(details).toMatchObject({
      nameId: 'ssl_plus',
      orderValidityYears: [1, 2, 3],
      defaultHash: 'sha256',
      caCerts: [],
    });
    expect(details.hashes.map((h) => h.id)).toEqual(['sha1', 'sha256', 'sha384', 'sha512']);
    expect(details.serverPlatforms[0]).toEqual({ id: 2, name: 'Apache' });
  });
});

describe('createChoicesCache', () => {
  it('serves a fresh value, reloads after the time limit or on refresh', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createChoicesCache(() => clock, 1000);
    const load = async () => ++loads;
    expect(await cache.get('k', false, load)).toBe(1);
    clock = 500;
    expect(await cache.get('k', false, load)).toBe(1);
    expect(await cache.get('k', true, load)).toBe(2);
    clock = 2000;
    expect(await cache.get('k', false, load)).toBe(3);
  });
});
