/**
 * Validation follow-up: from the last seen and the current validation state of pending orders, the
 * one-time notifications: a domain validated, an order issued, a domain's token about to expire, an
 * order stuck in validation. Each is told once per order (and domain) and never again; the ledger
 * (ledger.ts `validation`) keeps what was seen and what was told, so a restart forgets neither.
 *
 * Changes ("validated", "issued") are only told when they were seen happen: an order first seen
 * already issued, or a domain first seen validated, is old news. States ("token expiring", "stuck")
 * are told when first found true.
 *
 * Which orders: the wiring passes every pending order it read plus every order the ledger still
 * follows (`followedOrderIds`), read one by one if it left the pending list, so the check that
 * sees an order become issued is the one that says so. An order is followed until it reaches a final
 * status (issued, rejected, canceled, revoked: docs/certcentral-api.md "Order list"); its entry is
 * dropped in that same check, after the last notice.
 */
import { DAY } from '../outbox/timing';
import { isTokenMethod } from '../validation/methods';
import type { AlertLedger, ValidationSeen } from './ledger';
import { MAX_EVENTS_PER_ORDER } from './ledger';
import { orderArg, say, sayCount, text } from './messages';
import { type AlertNotice, noticeId } from './notice';
import { type AlertSettings, isSnoozed, type NotificationKind } from './settings';

/**
 * A DCV token (random value) is good for 30 days (CA/Browser Forum Baseline Requirements 3.2.2.4;
 * DigiCert makes a new one on request). Three days before it runs out: the check runs once a day
 * while the browser is open, so a Friday check still warns of a Monday expiry, and a missed day
 * leaves another chance.
 */
export const TOKEN_WARN_DAYS = 3;

const FINAL = new Set(['issued', 'rejected', 'canceled', 'revoked', 'expired']);
const VALIDATED = 'validated';
const PENDING = 'pending';

/** One domain of an order, as the wiring maps it from the order's validation state. */
export interface DomainState {
  name: string;
  /** Domain control is proven for this order. */
  validated: boolean;
  /** When the domain's DCV token stops being accepted (an ISO instant; a bare day means its start, UTC). */
  tokenExpiresAt?: string | null;
  /** The DCV method as CertCentral names it: what the administrator has to do (needs-you.ts). */
  method?: string;
}

/** What domainStatesOf needs from a stored validation state (lib/validation/snapshot.ts). */
export interface ValidationStateLike {
  domains: readonly { name: string; validated: boolean; method: string }[];
  token?: { method: string; expiresAt?: string | undefined } | undefined;
}

/**
 * Pure: each domain of the last validation state read, as the alerts decide on it. The order's one
 * random value serves the domains of its own method only (docs/certcentral-api.md "Validation
 * follow-through"): its expiry is a domain's deadline only when the domain uses that method.
 */
export function domainStatesOf(state: ValidationStateLike | undefined): DomainState[] {
  const token = state?.token;
  return (state?.domains ?? []).map((d) => ({
    name: d.name,
    validated: d.validated,
    method: d.method,
    ...(token?.expiresAt && isTokenMethod(d.method) && d.method === token.method
      ? { tokenExpiresAt: token.expiresAt }
      : {}),
  }));
}

export interface FollowedOrder {
  id: number;
  commonName: string;
  /** CertCentral's order status. */
  status: string;
  /** `date_created`: the start of the wait. */
  createdAt: string;
  domains: readonly DomainState[];
  /** Placed from this browser: lib/outbox/follow-up.ts announces its issuance already. */
  followedByOutbox?: boolean;
}

export type ValidationEvent =
  | { kind: 'validationDone'; domain: string }
  | { kind: 'orderIssued' }
  | { kind: 'tokenExpiring'; domain: string; tokenExpiresAt: string }
  | { kind: 'stuck' };

/** Each event's key in the ledger: the same event twice has the same key (a new token, a new key). */
export function eventKey(event: ValidationEvent): string {
  switch (event.kind) {
    case 'validationDone':
      return `validated:${event.domain}`;
    case 'orderIssued':
      return 'issued';
    case 'tokenExpiring':
      return `token:${event.domain}:${event.tokenExpiresAt}`;
    case 'stuck':
      return 'stuck';
  }
}

/** Orders the ledger still follows: the wiring reads these too, pending or not. */
export function followedOrderIds(ledger: AlertLedger): number[] {
  return Object.keys(ledger.validation).map(Number);
}

export function isPendingStatus(status: string): boolean {
  return !FINAL.has(status);
}

/** Days until the token runs out, rounded up (a token ending in 30 hours has 2 days); ≤ 0 when it has. */
export function tokenDaysLeft(tokenExpiresAt: string, now: Date): number | undefined {
  const at = Date.parse(tokenExpiresAt);
  // `|| 0`: a token that ran out within the day gives -0, which is 0.
  return Number.isNaN(at) ? undefined : Math.ceil((at - now.getTime()) / DAY) || 0;
}

/** Whole days the order has waited since it was created. */
export function daysWaiting(createdAt: string, now: Date): number | undefined {
  const at = Date.parse(createdAt);
  return Number.isNaN(at) ? undefined : Math.floor((now.getTime() - at) / DAY);
}

/** Pure: what is true or happened for one order, from what was seen before (undefined: first sight). */
export function orderEvents(
  order: FollowedOrder,
  seen: ValidationSeen | undefined,
  stuckDays: number,
  now: Date,
): ValidationEvent[] {
  const events: ValidationEvent[] = [];
  const pending = isPendingStatus(order.status);
  if (seen) {
    for (const domain of order.domains) {
      const before = seen.domains[domain.name];
      if (domain.validated && before !== undefined && before !== VALIDATED) {
        events.push({ kind: 'validationDone', domain: domain.name });
      }
    }
    if (order.status === 'issued' && seen.status !== 'issued' && !order.followedByOutbox) {
      events.push({ kind: 'orderIssued' });
    }
  }
  if (!pending) return events;
  for (const domain of order.domains) {
    if (domain.validated || !domain.tokenExpiresAt) continue;
    const left = tokenDaysLeft(domain.tokenExpiresAt, now);
    if (left !== undefined && left <= TOKEN_WARN_DAYS) {
      events.push({ kind: 'tokenExpiring', domain: domain.name, tokenExpiresAt: domain.tokenExpiresAt });
    }
  }
  const waited = daysWaiting(order.createdAt, now);
  if (waited !== undefined && waited >= stuckDays) events.push({ kind: 'stuck' });
  return events;
}

function noticeText(
  order: FollowedOrder,
  event: ValidationEvent,
  now: Date,
): Pick<AlertNotice, 'title' | 'message'> {
  const id = orderArg(order.id);
  const name = text(order.commonName);
  switch (event.kind) {
    case 'validationDone':
      return {
        title: say('alerts_validated_title'),
        message: say('alerts_validated', text(event.domain), id),
      };
    case 'orderIssued':
      return { title: say('alerts_issued_title'), message: say('alerts_issued', id, name) };
    case 'tokenExpiring': {
      const left = tokenDaysLeft(event.tokenExpiresAt, now) ?? 0;
      const domain = text(event.domain);
      return {
        title: say('alerts_token_title'),
        message:
          left <= 0
            ? say('alerts_token_expires_today', domain, id)
            : sayCount(left, 'alerts_token_expiring_one', 'alerts_token_expiring_other', domain, id),
      };
    }
    case 'stuck': {
      const waited = daysWaiting(order.createdAt, now) ?? 0;
      return {
        title: say('alerts_stuck_title'),
        message: sayCount(waited, 'alerts_stuck_one', 'alerts_stuck_other', id, name),
      };
    }
  }
}

export interface FollowUpInput {
  orders: readonly FollowedOrder[];
  /** Every followed order was read: only then is one missing from `orders` gone from the account. */
  complete: boolean;
  settings: AlertSettings;
  ledger: AlertLedger;
  now: Date;
}

/**
 * Pure: the notices to send now and the ledger after them. A snoozed order hears nothing and
 * nothing is recorded as told: a change during the snooze is not told later, a state still true when
 * it ends is. A notification switched off is recorded as told without a notice (no burst of old news
 * when it is switched on).
 */
export function decideFollowUpNotices(input: FollowUpInput): { notices: AlertNotice[]; ledger: AlertLedger } {
  const { settings, now } = input;
  const validation: Record<string, ValidationSeen> = {};
  const read = new Set(input.orders.map((o) => String(o.id)));
  if (!input.complete) {
    for (const [key, seen] of Object.entries(input.ledger.validation))
      if (!read.has(key)) validation[key] = seen;
  }
  const notices: AlertNotice[] = [];
  for (const order of input.orders) {
    const key = String(order.id);
    const seen = input.ledger.validation[key];
    const told = new Set(seen?.told ?? []);
    if (!isSnoozed(settings, order.id, now)) {
      for (const event of orderEvents(order, seen, settings.stuckDays, now)) {
        const k = eventKey(event);
        if (told.has(k)) continue;
        told.add(k);
        if (!settings.notify[event.kind as NotificationKind]) continue;
        const domain = 'domain' in event ? event.domain : undefined;
        notices.push({
          kind: event.kind,
          orderId: order.id,
          ...(domain !== undefined ? { domain } : {}),
          id: noticeId(event.kind, order.id, domain),
          ...noticeText(order, event, now),
        });
      }
    }
    // Final: nothing more can happen to it, so it is no longer followed.
    if (!isPendingStatus(order.status)) continue;
    validation[key] = {
      status: order.status,
      domains: Object.fromEntries(order.domains.map((d) => [d.name, d.validated ? VALIDATED : PENDING])),
      // Oldest first; past the bound the oldest go: a token warning of months ago cannot come back.
      told: [...told].slice(-MAX_EVENTS_PER_ORDER),
    };
  }
  return { notices, ledger: { ...input.ledger, validation } };
}
