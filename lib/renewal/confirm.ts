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
import { elsewhereGuard, findRenewalElsewhere } from './elsewhere';
import type { GuardFacts } from './guards';

/**
 * At most this many ids are confirmed per request, in page order (how near each expiry is cannot be
 * known before fetching): 50 GETs are half of the documented 100-per-5-s window.
 */
export const CONFIRM_LIMIT = 50;
/**
 * A page naming at most this many orders (an order's own page) also has each one looked up for a
 * renewal placed elsewhere: one or two GETs per order, not worth spending on a list page.
 */
export const ELSEWHERE_CHECK_LIMIT = 3;
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
        const candidate = toCandidate(await getOrder(t, orderId), facts);
        if (ids.length <= ELSEWHERE_CHECK_LIMIT) await warnIfRenewedElsewhere(t, candidate);
        results[index] = candidate;
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

/**
 * Adds "already being renewed by …" when CertCentral holds a live renewal this browser's outbox does
 * not know. A failed lookup adds nothing: the outbox asks again right before sending, and stops then.
 */
async function warnIfRenewedElsewhere(t: Transport, candidate: RenewalCandidate): Promise<void> {
  if (candidate.guards.some((g) => g.kind === 'already-renewed' || g.kind === 'renewal-in-progress')) return;
  try {
    const found = await findRenewalElsewhere(t, candidate.orderId);
    if (found) candidate.guards.push(elsewhereGuard(candidate.orderId, found));
  } catch {
    // Said nothing: not knowing is no reason to warn, and the outbox checks before any POST.
  }
}
