import { describe, expect, it } from 'vitest';
import { fixtureReply, json, noWait, scriptedFetch, TEST_KEY } from '../certcentral/__fixtures__/fake-fetch';
import { createTransport } from '../certcentral/transport';
import { toUserError } from '../settings/service';
import { createChoicesCache, fetchAccountChoices, fetchProductDetails } from './choices';

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
      evValidated: false,
      evApprovers: [{ id: 4321, name: 'Bro Jackson' }],
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
