import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  closePrivateStoreForTests,
  openPrivateStore,
  readPrivate,
  writePrivate,
} from '../storage/private-store';
import { checkApiKeyInput, getApiKeyStatus, loadApiKey, removeApiKey, saveApiKey } from './api-key';
import { type ApiKeyRecord, PADDING_BYTES } from './api-key-record';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
});

/** What is at rest in the key's own database. */
const atRest = () => openPrivateStore('api-key', 'key').read('current') as Promise<ApiKeyRecord | undefined>;

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((db) => db.name ?? '');
}

function newWrappingKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

describe('API key storage', () => {
  it('starts with no key', async () => {
    expect(await getApiKeyStatus()).toEqual({ state: 'missing' });
    expect(await loadApiKey()).toBeNull();
  });

  it('saves, reads back and removes a key', async () => {
    const status = await saveApiKey('  ABCDEFGHIJKLMNOP1234  ', new Date('2026-11-29T10:00:00Z'));
    expect(status).toEqual({ state: 'saved', hint: '1234', savedAt: '2026-11-29T10:00:00.000Z' });
    expect(await loadApiKey()).toBe('ABCDEFGHIJKLMNOP1234');
    await removeApiKey();
    expect(await getApiKeyStatus()).toEqual({ state: 'missing' });
  });

  it('never stores the key in plain text', async () => {
    await saveApiKey('PLAINTEXTKEYVALUE99');
    const record = await atRest();
    const bytes = new Uint8Array(record?.ciphertext ?? new ArrayBuffer(0));
    expect(new TextDecoder().decode(bytes)).not.toContain('PLAINTEXTKEYVALUE99');
    expect(JSON.stringify(record)).not.toContain('PLAINTEXTKEYVALUE99');
    // Nothing about the key goes to the main private store any more.
    expect(await readPrivate('api-key')).toBeUndefined();
    expect(await readPrivate('api-key-wrapping-key')).toBeUndefined();
  });

  it('pads the record past the size Chromium keeps in a file of its own', async () => {
    await saveApiKey('ABCDEFGHIJKLMNOP1234');
    const record = await atRest();
    expect(record?.padding.byteLength).toBe(PADDING_BYTES);
    expect(PADDING_BYTES).toBeGreaterThan(64 * 1024);
    // Random, so that value compression cannot bring it back under the limit.
    expect(new Set(record?.padding.subarray(0, 4096)).size).toBeGreaterThan(200);
  });

  it('replaces a saved key', async () => {
    await saveApiKey('FIRSTKEY00000001');
    await saveApiKey('SECONDKEY0000002');
    expect(await loadApiKey()).toBe('SECONDKEY0000002');
  });

  it('makes a new wrapping key at every save, even for the same key', async () => {
    await saveApiKey('SAMEKEY000000001');
    const first = await atRest();
    await saveApiKey('SAMEKEY000000001');
    const second = await atRest();
    if (!first || !second) throw new Error('no record at rest');
    expect(second.keyId).not.toBe(first.keyId);
    // The new wrapping key cannot open the old ciphertext, nor the old key the new one.
    const decrypt = (record: ApiKeyRecord, key: CryptoKey) =>
      crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: record.iv as Uint8Array<ArrayBuffer> },
        key,
        record.ciphertext,
      );
    await expect(decrypt(first, second.wrappingKey)).rejects.toThrow();
    await expect(decrypt(second, first.wrappingKey)).rejects.toThrow();
    await expect(decrypt(second, second.wrappingKey)).resolves.toBeInstanceOf(ArrayBuffer);
  });

  it('removes the key and its wrapping key by deleting their database', async () => {
    await saveApiKey('ABCDEFGHIJKLMNOP1234');
    expect(await databaseNames()).toContain('api-key');
    await removeApiKey();
    expect(await databaseNames()).not.toContain('api-key');
    expect(await atRest()).toBeUndefined();
    expect(await readPrivate('api-key-wrapping-key')).toBeUndefined();
    expect(await loadApiKey()).toBeNull();
  });

  it('refuses input that is not a key, saying why', async () => {
    await expect(saveApiKey('')).rejects.toThrow(/Paste your CertCentral API key/);
    await expect(saveApiKey('abc def ghi jkl')).rejects.toThrow(/no spaces/);
    expect(await getApiKeyStatus()).toEqual({ state: 'missing' });
  });

  it('reports a key that can no longer be decrypted', async () => {
    await saveApiKey('ABCDEFGHIJKLMNOP1234');
    const store = openPrivateStore('api-key', 'key');
    const record = await atRest();
    await store.write('current', { ...record, wrappingKey: await newWrappingKey() });
    const status = await getApiKeyStatus();
    expect(status).toEqual({
      state: 'unreadable',
      reason: expect.stringMatching(/can no longer be decrypted/),
    });
    expect(await loadApiKey()).toBeNull();
    await removeApiKey();
    expect(await getApiKeyStatus()).toEqual({ state: 'missing' });
  });
});

describe('moving a key saved by an earlier version', () => {
  /** The old layout: a version 1 record and one shared wrapping key, both in the main private store. */
  async function saveTheOldWay(key: string, wrappingKey?: CryptoKey): Promise<void> {
    const shared = wrappingKey ?? (await newWrappingKey());
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      shared,
      new TextEncoder().encode(key),
    );
    await writePrivate('api-key-wrapping-key', shared);
    await writePrivate('api-key', {
      version: 1,
      iv,
      ciphertext,
      hint: key.slice(-4),
      savedAt: '2026-01-02T03:04:05.000Z',
    });
  }

  it('re-encrypts it under a new wrapping key in its own database and deletes the old records', async () => {
    await saveTheOldWay('OLDLAYOUTKEY0001');
    expect(await getApiKeyStatus()).toEqual({
      state: 'saved',
      hint: '0001',
      savedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(await readPrivate('api-key')).toBeUndefined();
    expect(await readPrivate('api-key-wrapping-key')).toBeUndefined();
    expect((await atRest())?.version).toBe(2);
    expect(await loadApiKey()).toBe('OLDLAYOUTKEY0001');
  });

  it('reports an old key whose wrapping key is gone, and removes it on request', async () => {
    await saveTheOldWay('OLDLAYOUTKEY0001');
    await writePrivate('api-key-wrapping-key', await newWrappingKey());
    expect((await getApiKeyStatus()).state).toBe('unreadable');
    await removeApiKey();
    expect(await readPrivate('api-key')).toBeUndefined();
    expect(await readPrivate('api-key-wrapping-key')).toBeUndefined();
    expect(await getApiKeyStatus()).toEqual({ state: 'missing' });
  });

  it('drops the old records when a new key is saved over them', async () => {
    await saveTheOldWay('OLDLAYOUTKEY0001');
    await saveApiKey('NEWLAYOUTKEY0002');
    expect(await readPrivate('api-key')).toBeUndefined();
    expect(await readPrivate('api-key-wrapping-key')).toBeUndefined();
    expect(await loadApiKey()).toBe('NEWLAYOUTKEY0002');
  });
});

describe('checkApiKeyInput', () => {
  it.each([
    ['', /Paste your CertCentral API key/],
    ['   ', /Paste your CertCentral API key/],
    ['KEY WITH SPACE', /no spaces/],
    ['KEY\nWITHBREAK', /no spaces/],
    ['short', /too short/],
    ['x'.repeat(513), /too long/],
    ['ключключключ', /plain letters/],
  ])('refuses %j', (input, message) => {
    expect(checkApiKeyInput(input)).toMatch(message);
  });

  it('accepts a plausible key', () => {
    expect(checkApiKeyInput('KXH3LJ5TNCAS2K2QXP5OQ2IL2FG2G7Q')).toBeNull();
  });
});
