/**
 * The account's expiring orders as the last complete daily check read them: what the badge and the
 * popup's "Needs you" list count between checks, without asking the API each time the outbox
 * changes (the request budget belongs to submissions first: daily-check.ts). Stored as the
 * `alert-expiring` record of the private IndexedDB store, beside the settings and the ledger.
 *
 * Only orders that can matter are kept: those within the largest reminder day (or expired within
 * the grace) when they were read; whether each is renewed, snoozed or past which threshold is
 * decided again at every read, from the current outbox, settings and clock.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { readPrivate, writePrivate } from '../storage/private-store';
import { defineStoredItem, readStored } from '../storage/stored-item';
import { daysLeft, EXPIRED_GRACE_DAYS, type IssuedOrder } from './expiry';

export const ALERT_SNAPSHOT_RECORD = 'alert-expiring';
export const ALERT_SNAPSHOT_VERSION = 1;
/** A bound: a page is up to 1000 orders and a check reads at most 100 pages (orders.ts listAllOrders). */
export const MAX_SNAPSHOT_ORDERS = 100_000;

const issuedOrderSchema = lazySchema(() =>
  z.object({
    id: z.number().check(z.int(), z.positive()),
    commonName: z.string(),
    validTill: z.optional(z.nullable(z.string())),
    renewedOrderId: z.optional(z.nullable(z.number())),
  }),
);

/** Version 1 is the first: no older record exists, so no step leads here yet. */
export const alertSnapshotItem = defineStoredItem({
  name: 'expiring orders last read',
  where: { area: 'private', record: ALERT_SNAPSHOT_RECORD },
  version: ALERT_SNAPSHOT_VERSION,
  schema: lazySchema(() =>
    z.object({
      version: z.literal(ALERT_SNAPSHOT_VERSION),
      readAt: z.iso.datetime({ offset: true }),
      orders: z.array(issuedOrderSchema).check(z.maxLength(MAX_SNAPSHOT_ORDERS)),
    }),
  ),
  migrations: [],
});

export interface AlertSnapshot {
  readAt: string;
  orders: IssuedOrder[];
}

/** Pure: the orders worth keeping, those within `withinDays` or expired within the grace. */
export function ordersWorthKeeping(
  orders: readonly IssuedOrder[],
  withinDays: number,
  now: Date,
): IssuedOrder[] {
  return orders.filter((o) => {
    const days = daysLeft(o.validTill, now);
    return days !== undefined && days <= withinDays && days >= -EXPIRED_GRACE_DAYS;
  });
}

/** Pure: the snapshot in a stored record; none when absent or unreadable (the next check writes a new one). */
export function snapshotFromRecord(raw: unknown): AlertSnapshot | undefined {
  const read = readStored(alertSnapshotItem, raw);
  if (read === null || !('value' in read)) return undefined;
  return { readAt: read.value.readAt, orders: read.value.orders };
}

export async function readAlertSnapshot(): Promise<AlertSnapshot | undefined> {
  return snapshotFromRecord(await readPrivate(ALERT_SNAPSHOT_RECORD));
}

export function writeAlertSnapshot(snapshot: AlertSnapshot): Promise<void> {
  return writePrivate(ALERT_SNAPSHOT_RECORD, { version: ALERT_SNAPSHOT_VERSION, ...snapshot });
}
