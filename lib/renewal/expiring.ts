/**
 * The "Expiring" view: issued orders whose certificate ends within N days, from the API.
 *
 * Only `filters[status]=issued` is sent: it is the one filter docs/certcentral-api.md documents with its values
 * ("list orders"). Days remaining, product, organization and container are filtered here, from each
 * row's `certificate.valid_till` and the injected clock (the sandbox's `filters[days_remaining]` is not
 * a documented DigiCert filter).
 *
 * `csrAvailable` needs the order's details (list rows carry no CSR and no server platform), so the
 * nearest DETAILS_LIMIT matches are read with `GET /order/certificate/{id}`: those candidates are as
 * complete as a confirmed page order. Further matches are mapped from their row, with csrAvailable
 * false meaning "not checked"; a bulk renewal reads every order's details before ordering anyway.
 */

import { ITEM_WORDS, unreadableViews } from '../account/choices';
import type { OrderSummary } from '../certcentral/order-schemas';
import { getOrder, listAllOrders } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
import type { RenewalCandidate, UnreadableItemView } from '../messaging';
import { daysRemaining, toCandidate } from './candidate';
import type { GuardFacts } from './guards';

/** Certificates that ended this recently are still listed (the expiring report has a -7 bucket). */
export const EXPIRED_GRACE_DAYS = 7;
/** Orders whose details are read (one GET each, paced by the shared rate limiter). */
export const DETAILS_LIMIT = 100;
const PARALLEL = 4;

export interface ExpiringQuery {
  withinDays: number;
  productNameId?: string;
  organizationId?: number;
  containerId?: number;
}

function matches(row: OrderSummary, query: ExpiringQuery, now: Date): boolean {
  const days = daysRemaining(row, now);
  if (days === undefined || days > query.withinDays || days < -EXPIRED_GRACE_DAYS) return false;
  if (query.productNameId !== undefined && row.product?.name_id !== query.productNameId) return false;
  const organizationId = row.organization?.id ?? row.certificate?.organization?.id;
  if (query.organizationId !== undefined && organizationId !== query.organizationId) return false;
  return query.containerId === undefined || row.container?.id === query.containerId;
}

export interface ExpiringResult {
  orders: RenewalCandidate[];
  /** Rows CertCentral listed that could not be read: they may expire too, so they are named. */
  unreadable: UnreadableItemView[];
}

export async function listExpiring(
  t: Transport,
  query: ExpiringQuery,
  facts: GuardFacts,
): Promise<ExpiringResult> {
  const rows = await listAllOrders(t, { filters: { status: 'issued' } });
  const found = rows.items
    .filter((row) => matches(row, query, facts.now))
    .sort((a, b) => (daysRemaining(a, facts.now) ?? 0) - (daysRemaining(b, facts.now) ?? 0) || a.id - b.id);
  const out: RenewalCandidate[] = found.map((row) => toCandidate(row, facts));
  let next = 0;
  const detailed = Math.min(found.length, DETAILS_LIMIT);
  const worker = async () => {
    while (next < detailed) {
      const index = next++;
      const row = found[index] as OrderSummary;
      // A row whose details cannot be read stays as the list gave it: the list already confirms it.
      out[index] = await getOrder(t, row.id).then(
        (details) => toCandidate(details, facts),
        () => out[index] as RenewalCandidate,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, detailed) }, worker));
  return { orders: out, unreadable: unreadableViews(ITEM_WORDS.order, rows.unreadable) };
}
