/**
 * Expiring certificates: which of the account's issued orders crossed which reminder threshold,
 * which are renewed or have a renewal on its way, and which reminders to send now.
 *
 * The rules:
 * - an order's threshold is the smallest reminder day its certificate's days left have reached
 *   (days left ≤ threshold), counted in whole UTC days like the Expiring view (renewal/candidate.ts);
 * - each order is told once per threshold, and only about the smallest one crossed: first seen 5
 *   days before expiry with reminders at 30, 14 and 7, it hears of 7 only, and 30 and 14 are never
 *   announced afterwards;
 * - a renewed order (CertCentral's `renewed_order_id`, or this browser's renewal issued) and one
 *   with a renewal on its way (submitted here, not failed or ended) are not announced;
 * - a snoozed order is not announced and nothing is recorded: when the snooze ends it hears of its
 *   current threshold once;
 * - with the expiring notification off, crossings are recorded without a notice, so switching it
 *   on does not send a burst of old news;
 * - a new certificate period on the same order (a Multi-year Plan's yearly reissue moves
 *   `valid_till`) starts the reminders again: they are about that certificate, not the order.
 */

import { daysBetween, parseIsoDay, utcDay } from '../order/dates';
import type { SubmissionState } from '../outbox/entry';
import type { AlertLedger, ExpiryTold } from './ledger';
import { orderArg, say, sayCount, text } from './messages';
import { type AlertNotice, noticeId } from './notice';
import { type AlertSettings, isSnoozed } from './settings';

/**
 * Certificates that ended this recently are still announced, as the Expiring view still lists them
 * (renewal/expiring.ts EXPIRED_GRACE_DAYS, the expiring report's -7 bucket); older ones are history.
 */
export const EXPIRED_GRACE_DAYS = 7;

/** An issued order as the account's order list gives it (the wiring maps `OrderSummary` rows). */
export interface IssuedOrder {
  id: number;
  commonName: string;
  /** `certificate.valid_till`, `YYYY-MM-DD` (a time after it is ignored). */
  validTill?: string | null;
  /** CertCentral writes no renewal as `null`, `0` or leaves it out (docs/certcentral-api.md). */
  renewedOrderId?: number | null;
}

/** A renewal this browser submitted (an outbox entry whose request has `renewal_of_order_id`). */
export interface RenewalSubmission {
  renewalOf: number;
  state: SubmissionState;
  /** CertCentral's status of the renewal order, once placed. */
  orderStatus?: string;
}

export type RenewalProgress = 'none' | 'on-its-way' | 'renewed';

const ENDED = new Set(['rejected', 'canceled', 'revoked']);

/** Pure: whether the order is renewed, being renewed, or still needs a renewal. */
export function renewalProgress(
  order: IssuedOrder,
  submissions: readonly RenewalSubmission[],
): RenewalProgress {
  if (typeof order.renewedOrderId === 'number' && order.renewedOrderId > 0) return 'renewed';
  let progress: RenewalProgress = 'none';
  for (const s of submissions) {
    if (s.renewalOf !== order.id || s.state === 'failed') continue;
    if (s.state === 'placed' && s.orderStatus !== undefined && ENDED.has(s.orderStatus)) continue;
    if (s.state === 'placed' && s.orderStatus === 'issued') return 'renewed';
    progress = 'on-its-way';
  }
  return progress;
}

/** Whole days from today (UTC) to the certificate's last day; undefined without a readable date. */
export function daysLeft(validTill: string | null | undefined, now: Date): number | undefined {
  const end = validTill ? parseIsoDay(validTill.slice(0, 10)) : undefined;
  return end ? daysBetween(utcDay(now), end) : undefined;
}

/** The smallest threshold the days left have reached, if any. */
export function crossedThreshold(days: number, thresholds: readonly number[]): number | undefined {
  let crossed: number | undefined;
  for (const t of thresholds) if (days <= t && (crossed === undefined || t < crossed)) crossed = t;
  return crossed;
}

export interface ExpiringOrder {
  orderId: number;
  commonName: string;
  validTill: string;
  daysLeft: number;
  threshold: number;
  renewal: RenewalProgress;
}

/** Pure: the orders past a threshold (and not expired longer than the grace), soonest first. */
export function expiringOrders(
  orders: readonly IssuedOrder[],
  submissions: readonly RenewalSubmission[],
  thresholds: readonly number[],
  now: Date,
): ExpiringOrder[] {
  const found: ExpiringOrder[] = [];
  for (const order of orders) {
    const days = daysLeft(order.validTill, now);
    if (days === undefined || days < -EXPIRED_GRACE_DAYS || !order.validTill) continue;
    const threshold = crossedThreshold(days, thresholds);
    if (threshold === undefined) continue;
    found.push({
      orderId: order.id,
      commonName: order.commonName,
      validTill: order.validTill,
      daysLeft: days,
      threshold,
      renewal: renewalProgress(order, submissions),
    });
  }
  return found.sort((a, b) => a.daysLeft - b.daysLeft || a.orderId - b.orderId);
}

export function expiryMessage(order: Pick<ExpiringOrder, 'orderId' | 'commonName' | 'daysLeft'>) {
  const name = text(order.commonName);
  const id = orderArg(order.orderId);
  if (order.daysLeft < 0) return say('alerts_expired', name, id);
  if (order.daysLeft === 0) return say('alerts_expires_today', name, id);
  return sayCount(order.daysLeft, 'alerts_expiring_one', 'alerts_expiring_other', name, id);
}

export interface ExpiryInput {
  /** The account's issued orders (`filters[status]=issued`). */
  orders: readonly IssuedOrder[];
  /** Every page was read: only then is an order missing from `orders` gone from the account. */
  complete: boolean;
  submissions: readonly RenewalSubmission[];
  settings: AlertSettings;
  ledger: AlertLedger;
  now: Date;
}

export interface ExpiryDecision {
  notices: AlertNotice[];
  /** The ledger to store with the notices sent (in the same write, before they are shown). */
  ledger: AlertLedger;
}

/**
 * Pure: the reminders to send now and the ledger after them. The ledger is pruned on the way:
 * - an order renewed: its reminders are over (if CertCentral ever clears `renewed_order_id` after a
 *   canceled renewal, the order needs renewing again and hearing so is right);
 * - an order whose certificate end moved: a new period, reminders start again;
 * - with a complete list, an order no longer listed as issued (expired, revoked, canceled): gone.
 * A renewal on its way keeps the entry: if it fails, reminders go on from where they were.
 */
export function decideExpiryNotices(input: ExpiryInput): ExpiryDecision {
  const { settings, now } = input;
  const at = now.toISOString();
  const expiry: Record<string, ExpiryTold> = {};
  const listed = new Set(input.orders.map((o) => String(o.id)));
  for (const [key, told] of Object.entries(input.ledger.expiry)) {
    if (input.complete && !listed.has(key)) continue;
    expiry[key] = told;
  }
  for (const order of input.orders) {
    const key = String(order.id);
    const told = expiry[key];
    if (
      told &&
      (told.validTill !== order.validTill || renewalProgress(order, input.submissions) === 'renewed')
    ) {
      delete expiry[key];
    }
  }
  const notices: AlertNotice[] = [];
  for (const order of expiringOrders(input.orders, input.submissions, settings.thresholds, now)) {
    if (order.renewal !== 'none' || isSnoozed(settings, order.orderId, now)) continue;
    const key = String(order.orderId);
    const told = expiry[key];
    if (told && told.told <= order.threshold) continue;
    expiry[key] = { validTill: order.validTill, told: order.threshold, at };
    if (!settings.notify.expiring) continue;
    notices.push({
      kind: 'expiring',
      orderId: order.orderId,
      id: noticeId('expiring', order.orderId),
      title: say('alerts_expiring_title'),
      message: expiryMessage(order),
    });
  }
  return { notices, ledger: { ...input.ledger, expiry } };
}
