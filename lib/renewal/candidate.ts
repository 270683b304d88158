/**
 * An order confirmed through the API, as a renewal starts from it (messaging.ts RenewalCandidate):
 * what the person recognises (names, product, organization, days left), the guard rails and the
 * values that fill the template's "from the renewed order" fields.
 */
import type { OrderDetails, OrderSummary } from '../certcentral/order-schemas';
import { findCsrPem } from '../csr/pem';
import { t } from '../i18n';
import type { RenewalCandidate } from '../messaging';
import { daysBetween, formatIsoDay, parseIsoDay, utcDay } from '../order/dates';
import { getProduct } from '../order/products';
import { type GuardFacts, orderValidTill, renewalGuards } from './guards';
import { renewalValues } from './values';

/** The order's previous CSR, when it is a real PEM request (the recorded bodies hold a placeholder). */
export function reusableCsr(order: OrderDetails | OrderSummary): string | undefined {
  const csr = order.certificate?.csr;
  if (typeof csr !== 'string') return undefined;
  const found = findCsrPem(csr);
  return found.ok ? found.pem : undefined;
}

/** Whole days from today (the injected clock, UTC) to the certificate's valid_till. */
export function daysRemaining(order: OrderDetails | OrderSummary, now: Date): number | undefined {
  const till = order.certificate?.valid_till;
  const end = till ? parseIsoDay(till.slice(0, 10)) : undefined;
  if (end) return daysBetween(utcDay(now), end);
  return order.certificate?.days_remaining;
}

export function toCandidate(order: OrderDetails | OrderSummary, facts: GuardFacts): RenewalCandidate {
  const cert = order.certificate;
  const nameId = order.product?.name_id ?? '';
  const organizationId = order.organization?.id ?? cert?.organization?.id;
  const days = daysRemaining(order, facts.now);
  const planEnd = orderValidTill(order);
  return {
    orderId: order.id,
    commonName: cert?.common_name ?? '',
    dnsNames: cert?.dns_names ?? [],
    product: { nameId, name: order.product?.name ?? getProduct(nameId)?.name ?? nameId },
    organization: {
      ...(organizationId !== undefined ? { id: organizationId } : {}),
      name: order.organization?.name ?? '',
    },
    ...(order.container
      ? {
          container: {
            id: order.container.id,
            name: order.container.name ?? t('common_division_number', String(order.container.id)),
          },
        }
      : {}),
    status: order.status,
    ...(cert?.valid_till ? { validTill: cert.valid_till } : {}),
    ...(days !== undefined ? { daysRemaining: days } : {}),
    ...(planEnd ? { orderValidTill: formatIsoDay(planEnd) } : {}),
    isRenewed: order.is_renewed === true,
    csrAvailable: reusableCsr(order) !== undefined,
    guards: renewalGuards(order, facts),
    renewalValues: renewalValues(order),
  };
}
