import { describe, expect, it } from 'vitest';
import { readStored } from '../storage/stored-item';
import { legacyApiKeyItem, legacyWrappingKeyItem, readKeyRecord } from './api-key-items';
import { unlockedFor } from './api-key-session';

const sealed = { iv: new Uint8Array(12), ciphertext: new ArrayBuffer(4), hint: 'abcd', savedAt: 'x' };

async function wrappingKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

describe('readKeyRecord (the key database, through readStored)', () => {
  it('treats nothing stored as no key', () => {
    expect(readKeyRecord(undefined)).toBeNull();
    expect(readKeyRecord(null)).toBeNull();
  });

  it('reads both kinds of record: sealed beside its wrapping key (2) and passphrase-locked (3)', async () => {
    const padding = new Uint8Array(8);
    const v2 = { version: 2, keyId: 'k2', wrappingKey: await wrappingKey(), ...sealed, padding };
    expect(readKeyRecord(v2)).toEqual({ record: v2 });
    const kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: new Uint8Array(16) };
    const v3 = { version: 3, keyId: 'k3', kdf, ...sealed, padding };
    expect(readKeyRecord(v3)).toEqual({ record: v3 });
  });

  it('reports a damaged record of a known version', () => {
    expect(readKeyRecord({ version: 2, iv: 'nope' })).toEqual({ problem: expect.stringMatching(/damaged/) });
    const weak = { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt: new Uint8Array(16) };
    const v3 = { version: 3, keyId: 'k', kdf: weak, ...sealed, padding: new Uint8Array(4) };
    expect(readKeyRecord(v3)).toEqual({ problem: expect.stringMatching(/damaged/) });
  });

  it('reports an unknown version instead of guessing', () => {
    expect(readKeyRecord({ version: 7 })).toEqual({
      problem: expect.stringMatching(/unknown version \(7\)/),
    });
    expect(readKeyRecord('a plain string')).toEqual({ problem: expect.stringMatching(/unknown version/) });
  });
});

describe('the records of earlier versions, through readStored', () => {
  it('accepts a version 1 record only where earlier versions kept it', () => {
    const record = { version: 1, ...sealed };
    expect(readStored(legacyApiKeyItem, record)).toEqual({ value: record });
    expect(readStored(legacyApiKeyItem, { version: 1, iv: 'nope' })).toMatchObject({
      problem: { kind: 'damaged' },
    });
    expect(readStored(legacyApiKeyItem, { version: 2, ...sealed })).toMatchObject({
      problem: { kind: 'newer' },
    });
  });

  it('accepts only a CryptoKey as the old wrapping key', async () => {
    const key = await wrappingKey();
    expect(readStored(legacyWrappingKeyItem, key)).toEqual({ value: key });
    expect(readStored(legacyWrappingKeyItem, { k: 'raw bytes' })).toMatchObject({
      problem: { kind: 'damaged' },
    });
  });
});

describe('unlockedFor (the unlocked key in storage.session, through readStored)', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const unlocked = { keyId: 'k', key: 'THEKEY', idleMs: 60_000, expiresAt: now.getTime() + 1 };

  it('gives the key of this save while it has not passed its idle time', () => {
    expect(unlockedFor(unlocked, 'k', now)).toEqual({ unlocked, forget: false });
  });

  it('has nothing to forget when nothing is stored', () => {
    expect(unlockedFor(undefined, 'k', now)).toEqual({ unlocked: null, forget: false });
  });

  it('forgets a key of another save, one past its idle time, and one that cannot be read', () => {
    expect(unlockedFor(unlocked, 'other', now)).toEqual({ unlocked: null, forget: true });
    expect(unlockedFor({ ...unlocked, expiresAt: now.getTime() }, 'k', now)).toEqual({
      unlocked: null,
      forget: true,
    });
    expect(unlockedFor({ keyId: 'k', key: 42 }, 'k', now)).toEqual({ unlocked: null, forget: true });
    expect(unlockedFor('THEKEY', 'k', now)).toEqual({ unlocked: null, forget: true });
  });
});
