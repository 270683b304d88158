/**
 * The API key's stored items, declared for lib/storage/items.ts. The code that reads them
 * (api-key.ts, api-key-session.ts) checks each with the same schemas.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem } from '../storage/stored-item';
import { CURRENT, LEGACY_KEY_RECORD, LEGACY_WRAPPING_KEY_RECORD } from './api-key';
import { apiKeyRecordV3 } from './api-key-passphrase';
import { apiKeyRecordV1, apiKeyRecordV2 } from './api-key-record';
import { UNLOCKED } from './api-key-session';

/**
 * The saved key, alone in its own database. Its `version` tells two kinds apart, neither upgraded
 * into the other: 2 is sealed under a wrapping key kept beside it, 3 is locked by a passphrase. So
 * there are no steps; a record of any other version is reported, never guessed at.
 */
export const apiKeyItem = defineStoredItem({
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
export const unlockedKeyItem = defineStoredItem({
  name: 'unlocked api key',
  where: { area: 'session', key: UNLOCKED },
  version: null,
  schema: lazySchema(() =>
    z.object({ keyId: z.string(), key: z.string(), idleMs: z.number(), expiresAt: z.number() }),
  ),
  migrations: [],
});
