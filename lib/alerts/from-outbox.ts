/**
 * Pure: what the alerts need from this browser's outbox, and the "Needs you" list from the outbox,
 * the last read of the account's expiring orders (snapshot.ts) and the settings. The list is worded
 * here for the pages (they show it as it comes) with the page each item's one action opens.
 */
import type { OutboxEntry } from '../outbox/entry';
import { needsAttention } from '../outbox/status';
import { expiringOrders, type RenewalSubmission } from './expiry';
import { domainStatesOf, type FollowedOrder, isPendingStatus, type ValidationStateLike } from './follow-up';
import { type NeedsYouItem, type NeedsYouKind, needsYou, type SubmissionNeedingYou } from './needs-you';
import type { AlertSettings } from './settings';
import { orderTarget, renewTarget } from './show';
import type { AlertSnapshot } from './snapshot';
import { alertWords } from './words';

/** Submissions that may still send a request: what the daily check leaves budget for (daily-check.ts). */
const WAITING = new Set<OutboxEntry['state']>(['queued', 'sending', 'unknown', 'reconciling']);

const renewalOf = (entry: OutboxEntry): number | undefined => {
  const id = entry.request.renewal_of_order_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

export function renewalSubmissions(entries: readonly OutboxEntry[]): RenewalSubmission[] {
  return entries.flatMap((entry) => {
    const of = renewalOf(entry);
    if (of === undefined) return [];
    return [
      { renewalOf: of, state: entry.state, ...(entry.orderStatus ? { orderStatus: entry.orderStatus } : {}) },
    ];
  });
}

export function waitingSubmissions(entries: readonly OutboxEntry[]): number {
  // An unanswered submission with no next attempt has stopped: only a person's "check again" sends more.
  return entries.filter(
    (entry) => WAITING.has(entry.state) && !(entry.state === 'unknown' && entry.nextAttemptAt === undefined),
  ).length;
}

function submissionsNeedingYou(entries: readonly OutboxEntry[]): SubmissionNeedingYou[] {
  return entries.filter(needsAttention).map((entry) => {
    const of = renewalOf(entry);
    return {
      submissionId: entry.id,
      commonName: entry.commonName,
      ...(entry.orderId !== undefined ? { orderId: entry.orderId } : {}),
      ...(of !== undefined ? { renewalOf: of } : {}),
      updatedAt: entry.updatedAt,
    };
  });
}

/**
 * Orders placed here still waiting for validation, with their domains as the follow-up last read
 * them (lib/validation/snapshot.ts): a domain still to validate is the administrator's next step.
 * An order whose validation was never read can only be "stuck" (waiting longer than the settings'
 * stuck days), counted from placing.
 */
function pendingPlacedHere(
  entries: readonly OutboxEntry[],
  validations: ReadonlyMap<number, ValidationStateLike>,
): FollowedOrder[] {
  return entries.flatMap((entry) =>
    entry.state === 'placed' &&
    entry.orderId !== undefined &&
    entry.orderStatus !== undefined &&
    isPendingStatus(entry.orderStatus) &&
    !needsAttention(entry)
      ? [
          {
            id: entry.orderId,
            commonName: entry.commonName,
            status: entry.orderStatus,
            createdAt: entry.placedAt ?? entry.createdAt,
            domains: domainStatesOf(validations.get(entry.orderId)),
            followedByOutbox: true,
          },
        ]
      : [],
  );
}

export interface NeedsYouState {
  entries: readonly OutboxEntry[];
  snapshot: AlertSnapshot | undefined;
  settings: AlertSettings;
  now: Date;
  /** The last validation state read for each order (by order id); orders never read are absent. */
  validations?: ReadonlyMap<number, ValidationStateLike>;
}

/** The orders needsYouFromState wants validation states for: placed here and still pending. */
export function pendingOrderIds(entries: readonly OutboxEntry[]): number[] {
  return pendingPlacedHere(entries, new Map()).map((order) => order.id);
}

export function needsYouFromState(state: NeedsYouState): NeedsYouItem[] {
  const renewals = renewalSubmissions(state.entries);
  return needsYou({
    submissions: submissionsNeedingYou(state.entries),
    expiring: state.snapshot
      ? expiringOrders(state.snapshot.orders, renewals, state.settings.thresholds, state.now)
      : [],
    pending: pendingPlacedHere(state.entries, state.validations ?? new Map()),
    settings: state.settings,
    now: state.now,
  });
}

/** One item as the popup shows it: worded, with the extension page its action opens. */
export interface NeedsYouView {
  kind: NeedsYouKind;
  orderId?: number;
  submissionId?: string;
  domain?: string;
  message: string;
  action: string;
  /** The settings page's view the action opens (its URL hash, show.ts). */
  target: string;
  snoozed: boolean;
}

/** Renewing opens the Expiring view with the order selected; the rest, the order in the history (or the history, before there is an order). */
function targetOf(item: NeedsYouItem): string {
  if (item.orderId === undefined) return '#orders';
  return item.kind === 'renew' ? renewTarget([item.orderId]) : orderTarget(item.orderId);
}

export function needsYouView(item: NeedsYouItem): NeedsYouView {
  return {
    kind: item.kind,
    ...(item.orderId !== undefined ? { orderId: item.orderId } : {}),
    ...(item.submissionId !== undefined ? { submissionId: item.submissionId } : {}),
    ...(item.domain !== undefined ? { domain: item.domain } : {}),
    message: alertWords(item.message),
    action: alertWords(item.action),
    target: targetOf(item),
    snoozed: item.snoozed,
  };
}
