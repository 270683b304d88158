/**
 * What a renewal that someone else placed first looks like in words, from the order CertCentral
 * answered with. Pure: docs/certcentral-api.md "Renewals placed elsewhere" says which fields are read
 * and how sure each is.
 */
import type { AlternateOrder, OrderDetails } from '../certcentral/order-schemas';
import { t } from '../i18n';
import { formatDateTime } from '../i18n/format';
import type { RenewedElsewhere } from './entry';

/** An order that still counts as a renewal: anything but canceled or rejected (docs "Order list" statuses). */
export function isLiveOrderStatus(status: string | undefined): boolean {
  return status !== 'canceled' && status !== 'rejected';
}

/** The renewal that counts among orders found for one renewal: the live one CertCentral stored first (lowest id). */
export function firstLiveOrder<T extends Pick<AlternateOrder, 'order_id' | 'status'>>(
  orders: readonly T[],
): T | undefined {
  return [...orders].filter((o) => isLiveOrderStatus(o.status)).sort((a, b) => a.order_id - b.order_id)[0];
}

/** "Ada Admin (ada@example.com)", a name or an e-mail alone; undefined when the order names nobody. */
export function placerOf(order: Pick<OrderDetails, 'user'> | undefined): string | undefined {
  const user = order?.user;
  if (!user) return undefined;
  const name = [user.first_name, user.last_name]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  const email = user.email?.trim() ?? '';
  if (name && email) return `${name} (${email})`;
  return name || email || undefined;
}

/** The facts kept for the history, from the other order's details when they could be read. */
export function renewedElsewhere(
  orderId: number,
  details: OrderDetails | undefined,
  ownCanceled?: number,
): RenewedElsewhere {
  const by = placerOf(details);
  const placedAt = details?.date_created ?? undefined;
  return {
    orderId,
    ...(by ? { by } : {}),
    ...(placedAt ? { placedAt } : {}),
    ...(ownCanceled !== undefined ? { ownCanceled } : {}),
  };
}

/** "Already being renewed by Ada Admin (…), order #N, placed on 3 Dec 2026, 17:02. Nothing was ordered." */
export function renewedElsewhereNote(found: RenewedElsewhere): string {
  const by = found.by ?? t('history_renewed_by_someone');
  const when =
    found.placedAt && !Number.isNaN(Date.parse(found.placedAt))
      ? formatDateTime(found.placedAt)
      : found.placedAt;
  const head = when
    ? t('history_renewed_elsewhere', [by, String(found.orderId), when])
    : t('history_renewed_elsewhere_undated', [by, String(found.orderId)]);
  return found.ownCanceled === undefined
    ? head
    : `${head} ${t('history_renewed_elsewhere_own_canceled', String(found.ownCanceled))}`;
}
