/**
 * Chromium can resend a POST by itself when a reused
 * keep-alive connection drops, so two orders may carry one alternative_order_id. After every
 * placement the extra ones are canceled while still pending, and what was done is recorded.
 */

import type { AlternateOrderList } from '../certcentral/order-schemas';
import { cancelOrder, findOrdersByAlternativeId, getOrder } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
// `t` names the transport in these steps; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import { messagesOf, noteOf } from './classify';
import { orderLabel, type StepContext } from './context';
import { alternativeIdOf, type Duplicate, type OutboxEntry, renewedOrderOf } from './entry';
import { readOrder } from './renewal-guard';
import { firstLiveOrder, isLiveOrderStatus, renewedElsewhere } from './renewed-elsewhere';
import { isCancelableOrderStatus } from './status';

type Found = AlternateOrderList['orders'];

/** The order to keep when only a lookup found it: the lowest id, i.e. the first one CertCentral stored. */
export function orderToKeep(orders: Found): Found[number] | undefined {
  return [...orders].sort((a, b) => a.order_id - b.order_id)[0];
}

export function cancelNote(keptOrderId: number, alternativeOrderId: string, renewed?: number): string {
  if (renewed !== undefined) {
    return (
      `Second renewal of order ${renewed}: order ${keptOrderId} (same alternative_order_id ${alternativeOrderId}) ` +
      'was placed first and is kept. Canceled by the CertCentral Companion extension.'
    );
  }
  return (
    `Duplicate of order ${keptOrderId}: same alternative_order_id ${alternativeOrderId}. ` +
    'Canceled by the CertCentral Companion extension (the browser sent the order twice).'
  );
}

/** Looks the id up again and handles extras; a failed lookup leaves it for the next follow-up. */
export async function checkDuplicates(
  ctx: StepContext,
  entry: OutboxEntry,
  t: Transport,
): Promise<OutboxEntry> {
  let found: Found;
  try {
    found = (await findOrdersByAlternativeId(t, alternativeIdOf(entry))).orders;
  } catch {
    // duplicatesCheckedAt stays unset: the follow-up step tries again (follow-up.ts).
    return entry;
  }
  // A renewal's id is shared by every browser renewing the order: an earlier live order is someone
  // else's renewal (or, rarely, this POST's own silent resend: either way it is the one to keep).
  const first = renewedOrderOf(entry) !== undefined ? firstLiveOrder(found) : undefined;
  if (first && entry.orderId !== undefined && first.order_id < entry.orderId) {
    return lostRenewalRace(ctx, entry, t, found, first.order_id);
  }
  return handleDuplicates(ctx, entry, t, found);
}

/**
 * Two renewals of one order were placed at the same moment and the other one was stored first: this
 * entry cancels its own order while pending and ends as "already being renewed". If its own order can
 * no longer be canceled, that is recorded for a person, as any duplicate that could not be canceled.
 */
async function lostRenewalRace(
  ctx: StepContext,
  entry: OutboxEntry,
  t: Transport,
  found: Found,
  winner: number,
): Promise<OutboxEntry> {
  const own = entry.orderId ?? 0;
  const row = found.find((o) => o.order_id === own);
  if (!row || isLiveOrderStatus(row.status)) {
    const record = await settle(
      ctx,
      t,
      row ?? { order_id: own, status: entry.orderStatus ?? 'pending' },
      winner,
      entry,
    );
    if (record.outcome !== 'canceled' && record.outcome !== 'already-ended') {
      const saved = await ctx.save(entry, { type: 'duplicates-checked', found: [record] });
      ctx.notify(
        'needs-attention',
        saved,
        say('history_duplicate_problem', [orderLabel(saved), String(own), record.detail]),
      );
      return saved;
    }
  }
  const details = await readOrder(t, winner);
  const saved = await ctx.save(entry, {
    type: 'renewed-elsewhere',
    found: renewedElsewhere(winner, details, own),
  });
  ctx.notify('ended', saved, say('history_renewal_not_placed', [orderLabel(saved), saved.note ?? '']));
  return saved;
}

/** Cancels every order other than `entry.orderId` that carries the id and is still pending. */
export async function handleDuplicates(
  ctx: StepContext,
  entry: OutboxEntry,
  t: Transport,
  found: Found,
): Promise<OutboxEntry> {
  const keep = entry.orderId;
  const records: Duplicate[] = [];
  for (const order of found) {
    if (order.order_id === keep || keep === undefined) continue;
    const before = entry.duplicates.find((d) => d.orderId === order.order_id);
    if (before?.outcome === 'canceled' || before?.outcome === 'already-ended') continue;
    records.push(await settle(ctx, t, order, keep, entry));
  }
  const saved = await ctx.save(entry, { type: 'duplicates-checked', found: records });
  for (const d of records) {
    if (d.outcome === 'canceled') {
      ctx.notify(
        'duplicate-canceled',
        saved,
        say('history_duplicate_canceled', [orderLabel(saved), String(d.orderId)]),
      );
    } else if (d.outcome !== 'already-ended') {
      ctx.notify(
        'needs-attention',
        saved,
        say('history_duplicate_problem', [orderLabel(saved), String(d.orderId), d.detail]),
      );
    }
  }
  return saved;
}

async function settle(
  ctx: StepContext,
  t: Transport,
  order: Pick<Found[number], 'order_id' | 'status'>,
  keep: number,
  entry: OutboxEntry,
): Promise<Duplicate> {
  const at = ctx.deps.now().toISOString();
  const base = { orderId: order.order_id, foundStatus: order.status, at };
  if (order.status === 'canceled' || order.status === 'rejected') {
    return { ...base, outcome: 'already-ended', detail: say('history_duplicate_ended', order.status) };
  }
  if (!isCancelableOrderStatus(order.status)) {
    return {
      ...base,
      outcome: 'not-cancelable',
      detail: say('history_duplicate_not_cancelable', order.status),
    };
  }
  try {
    await cancelOrder(t, order.order_id, cancelNote(keep, alternativeIdOf(entry), renewedOrderOf(entry)));
    return { ...base, outcome: 'canceled', detail: say('history_duplicate_canceled_detail', String(keep)) };
  } catch (err) {
    // Another browser renewing the same order may have canceled it a moment ago (its own extra order).
    const now = await getOrder(t, order.order_id).catch(() => undefined);
    if (now && !isLiveOrderStatus(now.status)) {
      return { ...base, outcome: 'already-ended', detail: say('history_duplicate_ended', now.status) };
    }
    const codes = messagesOf(err)
      .map((m) => m.code)
      .join(', ');
    return {
      ...base,
      outcome: 'cancel-failed',
      detail: say('history_duplicate_cancel_failed', [codes, noteOf(err)]),
    };
  }
}
