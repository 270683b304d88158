/**
 * "Test connection": ask CertCentral who the saved key belongs to (`GET /user/me`, the documented
 * way to test a key) and remember the answer privately so the popup can show it without a call.
 */
import { z } from 'zod';
import type { Connection, UserError } from '../messaging';
import { connectionSchema } from '../messaging';
import { readPrivate, writePrivate } from '../storage/private-store';
import type { Region } from './preferences';

const CONNECTION_RECORD = 'connection';

const connectionRecordV1 = z.object({ version: z.literal(1), connection: z.unknown() });

/** Roles that cannot place orders, by the documented role ids of restricted API keys. */
const NON_ORDERING_ROLES: Record<number, string> = {
  102: 'This key is View Only (role 102): it can read orders but cannot place or cancel them. Create a key without restrictions, or with the Orders role, to order certificates.',
  103: 'This key is limited to User Management (role 103): it cannot place orders. Create a key without restrictions, or with the Orders role, to order certificates.',
};

export type Identity = {
  id: number;
  first_name?: string | undefined;
  last_name?: string | undefined;
  username: string;
  email?: string | undefined;
  account_id: number;
  container: { id: number; name: string };
  access_roles: { id: number; name: string }[];
};

export function describeIdentity(identity: Identity, region: Region, checkedAt: Date): Connection {
  const name = [identity.first_name, identity.last_name].filter(Boolean).join(' ') || identity.username;
  const blocked = identity.access_roles.map((role) => NON_ORDERING_ROLES[role.id]).find(Boolean);
  return {
    state: 'connected',
    checkedAt: checkedAt.toISOString(),
    region,
    user: { id: identity.id, name, username: identity.username, email: identity.email ?? '' },
    accountId: identity.account_id,
    container: identity.container,
    roles: identity.access_roles,
    ...(blocked ? { orderingBlocked: blocked } : {}),
  };
}

export function describeFailure(error: UserError, region: Region, checkedAt: Date): Connection {
  return { state: 'failed', checkedAt: checkedAt.toISOString(), region, error };
}

export async function saveConnection(connection: Connection): Promise<void> {
  await writePrivate(CONNECTION_RECORD, { version: 1, connection });
}

export async function forgetConnection(): Promise<void> {
  await writePrivate(CONNECTION_RECORD, null);
}

/** The last test's result, or null when there was none or it cannot be read (then the user tests again). */
export async function readConnection(): Promise<Connection | null> {
  const record = connectionRecordV1.safeParse(await readPrivate(CONNECTION_RECORD));
  if (!record.success) return null;
  const connection = connectionSchema.safeParse(record.data.connection);
  return connection.success ? connection.data : null;
}
