/**
 * Following a placed order until it reaches a final state: `GET
 * /order/certificate/{id}` on the schedule in timing.ts, woken by alarms (not timers, which die with
 * the worker). Every call goes through the transport's shared rate limiter.
 */

import type { OrderDetails } from '../certcentral/order-schemas';
import { getOrder } from '../certcentral/orders';
// `t` names the transport in these steps; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import { runValidationFollower } from '../validation/follow';
import { messagesOf, noteOf } from './classify';
import { orderLabel, type StepContext, sayUserError } from './context';
import { checkDuplicates } from './duplicates';
import type { OutboxEntry } from './entry';
import { waitIfLocked } from './send';
import { ANSWER_PENDING_MS, addMs, FOLLOW_UP_LIMIT_MS, followUpDelayMs, msUntil } from './timing';

/**
 * A duplicate check is (re)done when it failed before, a duplicate could not be canceled yet, or more
 * than one POST went out and the last check came less than two minutes after placement: an earlier,
 * unanswered POST may land late (timing.ts ANSWER_PENDING_MS) and must still be caught and canceled.
 */
function duplicatesPending(entry: OutboxEntry): boolean {
  if (entry.duplicatesCheckedAt === undefined) return true;
  if (entry.duplicates.some((d) => d.outcome === 'cancel-failed')) return true;
  if (entry.attempts <= 1 || entry.placedAt === undefined) return false;
  return Date.parse(entry.duplicatesCheckedAt) < Date.parse(entry.placedAt) + 2 * ANSWER_PENDING_MS;
}

/** One follow-up round for a placed entry; `force` ignores the schedule (the UI's refresh button). */
export async function followUpStep(ctx: StepContext, start: OutboxEntry, force = false): Promise<void> {
  let entry = start;
  if (entry.state !== 'placed' || entry.orderId === undefined || entry.finishedAt !== undefined) return;
  const now = ctx.deps.now();
  if (!force && msUntil(entry.followUp.nextCheckAt, now) > 0) return;
  const age = now.getTime() - Date.parse(entry.placedAt ?? entry.createdAt);
  if (age >= FOLLOW_UP_LIMIT_MS) {
    const stopped = await ctx.save(entry, { type: 'follow-up-stopped' });
    ctx.notify('needs-attention', stopped, say('history_still_not_issued', orderLabel(stopped)));
    return;
  }
  const nextCheckAt = addMs(now, followUpDelayMs(age));
  const t = await ctx.transport();
  // Locked: the check is not made and not recorded as failed; the next sweep tries again.
  if (waitIfLocked(ctx, entry, t)) return;
  if (!t.ok) {
    await ctx.save(entry, { type: 'check-failed', messages: [], note: sayUserError(t.error), nextCheckAt });
    return;
  }
  if (duplicatesPending(entry)) entry = await checkDuplicates(ctx, entry, t.value);
  let order: OrderDetails;
  try {
    order = await getOrder(t.value, entry.orderId ?? 0);
  } catch (err) {
    await ctx.save(entry, {
      type: 'check-failed',
      messages: messagesOf(err),
      note: noteOf(err),
      nextCheckAt,
    });
    return;
  }
  const before = entry.orderStatus;
  const reason = reasonOf(order);
  const saved = await ctx.save(entry, {
    type: 'order-checked',
    orderStatus: order.status,
    certificateId: order.certificate?.id,
    ...(reason !== undefined ? { reason } : {}),
    nextCheckAt,
  });
  if (order.status !== before) announce(ctx, saved);
  // Validation state (lib/validation/follow.ts), after the order's own GET and through the same
  // rate-limited transport: while the order is pending, and once more in the round it leaves pending.
  // Not awaited: the engine runs its steps one at a time, and a round of validation reads (and its
  // notices) must not hold up the next order being placed; it saves nothing the outbox reads.
  if (order.status === 'pending' || before === 'pending' || before === undefined) {
    void runValidationFollower(t.value, {
      orderId: entry.orderId ?? 0,
      commonName: entry.commonName,
      status: order.status,
      createdAt: entry.placedAt ?? entry.createdAt,
    });
  }
}

function announce(ctx: StepContext, entry: OutboxEntry): void {
  const label = orderLabel(entry);
  switch (entry.orderStatus) {
    case 'issued':
      ctx.notify('issued', entry, say('history_issued', label));
      return;
    case 'rejected':
      ctx.notify(
        'needs-attention',
        entry,
        entry.note ? say('history_rejected_note', [label, entry.note]) : say('history_rejected', label),
      );
      return;
    case 'canceled':
    case 'revoked':
      ctx.notify('ended', entry, say('history_ended', [label, entry.orderStatus]));
      return;
  }
}

/**
 * The reason CertCentral gives for a rejected/canceled order. The API reference names no field for
 * it (docs/certcentral-api.md lists only `status`), so the likely ones are read when present and
 * nothing is invented when absent.
 */
export function reasonOf(order: OrderDetails): string | undefined {
  const record = order as Record<string, unknown>;
  for (const key of ['reason', 'status_reason', 'rejection_reason', 'status_note', 'cancellation_note']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  const notes = record.status_notes;
  if (Array.isArray(notes)) {
    const last = notes[notes.length - 1] as { note?: unknown } | undefined;
    if (last && typeof last.note === 'string' && last.note.trim() !== '') return last.note.trim();
  }
  return undefined;
}
