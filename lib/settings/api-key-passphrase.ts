/**
 * The optional passphrase lock, its record and its crypto: no wrapping key on disk at all, only
 * what derives one from the passphrase, so a copy of the profile gives an attacker a slow guess
 * instead of the key. docs/key-storage.md describes what it protects; lib/settings/api-key.ts
 * stores the record and keeps the unlocked key in `storage.session`.
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { lazySchema } from '../lazy-schema';
import { openSealed, PADDING_BYTES, randomBytes, sealedFields } from './api-key-record';

/** PBKDF2-SHA-256 rounds for a passphrase (OWASP's figure for this hash); fewer are refused. */
export const PASSPHRASE_ITERATIONS = 600_000;

/**
 * The optional passphrase lock: no wrapping key on disk at all, only what derives one from the
 * passphrase. Without the passphrase, a copy of the profile gives an attacker only a slow guess.
 */
export const apiKeyRecordV3 = lazySchema(() =>
  z.object({
    version: z.literal(3),
    keyId: z.string(),
    kdf: z.object({
      name: z.literal('PBKDF2'),
      hash: z.literal('SHA-256'),
      iterations: z.number().check(z.int(), z.gte(PASSPHRASE_ITERATIONS)),
      salt: z.instanceof(Uint8Array),
    }),
    ...sealedFields,
    padding: z.instanceof(Uint8Array),
  }),
);
export type LockedApiKeyRecord = z.infer<typeof apiKeyRecordV3>;

/** Says what is wrong with a passphrase, or null. Long rather than clever: it is all that stands. */
export function checkPassphrase(passphrase: string): string | null {
  if (passphrase.length < 12) return t('settings_passphrase_short', formatNumber(12));
  if (passphrase.length > 1024) return t('settings_passphrase_long');
  return null;
}

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  // NFC: the same passphrase typed on another keyboard or system gives the same bytes.
  const bytes = new TextEncoder().encode(passphrase.normalize('NFC'));
  const material = await crypto.subtle.importKey('raw', bytes, 'PBKDF2', false, ['deriveKey']);
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations };
  return crypto.subtle.deriveKey(params, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Encrypts the key under a key derived from the passphrase (new salt, IV and keyId every time). */
export async function sealWithPassphrase(
  key: string,
  passphrase: string,
  savedAt: string,
): Promise<LockedApiKeyRecord> {
  const problem = checkPassphrase(passphrase);
  if (problem) throw new Error(problem);
  const kdf = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: PASSPHRASE_ITERATIONS,
    salt: randomBytes(16),
  } as const;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const derived = await passphraseKey(passphrase, kdf.salt, kdf.iterations);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    derived,
    new TextEncoder().encode(key),
  );
  const padding = randomBytes(PADDING_BYTES);
  return {
    version: 3,
    keyId: crypto.randomUUID(),
    kdf,
    iv,
    ciphertext,
    hint: key.slice(-4),
    savedAt,
    padding,
  };
}

/** The plain key, or null when the passphrase is wrong (AES-GCM's tag does not match). */
export async function openWithPassphrase(
  record: LockedApiKeyRecord,
  passphrase: string,
): Promise<string | null> {
  return openSealed(record, await passphraseKey(passphrase, record.kdf.salt, record.kdf.iterations));
}
