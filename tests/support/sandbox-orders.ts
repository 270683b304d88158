/**
 * What the sandbox stored and was sent for one submission, found by its alternative_order_id. Free of
 * any browser driver, so the Chromium and the Firefox tests check orders the same way.
 */
import { expect } from 'vitest';
import type { Sandbox } from '../sandbox/server';

export const EV_ORDER_PATH = '/services/v2/order/certificate/ssl_ev_securesite_pro';

export function ordersCarrying(sandbox: Sandbox, alternativeOrderId: string) {
  return sandbox.state.orders.filter((o) => o.alternative_order_id === alternativeOrderId);
}

/** Orders that still count: a canceled or rejected duplicate is not a second certificate. */
export function liveOrders(sandbox: Sandbox, alternativeOrderId: string) {
  return ordersCarrying(sandbox, alternativeOrderId).filter(
    (o) => o.status !== 'canceled' && o.status !== 'rejected',
  );
}

/** The order POSTs that reached the sandbox carrying this alternative_order_id. */
export function postsCarrying(sandbox: Sandbox, alternativeOrderId: string) {
  return sandbox.requestLog.filter(
    (e) =>
      e.method === 'POST' &&
      e.path === EV_ORDER_PATH &&
      (e.body as { alternative_order_id?: string } | undefined)?.alternative_order_id === alternativeOrderId,
  );
}

/**
 * After "Place order": the sandbox got exactly the reviewed body (plus the fresh alternative_order_id)
 * and stored one order for it. Returns that alternative_order_id.
 */
export async function expectSentAsReviewed(
  sandbox: Sandbox,
  reviewed: Record<string, unknown>,
  /** A renewal carries the id derived from the renewed order (`renewal-of-<id>`), not a fresh UUID. */
  altIdPattern: RegExp = /^[0-9a-f-]{36}$/,
): Promise<string> {
  const findPost = () => sandbox.requestLog.find((e) => e.method === 'POST' && e.path === EV_ORDER_PATH);
  await expect.poll(findPost).toBeDefined();
  const { alternative_order_id: altId, ...sent } = (findPost()?.body ?? {}) as Record<string, unknown>;
  expect(sent).toEqual(reviewed);
  expect(altId).toMatch(altIdPattern);
  await expect.poll(() => ordersCarrying(sandbox, String(altId)).length).toBe(1);
  return String(altId);
}
