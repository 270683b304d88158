import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closePrivateStoreForTests, readPrivate, writePrivate } from '../storage/private-store';
import {
  checkApiKeyInput,
  getApiKeyStatus,
  loadApiKey,
  migrateApiKeyRecord,
  removeApiKey,
  saveApiKey,
} from './api-key';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
});

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
    const record = await readPrivate('api-key');
    const bytes = new Uint8Array((record as { ciphertext: ArrayBuffer }).ciphertext);
    expect(new TextDecoder().decode(bytes)).not.toContain('PLAINTEXTKEYVALUE99');
    expect(JSON.stringify(record)).not.toContain('PLAINTEXTKEYVALUE99');
  });

  it('replaces a saved key', async () => {
    await saveApiKey('FIRSTKEY00000001');
    await saveApiKey('SECONDKEY0000002');
    expect(await loadApiKey()).toBe('SECONDKEY0000002');
  });

  it('refuses input that is not a key, saying why', async () => {
    await expect(saveApiKey('')).rejects.toThrow(/Paste your CertCentral API key/);
    await expect(saveApiKey('abc def ghi jkl')).rejects.toThrow(/no spaces/);
    expect(await getApiKeyStatus()).toEqual({ state: 'missing' });
  });

  it('reports a key that can no longer be decrypted', async () => {
    await saveApiKey('ABCDEFGHIJKLMNOP1234');
    // A different wrapping key, as after a partial reset of the database.
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await writePrivate('api-key-wrapping-key', other);
    const status = await getApiKeyStatus();
    expect(status.state).toBe('unreadable');
    expect(await loadApiKey()).toBeNull();
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

describe('migrateApiKeyRecord', () => {
  it('treats nothing stored as no key', () => {
    expect(migrateApiKeyRecord(undefined)).toBeNull();
  });

  it('accepts a version 1 record', () => {
    const record = {
      version: 1,
      iv: new Uint8Array(12),
      ciphertext: new ArrayBuffer(4),
      hint: 'abcd',
      savedAt: 'x',
    };
    expect(migrateApiKeyRecord(record)).toEqual({ record });
  });

  it('reports a damaged version 1 record', () => {
    expect(migrateApiKeyRecord({ version: 1, iv: 'nope' })).toEqual({
      problem: expect.stringMatching(/damaged/),
    });
  });

  it('reports an unknown version instead of guessing', () => {
    expect(migrateApiKeyRecord({ version: 7 })).toEqual({
      problem: expect.stringMatching(/unknown version \(7\)/),
    });
    expect(migrateApiKeyRecord('a plain string')).toEqual({
      problem: expect.stringMatching(/unknown version/),
    });
  });
});
