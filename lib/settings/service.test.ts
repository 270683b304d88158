import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getSettingsView,
  lockKey,
  openTransport,
  protectKey,
  removeKey,
  saveKey,
  testConnection,
  unlockKey,
  unprotectKey,
} from './service';
import { depsAnswering, PASSPHRASE, resetSettingsStorage } from './testing';

const KEY = 'SECRETKEY-0123456789ABCDEF';
const ME = {
  id: 7,
  username: 'pat@example.com',
  first_name: 'Pat',
  last_name: 'Admin',
  email: 'pat@example.com',
  account_id: 5550001,
  container: { id: 11, name: 'Example Corp' },
  access_roles: [{ id: 1, name: 'Administrator' }],
};

beforeEach(resetSettingsStorage);

describe('settings service', () => {
  it('reports no key before one is saved, and refuses to test without one', async () => {
    expect(await getSettingsView()).toEqual({
      apiKey: { state: 'missing' },
      region: 'us',
      idleMinutes: 15,
      connection: null,
    });
    const result = await testConnection(depsAnswering({ status: 200, body: ME }));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'no_api_key' }) });
  });

  it('refuses a malformed key with the reason, storing nothing', async () => {
    const result = await saveKey(
      { apiKey: 'has a space', region: 'eu' },
      depsAnswering({ status: 200, body: ME }),
    );
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid_key_input',
        detail: expect.stringMatching(/no spaces/),
      }),
    });
    expect((await getSettingsView()).apiKey).toEqual({ state: 'missing' });
  });

  it('tests the saved key against /user/me in the chosen region and remembers who it belongs to', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const deps = depsAnswering({ status: 200, body: ME }, seen);
    await saveKey({ apiKey: KEY, region: 'eu' }, deps);
    const result = await testConnection(deps);
    expect(seen[0]?.url).toBe('https://certcentral.digicert.eu/services/v2/user/me');
    expect(seen[0]?.headers['X-DC-DEVKEY']).toBe(KEY);
    expect(result).toEqual({
      ok: true,
      value: {
        state: 'connected',
        checkedAt: '2026-11-29T10:00:00.000Z',
        region: 'eu',
        user: { id: 7, name: 'Pat Admin', username: 'pat@example.com', email: 'pat@example.com' },
        accountId: 5550001,
        container: { id: 11, name: 'Example Corp' },
        roles: [{ id: 1, name: 'Administrator' }],
      },
    });
    const view = await getSettingsView();
    expect(view.connection).toEqual(result.ok ? result.value : null);
    expect(JSON.stringify(view)).not.toContain(KEY);
  });

  it('sends nothing to Europe when its optional host permission was withdrawn', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const deps = depsAnswering({ status: 200, body: ME }, seen);
    await saveKey({ apiKey: KEY, region: 'eu' }, deps);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    const result = await testConnection(deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'region_access_missing' } });
    expect(seen).toEqual([]);
  });

  it('says when a key cannot place orders (View Only)', async () => {
    const deps = depsAnswering({
      status: 200,
      body: { ...ME, access_roles: [{ id: 102, name: 'View Only' }] },
    });
    await saveKey({ apiKey: KEY, region: 'us' }, deps);
    const result = await testConnection(deps);
    expect(result.ok && result.value.state === 'connected' && result.value.orderingBlocked).toMatch(
      /View Only/,
    );
  });

  it('records a refused key as a failed connection, in words, without the key', async () => {
    const deps = depsAnswering({
      status: 401,
      body: { errors: [{ code: 'access_denied|invalid_api_key', message: 'Invalid API key.' }] },
    });
    await saveKey({ apiKey: KEY, region: 'us' }, deps);
    const result = await testConnection(deps);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.state !== 'failed') throw new Error('expected a failed connection');
    expect(result.value.error.detail).toMatch(/refused the API key/);
    expect(result.value.error.status).toBe(401);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('forgets the connection when the key is removed or replaced', async () => {
    const deps = depsAnswering({ status: 200, body: ME });
    await saveKey({ apiKey: KEY, region: 'us' }, deps);
    await testConnection(deps);
    await saveKey({ apiKey: `${KEY}-NEW`, region: 'us' }, deps);
    expect((await getSettingsView()).connection).toBeNull();
    await testConnection(deps);
    const removed = await removeKey();
    expect(removed).toEqual({
      ok: true,
      value: { apiKey: { state: 'missing' }, region: 'us', idleMinutes: 15, connection: null },
    });
  });

  it('locks, refuses a wrong passphrase in words, unlocks and takes the lock off', async () => {
    const deps = depsAnswering({ status: 200, body: ME });
    await saveKey({ apiKey: KEY, region: 'us' }, deps);
    const passphrase = PASSPHRASE;
    const protectedView = await protectKey({ passphrase, idleMinutes: 5 });
    expect(protectedView).toMatchObject({
      ok: true,
      value: { apiKey: { state: 'saved', protected: true }, idleMinutes: 5 },
    });
    expect(await lockKey()).toMatchObject({ ok: true, value: { apiKey: { state: 'locked' } } });
    expect(await openTransport(deps)).toEqual({
      ok: false,
      error: expect.objectContaining({ title: 'The API key is locked.', code: 'key_locked' }),
    });
    expect(await unlockKey({ passphrase: 'not the passphrase' })).toEqual({
      ok: false,
      error: expect.objectContaining({ title: 'That passphrase does not unlock the key.' }),
    });
    expect(await unlockKey({ passphrase })).toMatchObject({
      ok: true,
      value: { apiKey: { state: 'saved' } },
    });
    expect((await openTransport(deps)).ok).toBe(true);
    expect((await unprotectKey({ passphrase: 'not the passphrase' })).ok).toBe(false);
    const plain = await unprotectKey({ passphrase });
    expect(plain.ok && plain.value.apiKey).toEqual({
      state: 'saved',
      hint: expect.any(String),
      savedAt: expect.any(String),
    });
  }, 30_000);

  it('refuses to protect when no key is saved, in words', async () => {
    const result = await protectKey({ passphrase: PASSPHRASE, idleMinutes: 5 });
    expect(result).toMatchObject({ ok: false, error: { title: 'The passphrase lock was not changed.' } });
  });
});
