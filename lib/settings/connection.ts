/**
 * "Test connection": ask CertCentral who the saved key belongs to (`GET /user/me`, the documented
 * way to test a key) and remember the answer privately so the popup can show it without a call.
 */
import { z } from 'zod/mini';
import { isInvalidKeyAnswer } from '../certcentral/error-advice';
import { type MessageKey, t } from '../i18n';
import { lazySchema } from '../lazy-schema';
import type { Connection, UserError } from '../messaging';
import { connectionSchema } from '../messaging/views';
import type { Region } from '../region';
import { readPrivate, writePrivate } from '../storage/private-store';
import { defineStoredItem, readStored } from '../storage/stored-item';
import { changingSettings } from './view-cache';

const CONNECTION_RECORD = 'connection';

/** The last test's result; "forget" writes null in its place (read as absent). */
export const connectionItem = defineStoredItem({
  name: 'last connection test',
  where: { area: 'private', record: CONNECTION_RECORD },
  version: 1,
  schema: lazySchema(() => z.object({ version: z.literal(1), connection: connectionSchema })),
  migrations: [],
});

/** Roles that cannot place orders, by the documented role ids of restricted API keys. */
const NON_ORDERING_ROLES: Record<number, MessageKey> = {
  102: 'settings_role_view_only',
  103: 'settings_role_user_management',
};

/** `GET /user/me` as the tolerant reader gives it: only the id is certain. */
export type Identity = {
  id: number;
  first_name?: string | undefined;
  last_name?: string | undefined;
  username?: string | undefined;
  email?: string | undefined;
  account_id?: number | undefined;
  container?: { id: number; name?: string | undefined } | undefined;
  access_roles: { items: { id: number; name?: string | undefined }[] };
};

export function describeIdentity(identity: Identity, region: Region, checkedAt: Date): Connection {
  const username = identity.username ?? '';
  const name =
    [identity.first_name, identity.last_name].filter(Boolean).join(' ') ||
    username ||
    t('settings_user_number', String(identity.id));
  const roles = identity.access_roles.items.map((r) => ({
    id: r.id,
    name: r.name ?? t('settings_role_number', String(r.id)),
  }));
  const blockedBy = roles.map((role) => NON_ORDERING_ROLES[role.id]).find(Boolean);
  const blocked = blockedBy ? t(blockedBy) : undefined;
  const container = identity.container;
  return {
    state: 'connected',
    checkedAt: checkedAt.toISOString(),
    region,
    user: { id: identity.id, name, username, email: identity.email ?? '' },
    ...(identity.account_id !== undefined ? { accountId: identity.account_id } : {}),
    ...(container
      ? {
          container: {
            id: container.id,
            name: container.name ?? t('common_division_number', String(container.id)),
          },
        }
      : {}),
    roles,
    ...(blocked ? { orderingBlocked: blocked } : {}),
  };
}

/**
 * A key that CertCentral calls invalid is, as often as not, a key of the other instance: a US key
 * does not exist on certcentral.digicert.eu and the other way round (DigiCert runs two separate
 * instances; see docs/error-codes.md). So the failure names the region this test used.
 */
const OTHER_REGION_HINT: Record<Region, MessageKey> = {
  us: 'settings_hint_us',
  eu: 'settings_hint_eu',
};

export function describeFailure(error: UserError, region: Region, checkedAt: Date): Connection {
  const wrongKey = isInvalidKeyAnswer(error.code, error.status);
  const detail = wrongKey
    ? [error.detail, t(OTHER_REGION_HINT[region])].filter(Boolean).join(' ')
    : error.detail;
  return {
    state: 'failed',
    checkedAt: checkedAt.toISOString(),
    region,
    error: { ...error, ...(detail === undefined ? {} : { detail }) },
  };
}

export async function saveConnection(connection: Connection): Promise<void> {
  await changingSettings(() => writePrivate(CONNECTION_RECORD, { version: 1, connection }));
}

export async function forgetConnection(): Promise<void> {
  await changingSettings(() => writePrivate(CONNECTION_RECORD, null));
}

/** The last test's result, or null when there was none or it cannot be read (then the user tests again). */
export async function readConnection(): Promise<Connection | null> {
  const read = readStored(connectionItem, await readPrivate(CONNECTION_RECORD));
  return read !== null && 'value' in read ? read.value.connection : null;
}
