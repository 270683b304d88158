/**
 * The submission state machine as pure functions: an entry and an event in, the next entry out.
 * The engine writes each result BEFORE its next network step, so a worker stopped
 * anywhere resumes from what is on disk.
 *
 *   queued ──send──▶ sending ──placed──▶ placed (followed until a final order status)
 *     ▲                 │ no-answer / interrupted
 *     │                 ▼
 *     │              unknown ──reconcile / check-again──▶ reconciling ──found──▶ placed
 *     └────────────────── none-found (tries left) ──────────┘  │ none-found (bound) / lookup-failed
 *                                                              ▼
 *   sending ──refused──▶ failed      queued|reconciling ──card-missing──▶ failed       unknown (stopped)
 *
 *   A renewal that another browser or person placed first (renewal-guard.ts, duplicates.ts):
 *   queued|sending|placed ──renewed-elsewhere──▶ failed (nothing of this entry stays ordered)
 */
import { t } from '../i18n';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { Region } from '../region';
import type { ApiMessage, Duplicate, OutboxEntry, RenewedElsewhere, SubmissionState } from './entry';
import { addMessages, mergeDuplicates, TIMELINE_LIMIT } from './entry';
import { renewedElsewhereNote } from './renewed-elsewhere';
import { isFinalOrderStatus } from './status';
import { ANSWER_PENDING_MS, MAX_LOOKUP_FAILURES } from './timing';

type Problem = { messages: ApiMessage[]; note: string };

export type MachineEvent =
  /** `alternativeOrderId`: a renewal's id chosen right before its first POST (renewal-guard.ts). */
  | { type: 'send'; region: Region; alternativeOrderId?: string }
  | ({ type: 'no-answer'; status?: number; retryAt: Date; pendingUntil?: Date } & Problem)
  | ({ type: 'refused' } & Problem)
  | ({ type: 'not-sent' } & Problem)
  | { type: 'interrupted' }
  | { type: 'reconcile' }
  | { type: 'check-again' }
  | {
      type: 'placed';
      via: 'response' | 'lookup';
      orderId: number;
      requestId?: number;
      certificateId?: number;
      orderStatus?: string;
      firstCheckAt: Date;
    }
  /** `waitOut`: at the bound on tries during an outage: wait until `retryAt`, then allow one more try. */
  | { type: 'none-found'; retryAt: Date; waitOut?: boolean }
  | { type: 'not-found-yet'; retryAt: Date }
  /** `retryAt` absent: stop and wait for a person ("check again"). */
  | ({ type: 'lookup-failed'; retryAt?: Date } & Problem)
  | { type: 'card-missing' }
  | { type: 'duplicates-checked'; found: Duplicate[] }
  | { type: 'order-checked'; orderStatus: string; certificateId?: number; reason?: string; nextCheckAt: Date }
  | ({ type: 'check-failed'; nextCheckAt: Date } & Problem)
  | { type: 'follow-up-stopped' }
  | { type: 'canceled-by-user'; note: string }
  | { type: 'renewed-elsewhere'; found: RenewedElsewhere };

export type MachineEventType = MachineEvent['type'];

/** Which states each event may start from; anything else is a bug, reported loudly. */
export const ALLOWED_FROM: Record<MachineEventType, readonly SubmissionState[]> = {
  send: ['queued'],
  'no-answer': ['sending'],
  refused: ['sending'],
  'not-sent': ['queued'],
  interrupted: ['sending'],
  reconcile: ['unknown'],
  'check-again': ['unknown'],
  placed: ['sending', 'reconciling'],
  'none-found': ['reconciling'],
  'not-found-yet': ['reconciling'],
  'lookup-failed': ['reconciling'],
  'card-missing': ['queued', 'reconciling'],
  'duplicates-checked': ['placed'],
  'order-checked': ['placed'],
  'check-failed': ['placed'],
  'follow-up-stopped': ['placed'],
  'canceled-by-user': ['placed'],
  'renewed-elsewhere': ['queued', 'sending', 'placed'],
};

export class TransitionError extends Error {
  override readonly name = 'TransitionError';
}

export function apply(entry: OutboxEntry, event: MachineEvent, now: Date): OutboxEntry {
  if (!ALLOWED_FROM[event.type].includes(entry.state)) {
    throw new TransitionError(`"${event.type}" cannot happen to a submission in state "${entry.state}".`);
  }
  const at = now.toISOString();
  const base: OutboxEntry = { ...entry, updatedAt: at };
  const next = transition(base, event, at, entry);
  if (next.state === entry.state && next.note === entry.note) return next;
  const step = { at, state: next.state, ...(next.note !== undefined ? { note: next.note } : {}) };
  return { ...next, timeline: [...entry.timeline, step].slice(-TIMELINE_LIMIT) };
}

function transition(e: OutboxEntry, event: MachineEvent, at: string, before: OutboxEntry): OutboxEntry {
  switch (event.type) {
    case 'send':
      return {
        ...e,
        ...(event.alternativeOrderId !== undefined
          ? { request: { ...e.request, alternative_order_id: event.alternativeOrderId } }
          : {}),
        state: 'sending',
        attempts: e.attempts + 1,
        region: event.region,
        nextAttemptAt: undefined,
        note: t('history_note_sending', [
          formatNumber(e.attempts + 1),
          formatNumber(Math.max(e.allowedAttempts, e.attempts + 1)),
        ]),
      };
    case 'no-answer':
      return {
        ...withProblem(e, event),
        state: 'unknown',
        lastHttpStatus: event.status,
        nextAttemptAt: event.retryAt.toISOString(),
        answerPendingUntil: event.pendingUntil?.toISOString(),
      };
    case 'refused':
    case 'not-sent':
      return { ...withProblem(e, event), state: 'failed', finishedAt: at, nextAttemptAt: undefined };
    case 'interrupted':
      return {
        ...e,
        state: 'unknown',
        nextAttemptAt: at,
        // The POST left when "sending" was written; CertCentral may still be processing it.
        answerPendingUntil: new Date(Date.parse(before.updatedAt) + ANSWER_PENDING_MS).toISOString(),
        note: t('history_note_interrupted'),
      };
    case 'reconcile':
      return {
        ...e,
        state: 'reconciling',
        nextAttemptAt: undefined,
        note: t('history_note_reconcile'),
      };
    case 'check-again':
      // The user asked: one more lookup round, and one more POST if no order carries the id.
      return {
        ...e,
        state: 'reconciling',
        nextAttemptAt: undefined,
        lookupFailures: 0,
        allowedAttempts: Math.max(e.allowedAttempts, e.attempts + 1),
        note: t('history_note_check_again'),
      };
    case 'placed':
      return {
        ...e,
        state: 'placed',
        orderId: event.orderId,
        requestId: event.requestId ?? e.requestId,
        certificateId: event.certificateId ?? e.certificateId,
        orderStatus: event.orderStatus ?? e.orderStatus,
        placedAt: at,
        nextAttemptAt: undefined,
        lookupFailures: 0,
        followUp: { ...e.followUp, nextCheckAt: event.firstCheckAt.toISOString() },
        note: t(
          event.via === 'response' ? 'history_note_placed' : 'history_note_placed_found',
          String(event.orderId),
        ),
      };
    case 'none-found':
      if (e.attempts >= e.allowedAttempts && event.waitOut) {
        return {
          ...e,
          state: 'unknown',
          allowedAttempts: e.attempts + 1,
          nextAttemptAt: event.retryAt.toISOString(),
          note: t('history_note_wait_out', [formatNumber(e.attempts), formatDateTime(event.retryAt)]),
        };
      }
      if (e.attempts >= e.allowedAttempts) {
        return {
          ...e,
          state: 'unknown',
          nextAttemptAt: undefined,
          note: t('history_note_stopped', formatNumber(e.attempts)),
        };
      }
      return {
        ...e,
        state: 'queued',
        nextAttemptAt: event.retryAt.toISOString(),
        note: t('history_note_none_found'),
      };
    case 'not-found-yet':
      return {
        ...e,
        state: 'unknown',
        nextAttemptAt: event.retryAt.toISOString(),
        note: t('history_note_not_found_yet'),
      };
    case 'lookup-failed': {
      const failures = e.lookupFailures + 1;
      const { retryAt } = event;
      const note =
        retryAt === undefined
          ? t('history_note_lookup_failed_stop', event.note)
          : failures >= MAX_LOOKUP_FAILURES
            ? t('history_note_lookup_outage', [event.note, formatDateTime(retryAt)])
            : t('history_note_lookup_failed', event.note);
      return {
        ...withProblem(e, { messages: event.messages, note }),
        state: 'unknown',
        lookupFailures: failures,
        nextAttemptAt: retryAt?.toISOString(),
      };
    }
    case 'card-missing':
      return {
        ...e,
        state: 'failed',
        finishedAt: at,
        nextAttemptAt: undefined,
        note: t('history_note_card_gone'),
      };
    case 'duplicates-checked':
      return { ...e, duplicatesCheckedAt: at, duplicates: mergeDuplicates(e.duplicates, event.found) };
    case 'order-checked':
      return orderChecked(e, event, at);
    case 'renewed-elsewhere':
      return {
        ...e,
        state: 'failed',
        renewedElsewhere: event.found,
        ...(event.found.ownCanceled !== undefined ? { orderStatus: 'canceled' } : {}),
        finishedAt: at,
        nextAttemptAt: undefined,
        answerPendingUntil: undefined,
        followUp: { checks: e.followUp.checks },
        note: renewedElsewhereNote(event.found),
      };
    case 'check-failed':
      return {
        ...withProblem(e, { messages: event.messages, note: t('history_note_check_failed', event.note) }),
        followUp: { nextCheckAt: event.nextCheckAt.toISOString(), checks: e.followUp.checks + 1 },
      };
    case 'follow-up-stopped':
      return {
        ...e,
        finishedAt: at,
        followUp: { checks: e.followUp.checks },
        note: t('history_note_follow_up_stopped'),
      };
    case 'canceled-by-user':
      return {
        ...e,
        orderStatus: 'canceled',
        finishedAt: at,
        followUp: { checks: e.followUp.checks },
        note: t('history_note_canceled_by_you', event.note),
      };
  }
}

function orderChecked(e: OutboxEntry, event: Extract<MachineEvent, { type: 'order-checked' }>, at: string) {
  const final = isFinalOrderStatus(event.orderStatus);
  const changed = event.orderStatus !== e.orderStatus;
  const { reason } = event;
  const notes: Record<string, () => string> = {
    issued: () => t('history_note_issued'),
    rejected: () => (reason ? t('history_note_rejected', reason) : t('history_note_rejected_no_reason')),
    canceled: () => (reason ? t('history_note_canceled', reason) : t('history_note_canceled_no_reason')),
    revoked: () => (reason ? t('history_note_revoked', reason) : t('history_note_revoked_no_reason')),
  };
  return {
    ...e,
    orderStatus: event.orderStatus,
    certificateId: event.certificateId ?? e.certificateId,
    // Own entries only: a status named like an Object member ("constructor") has no note.
    note:
      changed && Object.hasOwn(notes, event.orderStatus) ? (notes[event.orderStatus]?.() ?? e.note) : e.note,
    finishedAt: final ? at : undefined,
    followUp: {
      checks: e.followUp.checks + 1,
      ...(final ? {} : { nextCheckAt: event.nextCheckAt.toISOString() }),
    },
  };
}

function withProblem(e: OutboxEntry, problem: Problem): OutboxEntry {
  return { ...e, messages: addMessages(e.messages, problem.messages), note: problem.note };
}
