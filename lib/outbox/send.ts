/**
 * Sending and reconciling: the "never twice" half of the engine. Each function takes an
 * entry as read from disk, performs at most one unsafe request, and returns how long to wait before
 * the next step (undefined: nothing more to do now).
 */
import { findOrdersByAlternativeId, placeOrder } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
// `t` names the transport in these steps; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import { formatNumber } from '../i18n/format';
import {
  answerMayStillArrive,
  classifyPostError,
  httpStatusOf,
  messagesOf,
  noteOf,
  shortReason,
} from './classify';
import { orderLabel, type StepContext, sayUserError } from './context';
import { checkDuplicates, handleDuplicates, orderToKeep } from './duplicates';
import { alternativeIdOf, type OutboxEntry, renewedOrderOf } from './entry';
import { guardRenewal, takenElsewhere } from './renewal-guard';
import { firstLiveOrder } from './renewed-elsewhere';
import {
  ANSWER_PENDING_MS,
  addMs,
  DEFAULT_MAX_TRIES,
  FIRST_CHECK_MS,
  lookupRetryDelayMs,
  MAX_LOOKUP_FAILURES,
  msUntil,
  OUTAGE_TRY_LIMIT,
  outageRetryDelayMs,
  PENDING_LOOKUP_MS,
  resendDelayMs,
  SETTLE_MS,
  waitingOutOutage,
} from './timing';

export type Wait = number | undefined;

/** How often an entry waiting for the passphrase looks again (the outbox sweep also runs each minute). */
export const KEY_LOCKED_WAIT_MS = 60_000;
/**
 * Entries whose "unlock the key" notice was shown. In memory: after a worker restart the user may
 * be told once more, which is better than never; the entry itself is never changed while it waits.
 */
const toldLocked = new Set<string>();

/**
 * The transport is refused because the key is locked with a passphrase: not the order's fault, so
 * nothing is saved (no attempt counted, the state unchanged) and it is tried again later. True
 * when the reply was that; the caller then waits.
 */
export function waitIfLocked(
  ctx: StepContext,
  entry: OutboxEntry,
  reply: { ok: boolean; error?: { code?: string | undefined } },
): boolean {
  if (reply.ok || reply.error?.code !== 'key_locked') {
    toldLocked.delete(entry.id);
    return false;
  }
  if (!toldLocked.has(entry.id)) {
    toldLocked.add(entry.id);
    const message =
      entry.state === 'placed'
        ? say('history_unlock_to_check', orderLabel(entry))
        : say('history_unlock_to_send', orderLabel(entry));
    ctx.notify('needs-attention', entry, message);
  }
  return true;
}

/** A card payment to send (again) whose card is no longer in memory: nothing was placed; ask for it. */
async function cardMissing(ctx: StepContext, entry: OutboxEntry): Promise<Wait> {
  const failed = await ctx.save(entry, { type: 'card-missing' });
  ctx.notify('needs-attention', failed, say('history_card_reenter', orderLabel(failed)));
  return undefined;
}

export async function sendStep(ctx: StepContext, entry: OutboxEntry): Promise<Wait> {
  const card = ctx.cards.get(entry.id);
  // Only reachable after a restart: nothing was sent yet, or a lookup proved nothing was placed.
  if (entry.paysByCard && !card) return cardMissing(ctx, entry);
  // Placing an order goes before following others or reading their validation (rate-limit.ts Lane).
  const t = await ctx.transport('first');
  if (waitIfLocked(ctx, entry, t)) return KEY_LOCKED_WAIT_MS;
  if (!t.ok) {
    const failed = await ctx.save(entry, {
      type: 'not-sent',
      messages: t.error.code ? [{ code: t.error.code, message: sayUserError(t.error) }] : [],
      note: say('history_note_not_sent', sayUserError(t.error)),
    });
    ctx.notify('needs-attention', failed, say('history_not_sent', [orderLabel(failed), t.error.title]));
    return undefined;
  }
  // A renewal: CertCentral is asked whether someone else renews the order already (renewal-guard.ts).
  const guard = await guardRenewal(ctx, entry, t.value);
  if (!guard.send) return undefined;
  // Written before the POST: a worker stopped during it resumes as "unknown" and looks it up.
  const sending = await ctx.save(entry, {
    type: 'send',
    region: t.value.region,
    ...(guard.alternativeOrderId ? { alternativeOrderId: guard.alternativeOrderId } : {}),
  });
  const body = card ? { ...sending.request, credit_card: card } : sending.request;
  let placed: Awaited<ReturnType<typeof placeOrder>>;
  try {
    placed = await placeOrder(t.value, sending.product, body);
  } catch (err) {
    return afterPostError(ctx, sending, err, t.value);
  }
  const saved = await ctx.save(sending, {
    type: 'placed',
    via: 'response',
    orderId: placed.id,
    requestId: placed.requests.items[0]?.id,
    certificateId: placed.certificate_id,
    firstCheckAt: addMs(ctx.deps.now(), FIRST_CHECK_MS),
  });
  ctx.notify('placed', saved, say('history_placed', orderLabel(saved)));
  // After every placement, look for a second order the browser may have made.
  await checkDuplicates(ctx, saved, t.value);
  return undefined;
}

async function afterPostError(
  ctx: StepContext,
  sending: OutboxEntry,
  err: unknown,
  transport: Transport,
): Promise<Wait> {
  const outcome = classifyPostError(err);
  // "Taken" on a renewal's first POST: the id is another browser's, not an earlier try of ours.
  if (outcome === 'already-placed' && renewedOrderOf(sending) !== undefined && sending.attempts === 1) {
    await takenElsewhere(ctx, sending, transport, err);
    return undefined;
  }
  if (outcome === 'refused') {
    const failed = await ctx.save(sending, { type: 'refused', messages: messagesOf(err), note: noteOf(err) });
    ctx.notify('needs-attention', failed, say('history_refused', [orderLabel(failed), noteOf(err)]));
    return undefined;
  }
  const wait = outcome === 'already-placed' ? 0 : SETTLE_MS;
  const pendingUntil = answerMayStillArrive(err)
    ? addMs(new Date(sending.updatedAt), ANSWER_PENDING_MS)
    : undefined;
  const note =
    outcome === 'already-placed'
      ? say('history_note_already_placed')
      : say('history_note_no_answer', shortReason(err));
  await ctx.save(sending, {
    type: 'no-answer',
    status: httpStatusOf(err),
    messages: messagesOf(err),
    note,
    retryAt: addMs(ctx.deps.now(), wait),
    ...(pendingUntil ? { pendingUntil } : {}),
  });
  return wait;
}

/** `unknown` whose time has come → `reconciling` (written first), then the lookup. */
export async function unknownStep(ctx: StepContext, entry: OutboxEntry): Promise<Wait> {
  if (entry.nextAttemptAt === undefined) return undefined; // stopped: waits for "check again"
  const wait = msUntil(entry.nextAttemptAt, ctx.deps.now());
  if (wait > 0) return wait;
  await ctx.save(entry, { type: 'reconcile' });
  return 0;
}

/** `GET /order/alternate/{id}`: found → placed; none → queued again (or stop at the bound). */
export async function reconcileStep(ctx: StepContext, entry: OutboxEntry): Promise<Wait> {
  // Deciding whether to resend is part of placing the order: same lane as the POST.
  const t = await ctx.transport('first');
  // The lookup waits too: a failed lookup counts towards giving up, a locked key must not.
  if (waitIfLocked(ctx, entry, t)) return KEY_LOCKED_WAIT_MS;
  let found: Awaited<ReturnType<typeof findOrdersByAlternativeId>>['orders'];
  try {
    if (!t.ok) throw new Error(sayUserError(t.error));
    found = (await findOrdersByAlternativeId(t.value, alternativeIdOf(entry))).orders;
  } catch (err) {
    const delay = lookupDelayMs(entry, ctx.deps.now());
    const after = await ctx.save(entry, {
      type: 'lookup-failed',
      messages: messagesOf(err),
      note: noteOf(err),
      ...(delay !== undefined ? { retryAt: addMs(ctx.deps.now(), delay) } : {}),
    });
    if (delay !== undefined) return delay;
    ctx.notify('needs-attention', after, say('history_not_confirmed', orderLabel(after)));
    return undefined;
  }
  // A renewal's id is shared by every browser: the live order stored first is the one that counts.
  const keep =
    (renewedOrderOf(entry) !== undefined ? firstLiveOrder(found) : undefined) ?? orderToKeep(found);
  if (keep && t.ok) {
    const saved = await ctx.save(entry, {
      type: 'placed',
      via: 'lookup',
      orderId: keep.order_id,
      certificateId: keep.certificate_id,
      orderStatus: keep.status,
      firstCheckAt: addMs(ctx.deps.now(), FIRST_CHECK_MS),
    });
    ctx.notify('placed', saved, say('history_placed', orderLabel(saved)));
    await handleDuplicates(ctx, saved, t.value, found);
    return undefined;
  }
  return noneFound(ctx, entry);
}

/**
 * After a failed lookup: quick retries first; then, while the outage rule holds (timing.ts
 * waitingOutOutage), a slow pace that waits it out; undefined: stop for a person.
 */
function lookupDelayMs(entry: OutboxEntry, now: Date): number | undefined {
  const failures = entry.lookupFailures + 1;
  if (waitingOutOutage({ ...entry, lookupFailures: failures }, now)) {
    return outageRetryDelayMs(failures - MAX_LOOKUP_FAILURES + 1);
  }
  return failures < MAX_LOOKUP_FAILURES ? lookupRetryDelayMs(failures) : undefined;
}

/**
 * The last POST got no answer from CertCentral itself or was turned away for load (5xx, 429, none
 * at all): an outage to wait out. Any other stop is a person's decision.
 */
function unavailable(status: number | undefined): boolean {
  return status === undefined || status === 429 || status >= 500;
}

async function noneFound(ctx: StepContext, entry: OutboxEntry): Promise<Wait> {
  const pending = msUntil(entry.answerPendingUntil, ctx.deps.now());
  if (pending > 0) {
    // The unanswered request may still land: look again soon, send nothing.
    const delay = Math.min(pending, PENDING_LOOKUP_MS);
    await ctx.save(entry, { type: 'not-found-yet', retryAt: addMs(ctx.deps.now(), delay) });
    return delay;
  }
  if (entry.paysByCard && !ctx.cards.has(entry.id)) return cardMissing(ctx, entry);
  const now = ctx.deps.now();
  const waitOut =
    entry.attempts >= entry.allowedAttempts &&
    entry.attempts < OUTAGE_TRY_LIMIT &&
    unavailable(entry.lastHttpStatus) &&
    waitingOutOutage(entry, now);
  const delay = waitOut
    ? // Each pause longer than the last: 1, 2, 4, 8, then 15 minutes.
      outageRetryDelayMs(entry.attempts - DEFAULT_MAX_TRIES + 1)
    : resendDelayMs(entry.attempts, entry.lastHttpStatus);
  const after = await ctx.save(entry, { type: 'none-found', retryAt: addMs(now, delay), waitOut });
  if (after.state === 'queued' || waitOut) return delay;
  ctx.notify(
    'needs-attention',
    after,
    say('history_not_confirmed_tries', [orderLabel(after), formatNumber(after.attempts)]),
  );
  return undefined;
}
