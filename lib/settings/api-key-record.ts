/**
 * What a saved API key looks like at rest, and the encryption around it. lib/settings/api-key.ts
 * decides where records live and when they go; docs/key-storage.md says what this protects.
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { lazySchema } from '../lazy-schema';

export const API_KEY_RECORD_VERSION = 2;

/**
 * Chromium stores an IndexedDB value larger than 64 KiB in a file of its own beside the LevelDB
 * database and deletes that file when the record is replaced or deleted. A smaller value goes into
 * LevelDB's log and tables, where a deleted value stays readable until LevelDB happens to compact
 * it, which the extension cannot trigger. Random padding (random so that Chromium's value
 * compression cannot shrink it under the limit) puts the ciphertext and its wrapping key in such a
 * file, so "Remove key" and "Replace key" really take their bytes off the profile.
 */
export const PADDING_BYTES = 96 * 1024;

export const sealedFields = lazySchema(() => ({
  iv: z.instanceof(Uint8Array),
  ciphertext: z.instanceof(ArrayBuffer),
  /** Last four characters, so the user can tell which key is saved without seeing it. */
  hint: z.string().check(z.maxLength(4)),
  savedAt: z.string(),
}));

/** Written by earlier versions into the main private store, beside a separate wrapping-key record. */
export const apiKeyRecordV1 = lazySchema(() => z.object({ version: z.literal(1), ...sealedFields }));
export type ApiKeyRecordV1 = z.infer<typeof apiKeyRecordV1>;

/** The current record, alone in the `api-key` database: the wrapping key travels with its ciphertext. */
export const apiKeyRecordV2 = lazySchema(() =>
  z.object({
    version: z.literal(2),
    /** New at every save, like the wrapping key: tells two saves apart without reading the key. */
    keyId: z.string(),
    wrappingKey: z.instanceof(CryptoKey),
    ...sealedFields,
    padding: z.instanceof(Uint8Array),
  }),
);
export type ApiKeyRecord = z.infer<typeof apiKeyRecordV2>;

export type ApiKeyStatus =
  | { state: 'missing' }
  | { state: 'saved'; hint: string; savedAt: string; protected?: boolean }
  | { state: 'unreadable'; reason: string };

/** ApiKeyStatus, plus a passphrase-protected key that is not unlocked now (the background cannot call CertCentral). */
export type ApiKeyState = ApiKeyStatus | { state: 'locked'; hint: string; savedAt: string };

export function versionOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null && 'version' in raw ? raw.version : undefined;
}

export const damaged = (): string => t('settings_key_damaged');

/** Checks what a person pasted; returns a sentence saying what is wrong, or null when it looks like a key. */
export function checkApiKeyInput(input: string): string | null {
  const key = input.trim();
  if (key.length === 0) return t('settings_key_input_empty');
  if (/\s/.test(key)) return t('settings_key_input_spaces');
  if (!/^[\x21-\x7e]+$/.test(key)) return t('settings_key_input_characters');
  if (key.length < 8) return t('settings_key_input_short');
  if (key.length > 512) return t('settings_key_input_long');
  return null;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 64 KiB at a time.
  for (let at = 0; at < length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
  return bytes;
}

/** Encrypts the key under a wrapping key made for this save alone (AES-GCM-256, not extractable). */
export async function sealApiKey(key: string, savedAt: string): Promise<ApiKeyRecord> {
  const wrappingKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    wrappingKey,
    new TextEncoder().encode(key),
  );
  return {
    version: API_KEY_RECORD_VERSION,
    keyId: crypto.randomUUID(),
    wrappingKey,
    iv,
    ciphertext,
    hint: key.slice(-4),
    savedAt,
    padding: randomBytes(PADDING_BYTES),
  };
}

/** The plain key, or null when this wrapping key does not open the ciphertext. */
export async function openSealed(
  record: { iv: Uint8Array; ciphertext: ArrayBuffer },
  wrappingKey: CryptoKey,
): Promise<string | null> {
  try {
    const algorithm = { name: 'AES-GCM', iv: record.iv as Uint8Array<ArrayBuffer> };
    return new TextDecoder().decode(await crypto.subtle.decrypt(algorithm, wrappingKey, record.ciphertext));
  } catch {
    return null;
  }
}
