/**
 * The words the user sees for a submission. Status words are honest —
 * `pending` and `needs_approval` are "waiting", not "failed"; `issued` is done,
 * `rejected`/`canceled` (and `revoked`) are ended, with the reason when the API gives one.
 */
import { type MessageKey, t } from '../i18n';
import type { OutboxEntry } from './entry';
import { waitingOutOutage } from './timing';

/** CertCentral statuses after which nothing changes by itself (docs/certcentral-api.md "list orders" statuses). */
export const FINAL_ORDER_STATUSES = ['issued', 'rejected', 'canceled', 'revoked'] as const;
/** docs/certcentral-api.md "cancel a pending order": only these can still be canceled. */
export const CANCELABLE_ORDER_STATUSES = ['pending', 'needs_approval'] as const;

export function isFinalOrderStatus(status: string | undefined): boolean {
  return (FINAL_ORDER_STATUSES as readonly (string | undefined)[]).includes(status);
}

export function isCancelableOrderStatus(status: string | undefined): boolean {
  return (CANCELABLE_ORDER_STATUSES as readonly (string | undefined)[]).includes(status);
}

/**
 * - queued / sending / checking: the extension is working on it;
 * - unsure: no answer yet and it stopped trying: a person must "check again";
 * - waiting: placed, CertCentral is validating or waiting for an approval;
 * - done: issued; ended: rejected, canceled, revoked; failed: never placed (refused or not sent).
 */
export type StatusWord =
  | 'queued'
  | 'sending'
  | 'checking'
  | 'unsure'
  | 'waiting'
  | 'done'
  | 'ended'
  | 'failed';

export interface StatusView {
  word: StatusWord;
  label: string;
}

const ORDER_LABELS: Record<string, MessageKey> = {
  pending: 'history_status_pending',
  needs_approval: 'history_status_needs_approval',
  approved: 'history_status_approved',
  waiting_pickup: 'history_status_waiting_pickup',
  reissue_pending: 'history_status_reissue_pending',
  issued: 'history_status_issued',
  rejected: 'history_status_rejected',
  canceled: 'history_status_canceled',
  revoked: 'history_status_revoked',
};

/** CertCentral's status in words; one this version does not know is said by `unknown`. */
function orderLabel(status: string, unknown: () => string): string {
  const key = Object.hasOwn(ORDER_LABELS, status) ? ORDER_LABELS[status] : undefined;
  return key ? t(key) : unknown();
}

export function describeStatus(entry: OutboxEntry): StatusView {
  // Not a failure: another renewal of the same order counts (renewed-elsewhere.ts).
  if (entry.renewedElsewhere) {
    return {
      word: 'ended',
      label: t('history_status_renewed_elsewhere', String(entry.renewedElsewhere.orderId)),
    };
  }
  switch (entry.state) {
    case 'queued':
      return {
        word: 'queued',
        label: t(entry.attempts === 0 ? 'history_status_queued' : 'history_status_queued_again'),
      };
    case 'sending':
      return { word: 'sending', label: t('history_status_sending') };
    case 'reconciling':
      return { word: 'checking', label: t('history_status_checking') };
    case 'unknown':
      if (entry.nextAttemptAt === undefined) return { word: 'unsure', label: t('history_status_unsure') };
      // Judged as of its last step, when the engine chose this wait by the same rule.
      return waitingOutOutage(entry, new Date(entry.updatedAt))
        ? { word: 'checking', label: t('history_status_outage') }
        : { word: 'checking', label: t('history_status_no_answer') };
    case 'failed':
      return { word: 'failed', label: t('history_status_not_placed') };
    case 'placed':
      return describeOrderStatus(entry.orderStatus);
  }
}

export function describeOrderStatus(status: string | undefined): StatusView {
  if (status === 'issued') return { word: 'done', label: t('history_status_issued') };
  if (status === 'rejected' || status === 'canceled' || status === 'revoked') {
    return { word: 'ended', label: orderLabel(status, () => status) };
  }
  if (status === undefined) return { word: 'waiting', label: t('history_status_pending') };
  // Any other word (including ones DigiCert adds later) means "not final": waiting, shown as given.
  return { word: 'waiting', label: orderLabel(status, () => t('history_status_placed_as', status)) };
}

/**
 * What the badge counts: never placed, not confirmed after the bound,
 * a duplicate that could not be canceled (a second, billed order may exist), or a rejected order.
 */
export function needsAttention(entry: OutboxEntry): boolean {
  // Dismissed by the user, and nothing has happened to it since (every transition moves updatedAt).
  if (entry.acknowledgedAt !== undefined && entry.acknowledgedAt >= entry.updatedAt) return false;
  // Renewed elsewhere: nothing for a person to do, unless its own order could not be canceled.
  if (entry.renewedElsewhere) return false;
  if (entry.state === 'failed') return true;
  if (entry.state === 'unknown' && entry.nextAttemptAt === undefined) return true;
  if (entry.duplicates.some((d) => d.outcome === 'cancel-failed' || d.outcome === 'not-cancelable')) {
    return true;
  }
  return entry.state === 'placed' && entry.orderStatus === 'rejected';
}
