/**
 * The API key's stored items, declared for lib/storage/items.ts. The code that reads them
 * (api-key.ts, api-key-session.ts) reads each through `readStored` with these declarations, so a
 * record is checked one way wherever it is read.
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem, readStored, type StoredRead } from '../storage/stored-item';
import { apiKeyRecordV3, type LockedApiKeyRecord } from './api-key-passphrase';
import { type ApiKeyRecord, apiKeyRecordV1, apiKeyRecordV2, damaged, versionOf } from './api-key-record';

/** The record in the key's own database. */
export const CURRENT = 'current';
/** Where earlier versions kept the key and its wrapping key: the main private store. */
export const LEGACY_KEY_RECORD = 'api-key';
export const LEGACY_WRAPPING_KEY_RECORD = 'api-key-wrapping-key';
/** The unlocked key's key in `storage.session`. */
export const UNLOCKED = 'apiKeyUnlocked';

/**
 * The saved key, alone in its own database. Its `version` tells two kinds apart, neither upgraded
 * into the other: 2 is sealed under a wrapping key kept beside it, 3 is locked by a passphrase. So
 * there are no steps; a record of any other version is reported, never guessed at.
 */
export const apiKeyItem = defineStoredItem<ApiKeyRecord | LockedApiKeyRecord>({
  name: 'api key',
  where: { area: 'api-key-db', record: CURRENT },
  version: null,
  schema: lazySchema(() => z.union([apiKeyRecordV2, apiKeyRecordV3])),
  migrations: [],
});

/** Left by earlier versions in the main store; read once to move it into the key's database. */
export const legacyApiKeyItem = defineStoredItem({
  name: 'api key (earlier versions)',
  where: { area: 'private', record: LEGACY_KEY_RECORD },
  version: 1,
  schema: apiKeyRecordV1,
  migrations: [],
});

/** The wrapping key earlier versions shared between saves; read once with the key above, then removed. */
export const legacyWrappingKeyItem = defineStoredItem({
  name: 'api key wrapping key (earlier versions)',
  where: { area: 'private', record: LEGACY_WRAPPING_KEY_RECORD },
  version: null,
  schema: lazySchema(() => z.instanceof(CryptoKey)),
  migrations: [],
});

/** A passphrase-protected key once unlocked, with when it locks again. */
export type UnlockedKey = { keyId: string; key: string; idleMs: number; expiresAt: number };
export const unlockedKeyItem = defineStoredItem<UnlockedKey>({
  name: 'unlocked api key',
  where: { area: 'session', key: UNLOCKED },
  version: null,
  schema: lazySchema(() =>
    z.object({ keyId: z.string(), key: z.string(), idleMs: z.number(), expiresAt: z.number() }),
  ),
  migrations: [],
});

/** What the key's database holds, in the words the settings show: absent, a record, or why not. */
export type KeyRecordRead = { record: ApiKeyRecord | LockedApiKeyRecord } | { problem: string } | null;

/**
 * Pure: the record at rest, read through `readStored`. A version this build does not know (written
 * by a newer one) is named as such, so the user knows an update is wanted rather than a new key;
 * anything else that fails the schema is damaged.
 */
export function readKeyRecord(raw: unknown): KeyRecordRead {
  const read: StoredRead<ApiKeyRecord | LockedApiKeyRecord> = readStored(apiKeyItem, raw);
  if (read === null) return null;
  if ('value' in read) return { record: read.value };
  const version = versionOf(raw);
  if (version === 2 || version === 3) return { problem: damaged() };
  return { problem: newerRecord(version) };
}

const newerRecord = (version: unknown): string => t('settings_key_newer', String(version));
