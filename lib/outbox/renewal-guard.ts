/**
 * Never twice across browsers, for renewals: right before a renewal's POST (inside the engine's
 * one-step-at-a-time path, so as late as possible), CertCentral itself is asked whether the order
 * already has a live renewal, by anyone, from anywhere. docs/certcentral-api.md "Renewals placed
 * elsewhere" lists what each answer is worth; in short:
 *
 * - a renewal's `alternative_order_id` is not random but derived from the renewed order
 *   (`renewal-of-<id>`, then `renewal-of-<id>-2`... once earlier ones ended), so every browser
 *   looks up the same ids with `GET /order/alternate/{id}` and two renewals at once share one id,
 *   which the duplicate check (duplicates.ts) then settles: the lowest order id wins;
 * - the renewed order's `renewed_order_id` (and `is_renewed`) from `GET /order/certificate/{id}`
 *   also catch a renewal placed outside this extension, once CertCentral sets them (when it does
 *   is not documented: perhaps only once the renewal is issued).
 */
import { findOrdersByAlternativeId, getOrder, type OrderDetails } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
// `t` names the transport in these steps; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import { formatNumber } from '../i18n/format';
import { messagesOf, noteOf } from './classify';
import { orderLabel, type StepContext } from './context';
import { alternativeIdOf, type OutboxEntry, type RenewedElsewhere, renewedOrderOf } from './entry';
import { firstLiveOrder, isLiveOrderStatus, renewedElsewhere } from './renewed-elsewhere';

/** A caller's read of the renewed order this recent is not repeated before the POST (SubmitInput.renewedOrderReadAt). */
export const RENEWED_ORDER_FRESH_MS = 30_000;

/** How many renewal ids of one order are tried: ended renewals (canceled, rejected) each use one up. */
export const MAX_RENEWAL_IDS = 5;

/** `renewal-of-10000001`, `renewal-of-10000001-2`, ...: at most 30 characters, well under the documented 64. */
export function renewalAlternativeId(renewedOrderId: number, n: number): string {
  return n <= 1 ? `renewal-of-${renewedOrderId}` : `renewal-of-${renewedOrderId}-${n}`;
}

export type RenewalCheck =
  /** Nothing live found: send with this alternative_order_id. */
  | { kind: 'clear'; alternativeOrderId: string }
  /** A live renewal exists: send nothing. */
  | { kind: 'elsewhere'; found: RenewedElsewhere }
  /** CertCentral says the order is renewed but names no order. */
  | { kind: 'renewed' }
  /** Every id this extension may use for the order carries an ended renewal. */
  | { kind: 'ids-used' }
  /** A lookup failed: whether a renewal exists is not known. */
  | { kind: 'failed'; error: unknown };

/** An order's details, or undefined when they cannot be read (the guard's verdict does not depend on them). */
export async function readOrder(t: Transport, orderId: number): Promise<OrderDetails | undefined> {
  try {
    return await getOrder(t, orderId);
  } catch {
    return undefined;
  }
}

/**
 * Asks CertCentral. `fixedId`: a resend keeps the id its first POST carried (a lost answer is looked
 * up by it), so only that id is looked at. `orderReadJustNow`: the caller read the renewed order a
 * moment ago and it named no renewal, so only the ids are looked up.
 */
export async function checkRenewal(
  t: Transport,
  renewedOrderId: number,
  fixedId?: string,
  orderReadJustNow = false,
): Promise<RenewalCheck> {
  try {
    const renewed: Pick<OrderDetails, 'renewed_order_id' | 'is_renewed'> = orderReadJustNow
      ? {}
      : await getOrder(t, renewedOrderId);
    const named = renewed.renewed_order_id;
    // 0 and null both mean "not renewed" in recorded answers.
    if (typeof named === 'number' && named > 0) {
      const other = await readOrder(t, named);
      if (other ? isLiveOrderStatus(other.status) : renewed.is_renewed === true) {
        return { kind: 'elsewhere', found: renewedElsewhere(named, other) };
      }
    } else if (renewed.is_renewed === true) {
      return { kind: 'renewed' };
    }
    const ids = fixedId
      ? [fixedId]
      : Array.from({ length: MAX_RENEWAL_IDS }, (_, i) => renewalAlternativeId(renewedOrderId, i + 1));
    for (const id of ids) {
      const { orders } = await findOrdersByAlternativeId(t, id);
      const live = firstLiveOrder(orders);
      if (live) {
        return {
          kind: 'elsewhere',
          found: renewedElsewhere(live.order_id, await readOrder(t, live.order_id)),
        };
      }
      if (orders.length === 0 || fixedId) return { kind: 'clear', alternativeOrderId: id };
    }
    return { kind: 'ids-used' };
  } catch (error) {
    return { kind: 'failed', error };
  }
}

/**
 * The guard step for a renewal about to be sent. `send`: go on, with the id to write into the request
 * on its first POST; `stop`: the entry was ended (nothing sent) and the user told.
 */
export async function guardRenewal(
  ctx: StepContext,
  entry: OutboxEntry,
  t: Transport,
): Promise<{ send: true; alternativeOrderId?: string } | { send: false }> {
  const renewed = renewedOrderOf(entry);
  if (renewed === undefined) return { send: true };
  const first = entry.attempts === 0;
  const read = ctx.renewedOrderReads.get(entry.id);
  ctx.renewedOrderReads.delete(entry.id);
  const fresh = read !== undefined && ctx.deps.now().getTime() - read < RENEWED_ORDER_FRESH_MS;
  const check = await checkRenewal(t, renewed, first ? undefined : alternativeIdOf(entry), fresh);
  if (check.kind === 'clear')
    return first ? { send: true, alternativeOrderId: check.alternativeOrderId } : { send: true };
  if (check.kind === 'elsewhere') {
    const saved = await ctx.save(entry, { type: 'renewed-elsewhere', found: check.found });
    ctx.notify('ended', saved, say('history_renewal_not_placed', [orderLabel(saved), saved.note ?? '']));
    return { send: false };
  }
  const id = String(renewed);
  const problem =
    check.kind === 'failed'
      ? {
          messages: messagesOf(check.error),
          note: say('history_note_renewal_check_failed', [id, noteOf(check.error)]),
        }
      : check.kind === 'renewed'
        ? { messages: [], note: say('renewal_already_renewed', id) }
        : { messages: [], note: say('history_note_renewal_ids_used', [id, formatNumber(MAX_RENEWAL_IDS)]) };
  // Only a first send ends here as "not sent"; a resend's entry already sent once, so it goes on
  // being looked up (reconcile) rather than claiming that nothing was ordered.
  if (!first) return { send: true };
  const failed = await ctx.save(entry, { type: 'not-sent', ...problem });
  ctx.notify(
    'needs-attention',
    failed,
    say('history_renewal_not_placed', [orderLabel(failed), problem.note]),
  );
  return { send: false };
}

/**
 * The account enforces unique alternative order ids and refused a renewal's FIRST POST as "taken":
 * no earlier POST of this entry exists, so the order carrying the id is someone else's, never
 * claimed as ours. A live one ends the entry as renewed elsewhere; none live (it ended meanwhile):
 * refused, nothing placed, the person may place it again (the guard then picks the next id).
 */
export async function takenElsewhere(
  ctx: StepContext,
  sending: OutboxEntry,
  t: Transport,
  err: unknown,
): Promise<void> {
  const id = alternativeIdOf(sending);
  let live: { order_id: number } | undefined;
  let note = say('history_note_renewal_id_taken', id);
  try {
    live = firstLiveOrder((await findOrdersByAlternativeId(t, id)).orders);
  } catch (lookupError) {
    note = say('history_note_renewal_check_failed', [String(renewedOrderOf(sending)), noteOf(lookupError)]);
  }
  if (live) {
    const found = renewedElsewhere(live.order_id, await readOrder(t, live.order_id));
    const saved = await ctx.save(sending, { type: 'renewed-elsewhere', found });
    ctx.notify('ended', saved, say('history_renewal_not_placed', [orderLabel(saved), saved.note ?? '']));
    return;
  }
  const failed = await ctx.save(sending, { type: 'refused', messages: messagesOf(err), note });
  ctx.notify('needs-attention', failed, say('history_renewal_not_placed', [orderLabel(failed), note]));
}
