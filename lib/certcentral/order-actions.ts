// Requests that change state. The transport never retries these: docs/certcentral-api.md "Duplicate orders" — a retried
// POST whose answer was lost can create a second, separately billed order.
import { z } from 'zod/mini';
import { type PlacedOrder, PlacedOrderSchema } from './order-schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

/**
 * `POST /order/certificate/{product_name_id}`. The body is built and validated by lib/order;
 * here it is sent as given. On an error with `outcomeUnknown`, the order may exist: look it up by
 * its alternative_order_id before sending again.
 */
export function placeOrder(
  t: Transport,
  productNameId: string,
  body: Record<string, unknown>,
): Promise<PlacedOrder> {
  return t.post(`/order/certificate/${segment(productNameId)}`, body, PlacedOrderSchema);
}

/** docs/certcentral-api.md "cancel a pending order": `PUT /order/certificate/{id}/status` {"status":"canceled","note"} → 204. */
export async function cancelOrder(t: Transport, id: number, note: string): Promise<void> {
  // Whatever the body (usually none), it is not needed: accept anything.
  await t.put(`/order/certificate/${segment(id)}/status`, { status: 'canceled', note }, z.unknown());
}
