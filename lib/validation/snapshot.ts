/**
 * The last validation state read from CertCentral for an order, kept per order so the history panel
 * shows what the order waits on without a new API call each time it opens. Stored as
 * `validation:<orderId>` in the private IndexedDB store (out of content scripts' reach, like the
 * outbox). It only ever holds what CertCentral answered, with when it was read (`readAt`): the panel
 * says how old it is, and never presents it as the state now.
 *
 * What is read (docs/certcentral-api.md "Validation follow-through"): GET …/validation for the
 * domains, their methods and statuses, the organization validation and the EV approvers; the order's
 * random value (PUT …/dcv-random-value or …/dcv-method) for what to publish, with its expiry.
 */
import { z } from 'zod/mini';
import { domainLabel, isDone } from '../certcentral/validation-reading';
import type { OrderValidation } from '../certcentral/validation-schemas';
import { lazySchema } from '../lazy-schema';
import { deletePrivate, listPrivate, readPrivate, writePrivate } from '../storage/private-store';
import { defineStoredItem, readStored } from '../storage/stored-item';
import { dcvMethodKind, isTokenMethod } from './methods';
import { type ValidationSnapshot, validationSnapshotSchema } from './schemas';

export type { SnapshotDomain, SnapshotToken, ValidationSnapshot } from './schemas';

export const SNAPSHOT_PREFIX = 'validation:';
export const SNAPSHOT_VERSION = 1;
const snapshotKey = (orderId: number) => `${SNAPSHOT_PREFIX}${orderId}`;

const snapshotRecordSchema = lazySchema(() =>
  z.object({ version: z.literal(SNAPSHOT_VERSION), ...validationSnapshotSchema.shape }),
);

/** Version 1 is the first: no older record exists, so no step leads here yet. */
export const validationSnapshotItem = defineStoredItem({
  name: 'validation snapshot',
  where: { area: 'private', prefix: SNAPSHOT_PREFIX },
  version: SNAPSHOT_VERSION,
  schema: snapshotRecordSchema,
  migrations: [],
});

const idText = (id: number | string | undefined) => (id === undefined ? undefined : String(id));

/**
 * Pure: the snapshot of a GET …/validation answer. The token is carried over from `previous` only
 * while it belongs to the same method: after a method change the old value publishes nothing.
 */
export function snapshotOf(
  orderId: number,
  v: OrderValidation,
  readAt: Date,
  previous?: ValidationSnapshot | undefined,
): ValidationSnapshot {
  const dcvMethod = v.order_dcv_method ?? undefined;
  const domains = v.dns_name_validations.items.map((d) => {
    const domainId = idText(d.domain_id ?? undefined);
    return {
      name: domainLabel(d),
      ...(domainId !== undefined ? { domainId } : {}),
      method: d.method ?? dcvMethod ?? 'unknown',
      status: d.status,
      validated: isDone(d.status),
      dnsNames: [...(d.dns_names ?? [])],
    };
  });
  const organization = v.organization_validations.items.map((o) => ({
    type: o.type,
    status: o.status ?? 'unknown',
    done: isDone(o.status),
    ...(o.date_created ? { dateCreated: o.date_created } : {}),
    ...(o.validated_until ? { validatedUntil: o.validated_until } : {}),
  }));
  const approvers = v.organization_validations.items.flatMap((o) =>
    o.verified_contacts.items
      .filter((c) => c.status !== undefined && c.status !== null)
      .map((c) => {
        const name = c.name || [c.first_name, c.last_name].filter(Boolean).join(' ');
        return {
          ...(name ? { name } : {}),
          ...(c.email ? { email: c.email } : {}),
          status: c.status ?? 'unknown',
          done: isDone(c.status),
        };
      }),
  );
  const lists = [
    v.dns_name_validations,
    v.organization_validations,
    ...v.organization_validations.items.map((o) => o.verified_contacts),
  ];
  const tokenMethod = tokenMethodOf({ dcvMethod, domains });
  const token =
    previous?.token && tokenMethod !== undefined && previous.token.method === tokenMethod
      ? previous.token
      : undefined;
  return {
    orderId,
    readAt: readAt.toISOString(),
    ...(v.order_status ? { orderStatus: v.order_status } : {}),
    ...(dcvMethod ? { dcvMethod } : {}),
    domains,
    organization,
    approvers,
    ...(token ? { token } : {}),
    unreadable: lists.reduce((n, l) => n + l.unreadable.length, 0),
  };
}

/**
 * The token method the pending domains use, when there is one: the order's random value serves every
 * domain submitted with the order (docs "Get order DCV random value"), so one value is kept per order.
 */
export function tokenMethodOf(s: Pick<ValidationSnapshot, 'dcvMethod' | 'domains'>): string | undefined {
  const pending = s.domains.filter((d) => !d.validated).map((d) => d.method);
  const method =
    pending.find((m) => isTokenMethod(m)) ?? (isTokenMethod(s.dcvMethod) ? s.dcvMethod : undefined);
  return method !== undefined && dcvMethodKind(method) !== 'unknown' ? method : undefined;
}

/** Pure: whether the snapshot's order still waits on anything. */
export function isWaiting(s: ValidationSnapshot): boolean {
  return s.orderStatus === undefined || s.orderStatus === 'pending';
}

export async function readSnapshot(orderId: number): Promise<ValidationSnapshot | undefined> {
  const read = readStored(validationSnapshotItem, await readPrivate(snapshotKey(orderId)));
  if (read === null) return undefined;
  // A damaged or newer record is not shown as a state: the next read from CertCentral replaces it.
  if ('problem' in read) return undefined;
  const { version: _version, ...snapshot } = read.value;
  return snapshot;
}

/**
 * The stored states of the given orders, in one read of the store (the badge recounts after every
 * outbox change, and a bulk renewal leaves hundreds of orders pending). Damaged or newer records are
 * left out, as readSnapshot does.
 */
export async function readSnapshots(orderIds: readonly number[]): Promise<Map<number, ValidationSnapshot>> {
  const found = new Map<number, ValidationSnapshot>();
  if (orderIds.length === 0) return found;
  const wanted = new Set(orderIds.map(snapshotKey));
  for (const { key, value } of await listPrivate(SNAPSHOT_PREFIX)) {
    if (!wanted.has(key)) continue;
    const read = readStored(validationSnapshotItem, value);
    if (read === null || 'problem' in read) continue;
    const { version: _version, ...snapshot } = read.value;
    found.set(snapshot.orderId, snapshot);
  }
  return found;
}

export async function saveSnapshot(snapshot: ValidationSnapshot): Promise<ValidationSnapshot> {
  const record = snapshotRecordSchema.parse({ version: SNAPSHOT_VERSION, ...snapshot });
  await writePrivate(snapshotKey(snapshot.orderId), record);
  return snapshot;
}

export function forgetSnapshot(orderId: number): Promise<void> {
  return deletePrivate(snapshotKey(orderId));
}
