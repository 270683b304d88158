/**
 * Before the popup offers a renewal: does CertCentral already hold a live renewal of this order,
 * placed from another browser or by another person? The same lookup the outbox makes right before
 * its POST (lib/outbox/renewal-guard.ts), so the person is warned before filling in the form; the
 * outbox asks again anyway. docs/certcentral-api.md "Renewals placed elsewhere".
 */
import { findOrdersByAlternativeId } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
import { t } from '../i18n';
import { formatDateTime } from '../i18n/format';
import type { RenewedElsewhere } from '../outbox/entry';
import { MAX_RENEWAL_IDS, readOrder, renewalAlternativeId } from '../outbox/renewal-guard';
import { firstLiveOrder, renewedElsewhere } from '../outbox/renewed-elsewhere';
import type { RenewalGuard } from './guards';

/** A live renewal of `orderId` found by the ids every browser derives from it, or undefined. Throws when a lookup fails. */
export async function findRenewalElsewhere(
  t: Transport,
  orderId: number,
): Promise<RenewedElsewhere | undefined> {
  for (let n = 1; n <= MAX_RENEWAL_IDS; n++) {
    const { orders } = await findOrdersByAlternativeId(t, renewalAlternativeId(orderId, n));
    const live = firstLiveOrder(orders);
    if (live) return renewedElsewhere(live.order_id, await readOrder(t, live.order_id));
    if (orders.length === 0) return undefined;
  }
  return undefined;
}

/** The warning shown with the order: who renews it, which order, since when. */
export function elsewhereGuard(orderId: number, found: RenewedElsewhere): RenewalGuard {
  const by = found.by ?? t('history_renewed_by_someone');
  const when =
    found.placedAt && !Number.isNaN(Date.parse(found.placedAt)) ? formatDateTime(found.placedAt) : undefined;
  return {
    kind: 'renewal-in-progress',
    message: when
      ? t('renewal_in_progress_elsewhere', [String(orderId), by, String(found.orderId), when])
      : t('renewal_in_progress_elsewhere_undated', [String(orderId), by, String(found.orderId)]),
  };
}
