/**
 * Chromium can resend a POST by itself when a reused
 * keep-alive connection drops, so two orders may carry one alternative_order_id. After every
 * placement the extra ones are canceled while still pending, and what was done is recorded.
 */

import type { AlternateOrderList } from '../certcentral/order-schemas';
import { cancelOrder, findOrdersByAlternativeId } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
// `t` names the transport in these steps; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import { messagesOf, noteOf } from './classify';
import { orderLabel, type StepContext } from './context';
import type { Duplicate, OutboxEntry } from './entry';
import { isCancelableOrderStatus } from './status';

type Found = AlternateOrderList['orders'];

/** The order to keep when only a lookup found it: the lowest id, i.e. the first one CertCentral stored. */
export function orderToKeep(orders: Found): Found[number] | undefined {
  return [...orders].sort((a, b) => a.order_id - b.order_id)[0];
}

export function cancelNote(keptOrderId: number, alternativeOrderId: string): string {
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
    found = (await findOrdersByAlternativeId(t, entry.id)).orders;
  } catch {
    // duplicatesCheckedAt stays unset: the follow-up step tries again (follow-up.ts).
    return entry;
  }
  return handleDuplicates(ctx, entry, t, found);
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
    records.push(await settle(ctx, t, order, keep, entry.id));
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
  order: Found[number],
  keep: number,
  alternativeOrderId: string,
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
    await cancelOrder(t, order.order_id, cancelNote(keep, alternativeOrderId));
    return { ...base, outcome: 'canceled', detail: say('history_duplicate_canceled_detail', String(keep)) };
  } catch (err) {
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
