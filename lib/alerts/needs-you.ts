/**
 * "Needs you": everything waiting for the administrator, one item per order (or unplaced
 * submission) with its one next action, most urgent first, and the toolbar badge counting them.
 *
 * Built from the current state, not from the ledger: an item stays while it is true, whether or not
 * a notification was sent (or switched off). Snoozed orders are listed last and not counted.
 *
 * The order:
 * 1. submissions that need a person (lib/outbox/status.ts `needsAttention`): never placed, not
 *    confirmed, a duplicate left standing, a rejected order. They have no deadline to sort by and
 *    can be costly (a second billed order), so they lead;
 * 2. deadlines, soonest first: certificates to renew (their last day) and domains to validate (their
 *    token's end), together, since missing either stops a certificate; a domain to validate whose
 *    token's end is not known follows them;
 * 3. orders stuck in validation, the longest waiting first.
 */
import { parseIsoDay } from '../order/dates';
import type { ExpiringOrder } from './expiry';
import { expiryMessage } from './expiry';
import {
  daysWaiting,
  type FollowedOrder,
  isPendingStatus,
  TOKEN_WARN_DAYS,
  tokenDaysLeft,
} from './follow-up';
import { type AlertMessageKey, type AlertText, orderArg, say, sayCount, text } from './messages';
import { type AlertSettings, isSnoozed } from './settings';

/** A submission lib/outbox/status.ts `needsAttention` picks (the wiring maps the outbox entry). */
export interface SubmissionNeedingYou {
  submissionId: string;
  commonName: string;
  /** The order, when CertCentral made one (a rejected order, a duplicate). */
  orderId?: number;
  /** The order it was to renew: its renewal item is this one (resend or dismiss) rather than "renew". */
  renewalOf?: number;
  /** The submission's last change (entry `updatedAt`): the older ones first. */
  updatedAt: string;
}

export type NeedsYouKind = 'open-submission' | 'renew' | 'validate-domain' | 'check-validation';

export interface NeedsYouItem {
  kind: NeedsYouKind;
  orderId?: number;
  submissionId?: string;
  /** The domain to validate. */
  domain?: string;
  /** What is wrong, in a sentence. */
  message: AlertText;
  /** The button that does the next action. */
  action: AlertText;
  snoozed: boolean;
}

export interface NeedsYouInput {
  submissions: readonly SubmissionNeedingYou[];
  /** expiry.ts `expiringOrders`: those with no renewal on its way need one. */
  expiring: readonly ExpiringOrder[];
  /** The pending orders (follow-up.ts input). */
  pending: readonly FollowedOrder[];
  settings: AlertSettings;
  now: Date;
}

const ACTION: Record<NeedsYouKind, AlertText> = {
  'open-submission': say('alerts_action_open_submission'),
  renew: say('alerts_action_renew'),
  'validate-domain': say('alerts_action_validate_domain'),
  'check-validation': say('alerts_action_check_validation'),
};

const RANK: Record<NeedsYouKind, number> = {
  'open-submission': 0,
  renew: 1,
  'validate-domain': 1,
  'check-validation': 2,
};

type Sorted = { item: NeedsYouItem; at: number };

/**
 * What the administrator does for a domain still to validate, by its DCV method (lib/validation/methods.ts
 * names them; docs/certcentral-api.md "Validation follow-through"): a value to publish, an email to
 * approve, or, for a method without instructions here, proving control some other way.
 */
const VALIDATE_BY_METHOD: Record<string, AlertMessageKey> = {
  'dns-txt-token': 'alerts_validate_dns_txt',
  'dns-cname-token': 'alerts_validate_dns_cname',
  'http-token': 'alerts_validate_http',
  email: 'alerts_validate_email',
};

/** A domain not yet validated; the token's end, when known, is its deadline. */
type OpenDomain = { name: string; method?: string | undefined; at: number; left?: number };

/** The domain to act on first: the token that ends first, else the first listed. */
function firstOpenDomain(order: FollowedOrder, now: Date): OpenDomain | undefined {
  let first: OpenDomain | undefined;
  for (const d of order.domains) {
    if (d.validated) continue;
    const left = d.tokenExpiresAt ? tokenDaysLeft(d.tokenExpiresAt, now) : undefined;
    const at = left === undefined ? Number.POSITIVE_INFINITY : Date.parse(d.tokenExpiresAt ?? '');
    const open = { name: d.name, method: d.method, at, ...(left !== undefined ? { left } : {}) };
    if (!first || at < first.at) first = open;
  }
  return first;
}

function validateMessage(open: OpenDomain, orderId: number): AlertText {
  const domain = text(open.name);
  const id = orderArg(orderId);
  if (open.left !== undefined && open.left <= 0) return say('alerts_token_expires_today', domain, id);
  if (open.left !== undefined && open.left <= TOKEN_WARN_DAYS) {
    return sayCount(open.left, 'alerts_token_expiring_one', 'alerts_token_expiring_other', domain, id);
  }
  return say(VALIDATE_BY_METHOD[open.method ?? ''] ?? 'alerts_validate_any_method', domain, id);
}

/**
 * The next action for a pending order: a domain still to validate (its token's end is the deadline;
 * one with no known end sorts after every dated item), else "stuck" once it has waited the set days,
 * else nothing (the organization's validation or EV approval is DigiCert's and the approver's work).
 */
function pendingItem(order: FollowedOrder, settings: AlertSettings, now: Date): Sorted | undefined {
  if (!isPendingStatus(order.status)) return undefined;
  const snoozed = isSnoozed(settings, order.id, now);
  const open = firstOpenDomain(order, now);
  if (open) {
    return {
      at: open.at,
      item: {
        kind: 'validate-domain',
        orderId: order.id,
        domain: open.name,
        message: validateMessage(open, order.id),
        action: ACTION['validate-domain'],
        snoozed,
      },
    };
  }
  const waited = daysWaiting(order.createdAt, now);
  if (waited === undefined || waited < settings.stuckDays) return undefined;
  return {
    at: Date.parse(order.createdAt),
    item: {
      kind: 'check-validation',
      orderId: order.id,
      message: sayCount(
        waited,
        'alerts_stuck_one',
        'alerts_stuck_other',
        orderArg(order.id),
        text(order.commonName),
      ),
      action: ACTION['check-validation'],
      snoozed,
    },
  };
}

/** Pure: the list, most urgent first, snoozed items last. */
export function needsYou(input: NeedsYouInput): NeedsYouItem[] {
  const { settings, now } = input;
  const sorted: Sorted[] = [];
  const renewalsInHand = new Set(
    input.submissions.flatMap((s) => (s.renewalOf === undefined ? [] : [s.renewalOf])),
  );
  for (const s of input.submissions) {
    sorted.push({
      at: Date.parse(s.updatedAt),
      item: {
        kind: 'open-submission',
        ...(s.orderId !== undefined ? { orderId: s.orderId } : {}),
        submissionId: s.submissionId,
        message: say('alerts_submission_needs_you', text(s.commonName)),
        action: ACTION['open-submission'],
        snoozed: s.orderId !== undefined && isSnoozed(settings, s.orderId, now),
      },
    });
  }
  for (const e of input.expiring) {
    if (e.renewal !== 'none' || renewalsInHand.has(e.orderId)) continue;
    sorted.push({
      at: parseIsoDay(e.validTill.slice(0, 10))?.getTime() ?? 0,
      item: {
        kind: 'renew',
        orderId: e.orderId,
        message: expiryMessage(e),
        action: ACTION.renew,
        snoozed: isSnoozed(settings, e.orderId, now),
      },
    });
  }
  for (const order of input.pending) {
    const found = pendingItem(order, settings, now);
    if (found) sorted.push(found);
  }
  return sorted
    .sort(
      (a, b) =>
        Number(a.item.snoozed) - Number(b.item.snoozed) ||
        RANK[a.item.kind] - RANK[b.item.kind] ||
        a.at - b.at ||
        (a.item.orderId ?? 0) - (b.item.orderId ?? 0),
    )
    .map((s) => s.item);
}

/** What the badge counts: every item not snoozed. */
export function badgeCount(items: readonly NeedsYouItem[]): number {
  return items.filter((item) => !item.snoozed).length;
}

/** The toolbar badge: nothing for none, the count up to 99, then "99+" (a badge shows about four characters). */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count < 1) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}
