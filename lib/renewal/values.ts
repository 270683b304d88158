/**
 * The values "from the renewed order", keyed by the template field path they fill (lib/templates
 * build.ts: fields whose source is 'renewal'). Read from `GET /order/certificate/{id}` (docs/certcentral-api.md "one order":
 * certificate{common_name, dns_names, signature_hash, server_platform}, organization, container).
 * Pure: the order in, a record out. A value the order does not give is left out, so the template
 * reports that field as missing instead of sending a guess.
 */
import type { OrderDetails, OrderSummary } from '../certcentral/order-schemas';

export type RenewalValues = Record<string, string | number | string[]>;

/** Works on a details body and, with fewer values, on a row of the orders list. */
export function renewalValues(order: OrderDetails | OrderSummary): RenewalValues {
  const out: RenewalValues = {};
  const cert = order.certificate;
  if (cert?.common_name) out['certificate.common_name'] = cert.common_name;
  if (cert?.dns_names && cert.dns_names.length > 0) out['certificate.dns_names'] = [...cert.dns_names];
  // Recorded order.json has no organization.id at the top, only certificate.organization.id.
  const organizationId = order.organization?.id ?? cert?.organization?.id;
  if (organizationId !== undefined) out['organization.id'] = organizationId;
  if (order.container?.id !== undefined) out['container.id'] = order.container.id;
  const platform = cert?.server_platform?.id;
  if (typeof platform === 'number') out['certificate.server_platform.id'] = platform;
  // The request takes lower-case ids (docs/certcentral-api.md "signature_hash: sha256 | sha384 | sha512"); orders.json has "SHA256".
  if (cert?.signature_hash) out['certificate.signature_hash'] = cert.signature_hash.toLowerCase();
  // The seed: a renewal names the previous order with renewal_of_order_id (or renewed_thumbprint,
  // the SHA-1 thumbprint of its certificate, for a template that uses that field instead).
  out.renewal_of_order_id = order.id;
  if (cert?.thumbprint) out.renewed_thumbprint = cert.thumbprint;
  return out;
}
