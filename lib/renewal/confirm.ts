/**
 * Confirms the order ids a CertCentral page suggested (the trust model: a page can
 * only suggest; the background confirms each id with `GET /order/certificate/{id}` before use).
 */
import { CertCentralError, describeCertCentralError } from '../certcentral/errors';
import { getOrder } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
// `t` names the transport here; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import { formatNumber } from '../i18n/format';
import type { RenewalCandidate } from '../messaging';
import { toCandidate } from './candidate';
import type { GuardFacts } from './guards';

/**
 * At most this many ids are confirmed per request, in page order (how near each expiry is cannot be
 * known before fetching): 50 GETs are half of the documented 100-per-5-s window.
 */
export const CONFIRM_LIMIT = 50;
/** GETs in flight at once; the shared rate limiter paces them anyway. */
const PARALLEL = 4;

export interface Unconfirmed {
  orderId: number;
  reason: string;
}
export interface ConfirmResult {
  orders: RenewalCandidate[];
  unconfirmed: Unconfirmed[];
}

export function unconfirmedReason(orderId: number, error: unknown): string {
  if (error instanceof CertCentralError && error.kind === 'http') {
    if (error.status === 404 || error.hasCode('not_found'))
      return say('renewal_unconfirmed_not_found', String(orderId));
    if (error.status === 403 || error.hasCode('access_denied'))
      return say('renewal_unconfirmed_forbidden', String(orderId));
  }
  return say('renewal_unconfirmed_error', [String(orderId), describeCertCentralError(error)]);
}

export async function confirmOrders(
  t: Transport,
  suggested: readonly number[],
  facts: GuardFacts,
): Promise<ConfirmResult> {
  const ids = [...new Set(suggested)];
  const checked = ids.slice(0, CONFIRM_LIMIT);
  const results: (RenewalCandidate | Unconfirmed)[] = new Array(checked.length);
  let next = 0;
  const worker = async () => {
    while (next < checked.length) {
      const index = next++;
      const orderId = checked[index] as number;
      try {
        results[index] = toCandidate(await getOrder(t, orderId), facts);
      } catch (error) {
        results[index] = { orderId, reason: unconfirmedReason(orderId, error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, checked.length) }, worker));
  const orders = results.filter((r): r is RenewalCandidate => 'guards' in r);
  const unconfirmed = results.filter((r): r is Unconfirmed => 'reason' in r);
  for (const orderId of ids.slice(CONFIRM_LIMIT)) {
    unconfirmed.push({
      orderId,
      reason: say('renewal_unconfirmed_limit', [formatNumber(ids.length), formatNumber(CONFIRM_LIMIT)]),
    });
  }
  return { orders, unconfirmed };
}
