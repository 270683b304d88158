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
 */
import type { ApiMessage, Duplicate, OutboxEntry, SubmissionState } from './entry';
import { MESSAGES_LIMIT, TIMELINE_LIMIT } from './entry';
import { isFinalOrderStatus } from './status';
import { ANSWER_PENDING_MS, MAX_LOOKUP_FAILURES } from './timing';

type Problem = { messages: ApiMessage[]; note: string };

export type MachineEvent =
  | { type: 'send'; region: 'us' | 'eu' }
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
  | { type: 'canceled-by-user'; note: string };

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
};

export class TransitionError extends Error {
  override readonly name = 'TransitionError';
}

const CARD_GONE =
  'Nothing was placed: CertCentral has no order with this submission id. The card number is never ' +
  'stored and was lost when the extension restarted, so it cannot be sent again: submit again and re-enter the card.';

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
        state: 'sending',
        attempts: e.attempts + 1,
        region: event.region,
        nextAttemptAt: undefined,
        note: `Sending (try ${e.attempts + 1} of ${Math.max(e.allowedAttempts, e.attempts + 1)}).`,
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
        note: 'The extension stopped while sending: checking whether CertCentral received it.',
      };
    case 'reconcile':
      return {
        ...e,
        state: 'reconciling',
        nextAttemptAt: undefined,
        note: 'Checking whether CertCentral received it (looking up its alternative_order_id).',
      };
    case 'check-again':
      // The user asked: one more lookup round, and one more POST if no order carries the id.
      return {
        ...e,
        state: 'reconciling',
        nextAttemptAt: undefined,
        lookupFailures: 0,
        allowedAttempts: Math.max(e.allowedAttempts, e.attempts + 1),
        note: 'Checking again, as you asked.',
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
        note:
          event.via === 'response'
            ? `Placed as order ${event.orderId}.`
            : `Placed as order ${event.orderId} (found by its alternative_order_id after an unanswered try).`,
      };
    case 'none-found':
      if (e.attempts >= e.allowedAttempts && event.waitOut) {
        return {
          ...e,
          state: 'unknown',
          allowedAttempts: e.attempts + 1,
          nextAttemptAt: event.retryAt.toISOString(),
          note:
            `Sent ${e.attempts} times while CertCentral was not answering; no order carries this id. ` +
            `It is looked up again at ${clock(event.retryAt)} and, if there is still none, sent once more with the same id.`,
        };
      }
      if (e.attempts >= e.allowedAttempts) {
        return {
          ...e,
          state: 'unknown',
          nextAttemptAt: undefined,
          note:
            `Sent ${e.attempts} times without a usable answer; CertCentral has no order with this id so far. ` +
            'It is not sent again by itself: use "check again" to look once more and, if still nothing is there, send it once more.',
        };
      }
      return {
        ...e,
        state: 'queued',
        nextAttemptAt: event.retryAt.toISOString(),
        note: 'CertCentral has no order with this id: it will be sent again with the same id.',
      };
    case 'not-found-yet':
      return {
        ...e,
        state: 'unknown',
        nextAttemptAt: event.retryAt.toISOString(),
        note:
          'No order carries this id yet, but the last request got no answer and may still reach CertCentral: ' +
          'looking again before anything is sent again.',
      };
    case 'lookup-failed': {
      const failures = e.lookupFailures + 1;
      const { retryAt } = event;
      const note =
        retryAt === undefined
          ? `Could not find out whether CertCentral received it (${event.note}) Use "check again" later.`
          : failures >= MAX_LOOKUP_FAILURES
            ? `CertCentral has not answered for a while (${event.note}) Nothing is sent meanwhile; ` +
              `it is looked up again at ${clock(retryAt)}.`
            : `Could not check yet whether CertCentral received it (${event.note})`;
      return {
        ...withProblem(e, { messages: event.messages, note }),
        state: 'unknown',
        lookupFailures: failures,
        nextAttemptAt: retryAt?.toISOString(),
      };
    }
    case 'card-missing':
      return { ...e, state: 'failed', finishedAt: at, nextAttemptAt: undefined, note: CARD_GONE };
    case 'duplicates-checked':
      return { ...e, duplicatesCheckedAt: at, duplicates: mergeDuplicates(e.duplicates, event.found) };
    case 'order-checked':
      return orderChecked(e, event, at);
    case 'check-failed':
      return {
        ...withProblem(e, { messages: event.messages, note: `The last status check failed: ${event.note}` }),
        followUp: { nextCheckAt: event.nextCheckAt.toISOString(), checks: e.followUp.checks + 1 },
      };
    case 'follow-up-stopped':
      return {
        ...e,
        finishedAt: at,
        followUp: { checks: e.followUp.checks },
        note: 'Not followed any more: still not final after 60 days. Check the order in CertCentral.',
      };
    case 'canceled-by-user':
      return {
        ...e,
        orderStatus: 'canceled',
        finishedAt: at,
        followUp: { checks: e.followUp.checks },
        note: `Canceled by you: ${event.note}`,
      };
  }
}

function orderChecked(e: OutboxEntry, event: Extract<MachineEvent, { type: 'order-checked' }>, at: string) {
  const final = isFinalOrderStatus(event.orderStatus);
  const changed = event.orderStatus !== e.orderStatus;
  const reason = event.reason ? `: ${event.reason}` : ' (CertCentral gave no reason)';
  const notes: Record<string, string> = {
    issued: 'Issued.',
    rejected: `Rejected by CertCentral${reason}`,
    canceled: `Canceled in CertCentral${event.reason ? `: ${event.reason}` : ''}`,
    revoked: `Revoked${event.reason ? `: ${event.reason}` : ''}`,
  };
  return {
    ...e,
    orderStatus: event.orderStatus,
    certificateId: event.certificateId ?? e.certificateId,
    note: changed ? (notes[event.orderStatus] ?? e.note) : e.note,
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

/** Every `{code, message}` once, in the order first seen (repeats of a retry add nothing). */
export function addMessages(list: readonly ApiMessage[], more: readonly ApiMessage[]): ApiMessage[] {
  const out = [...list];
  for (const m of more) {
    if (!out.some((x) => x.code === m.code && x.message === m.message)) out.push(m);
  }
  return out.slice(-MESSAGES_LIMIT);
}

/** A later record for the same order replaces the earlier one (a cancel retried after a failure). */
function mergeDuplicates(list: readonly Duplicate[], found: readonly Duplicate[]): Duplicate[] {
  const out = list.filter((d) => !found.some((f) => f.orderId === d.orderId));
  return [...out, ...found];
}

/** A time in a note, as people read it in the history (UTC: notes are stored, not rendered per locale). */
function clock(at: Date): string {
  return `${at.toISOString().slice(11, 16)} UTC`;
}
