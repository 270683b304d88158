/**
 * The user's CertCentral API key: stored once, encrypted at rest, readable only by the
 * background.
 *
 * The key is encrypted with AES-GCM under a non-extractable CryptoKey that lives in the same
 * extension-origin IndexedDB. That keeps the plain key out of the profile's files on disk and
 * out of any export; the origin boundary keeps both out of content scripts (see private-store).
 */
import { z } from 'zod';
import { deletePrivate, readPrivate, writePrivate } from '../storage/private-store';

const KEY_RECORD = 'api-key';
const WRAPPING_KEY_RECORD = 'api-key-wrapping-key';
export const API_KEY_RECORD_VERSION = 1;

const apiKeyRecordV1 = z.object({
  version: z.literal(1),
  iv: z.instanceof(Uint8Array),
  ciphertext: z.instanceof(ArrayBuffer),
  /** Last four characters, so the user can tell which key is saved without seeing it. */
  hint: z.string().max(4),
  savedAt: z.string(),
});
export type ApiKeyRecord = z.infer<typeof apiKeyRecordV1>;

export type ApiKeyStatus =
  | { state: 'missing' }
  | { state: 'saved'; hint: string; savedAt: string }
  | { state: 'unreadable'; reason: string };

/**
 * Migrates whatever is stored to the current record shape. Version 1 is the first; a record of
 * an unknown version or a damaged one is reported, never guessed at: the user pastes the key again.
 */
export function migrateApiKeyRecord(raw: unknown): { record: ApiKeyRecord } | { problem: string } | null {
  if (raw === undefined || raw === null) return null;
  const version = typeof raw === 'object' && raw !== null && 'version' in raw ? raw.version : undefined;
  if (version === 1) {
    const parsed = apiKeyRecordV1.safeParse(raw);
    if (parsed.success) return { record: parsed.data };
    return { problem: 'The saved API key is damaged. Remove it and paste the key again.' };
  }
  return {
    problem: `The saved API key was written by a newer or unknown version (${String(version)}). Paste the key again.`,
  };
}

/** Checks what a person pasted; returns a sentence saying what is wrong, or null when it looks like a key. */
export function checkApiKeyInput(input: string): string | null {
  const key = input.trim();
  if (key.length === 0) return 'Paste your CertCentral API key (Automation › API Keys in CertCentral).';
  if (/\s/.test(key)) return 'An API key has no spaces or line breaks; paste the key on its own.';
  if (!/^[\x21-\x7e]+$/.test(key))
    return 'An API key is plain letters, digits and punctuation; check what was pasted.';
  if (key.length < 8) return 'That is too short to be an API key; paste the whole key.';
  if (key.length > 512) return 'That is too long to be an API key; paste the key on its own.';
  return null;
}

async function wrappingKey(): Promise<CryptoKey> {
  const existing = await readPrivate(WRAPPING_KEY_RECORD);
  if (existing instanceof CryptoKey) return existing;
  const created = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await writePrivate(WRAPPING_KEY_RECORD, created);
  return created;
}

export async function saveApiKey(input: string, now: Date = new Date()): Promise<ApiKeyStatus> {
  const problem = checkApiKeyInput(input);
  if (problem) throw new Error(problem);
  const key = input.trim();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await wrappingKey(),
    new TextEncoder().encode(key),
  );
  const record: ApiKeyRecord = {
    version: API_KEY_RECORD_VERSION,
    iv,
    ciphertext,
    hint: key.slice(-4),
    savedAt: now.toISOString(),
  };
  await writePrivate(KEY_RECORD, record);
  return { state: 'saved', hint: record.hint, savedAt: record.savedAt };
}

type StoredKey = { status: ApiKeyStatus; key: string | null };

async function readStoredKey(): Promise<StoredKey> {
  const migrated = migrateApiKeyRecord(await readPrivate(KEY_RECORD));
  if (migrated === null) return { status: { state: 'missing' }, key: null };
  if ('problem' in migrated) return { status: { state: 'unreadable', reason: migrated.problem }, key: null };
  const { iv, ciphertext, hint, savedAt } = migrated.record;
  try {
    const algorithm = { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> };
    const plain = await crypto.subtle.decrypt(algorithm, await wrappingKey(), ciphertext);
    return { status: { state: 'saved', hint, savedAt }, key: new TextDecoder().decode(plain) };
  } catch {
    // The wrapping key is gone or different (database partly cleared): the record is useless.
    const reason = 'The saved API key can no longer be decrypted. Remove it and paste the key again.';
    return { status: { state: 'unreadable', reason }, key: null };
  }
}

export async function getApiKeyStatus(): Promise<ApiKeyStatus> {
  return (await readStoredKey()).status;
}

/** The plain key, for the background's API client only. Null when none is saved or it cannot be read. */
export async function loadApiKey(): Promise<string | null> {
  return (await readStoredKey()).key;
}

export async function removeApiKey(): Promise<void> {
  await deletePrivate(KEY_RECORD);
}
