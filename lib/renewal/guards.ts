/**
 * Money-saving guard rails before a renewal ("Renew one order"). Pure: the order as the API
 * gave it, the outbox's renewals and the day in; a list of warnings out.
 *
 * What is read from `GET /order/certificate/{id}` (docs/certcentral-api.md "one order"):
 * - `status`, `is_renewed`, `renewed_order_id` (documented there);
 * - the end of the order's own coverage. docs/certcentral-api.md does not document a field for it. We read
 *   `order_valid_till` (the name DigiCert's order details use beside `order_valid_from`; the sandbox
 *   serves it), and only if it is absent compute it from `order_validity.years` or `validity_years`
 *   added to `order_valid_from` or `date_created`. Both are assumptions: when neither is there, no
 *   reissue advice is given (silence costs nothing; wrong advice could leave a site without a certificate).
 */
import type { OrderDetails, OrderSummary } from '../certcentral/order-schemas';
import { type MessageKey, t } from '../i18n';
import { formatDay, formatNumber } from '../i18n/format';
import { addYears, daysBetween, formatIsoDay, parseIsoDay, utcDay } from '../order/dates';
import type { OutboxEntry } from '../outbox/entry';

export type GuardKind = 'reissue-instead' | 'already-renewed' | 'renewal-in-progress' | 'not-renewable';
export interface RenewalGuard {
  kind: GuardKind;
  message: string;
}

type AnyOrder = OrderDetails | OrderSummary;

/**
 * docs/certcentral-api.md "Certificate validity": a multi-year order is served by reissues inside the order's validity.
 * A plan that outlasts its certificate by more than this many days still has coverage a free
 * reissue can use; fewer days are within date rounding (and not worth a reissue).
 */
export const REISSUE_MARGIN_DAYS = 7;

/** Statuses with no certificate to renew (docs/certcentral-api.md "list orders" statuses); `needs_approval` is pending too. */
const NOT_RENEWABLE: Record<string, MessageKey> = {
  pending: 'renewal_not_renewable_pending',
  needs_approval: 'renewal_not_renewable_approval',
  rejected: 'renewal_not_renewable_rejected',
  canceled: 'renewal_not_renewable_canceled',
  revoked: 'renewal_not_renewable_revoked',
};

const day = (text: unknown) => (typeof text === 'string' ? parseIsoDay(text.slice(0, 10)) : undefined);

/** The last day the order (the plan, not the certificate) covers, if the order says it. */
export function orderValidTill(order: AnyOrder): Date | undefined {
  const raw = order as Record<string, unknown>;
  const stated = day(raw.order_valid_till);
  if (stated) return stated;
  const validity = raw.order_validity as { years?: unknown } | undefined;
  const years = typeof validity?.years === 'number' ? validity.years : order.validity_years;
  const start = day(raw.order_valid_from) ?? day(order.date_created);
  return years !== undefined && start ? addYears(start, years) : undefined;
}

/** Renewals already in the outbox or history, by the order they renew (outbox entries' request bodies). */
export function renewalsInOutbox(entries: readonly OutboxEntry[]): Map<number, OutboxEntry> {
  const found = new Map<number, OutboxEntry>();
  for (const entry of entries) {
    const renewed = entry.request.renewal_of_order_id;
    if (typeof renewed !== 'number' || !isLive(entry)) continue;
    if (!found.has(renewed)) found.set(renewed, entry);
  }
  return found;
}

/** A failed submission placed nothing; a renewal CertCentral canceled or rejected ordered nothing either. */
function isLive(entry: OutboxEntry): boolean {
  if (entry.state === 'failed') return false;
  return !(entry.state === 'placed' && ['canceled', 'rejected'].includes(entry.orderStatus ?? ''));
}

export interface GuardFacts {
  now: Date;
  renewals: ReadonlyMap<number, OutboxEntry>;
}

export function renewalGuards(order: AnyOrder, facts: GuardFacts): RenewalGuard[] {
  const guards: RenewalGuard[] = [];
  const id = String(order.id);
  const stopped = Object.hasOwn(NOT_RENEWABLE, order.status) ? NOT_RENEWABLE[order.status] : undefined;
  if (stopped) guards.push({ kind: 'not-renewable', message: t(stopped, id) });
  if (!order.certificate?.common_name) {
    guards.push({ kind: 'not-renewable', message: t('renewal_no_common_name', id) });
  }
  if (order.is_renewed === true) {
    const by = typeof order.renewed_order_id === 'number' && order.renewed_order_id > 0;
    guards.push({
      kind: 'already-renewed',
      message: by
        ? t('renewal_already_renewed_by', [id, String(order.renewed_order_id)])
        : t('renewal_already_renewed', id),
    });
  }
  const pending = facts.renewals.get(order.id);
  if (pending) {
    guards.push({
      kind: 'renewal-in-progress',
      message:
        pending.orderId !== undefined
          ? t('renewal_in_progress_placed', [id, pending.commonName, String(pending.orderId)])
          : t('renewal_in_progress', [id, pending.commonName]),
    });
  }
  const reissue = stopped ? undefined : reissueAdvice(order, facts.now);
  if (reissue) guards.push(reissue);
  return guards;
}

function reissueAdvice(order: AnyOrder, now: Date): RenewalGuard | undefined {
  const certEnd = day(order.certificate?.valid_till);
  const planEnd = orderValidTill(order);
  if (!certEnd || !planEnd) return undefined;
  const extra = daysBetween(certEnd, planEnd);
  if (extra <= REISSUE_MARGIN_DAYS || daysBetween(utcDay(now), planEnd) <= REISSUE_MARGIN_DAYS)
    return undefined;
  return {
    kind: 'reissue-instead',
    message: t('renewal_reissue_advice', [
      String(order.id),
      formatDay(formatIsoDay(planEnd)),
      formatNumber(extra),
      formatDay(formatIsoDay(certEnd)),
    ]),
  };
}

/** Guards that stop a bulk renewal for this order (reissue advice does not: the person chose the orders). */
export function blockingGuard(guards: readonly RenewalGuard[]): RenewalGuard | undefined {
  return guards.find((g) => g.kind !== 'reissue-instead');
}
