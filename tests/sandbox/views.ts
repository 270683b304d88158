// API representations of stored orders, in the shapes of recorded/order.json and recorded/orders.json
// plus the fields listed in certcentral-api.md ("one order", "list orders").
import { findProduct } from './products';
import { CONTAINERS, ORGANIZATIONS, USERS } from './seed';
import { daysUntil, type StoredOrder } from './state';

const PLATFORM_NAMES: Record<number, string> = {
  [-1]: 'OTHER',
  2: 'Apache',
  45: 'nginx',
  40: 'Microsoft IIS 7',
  67: 'Microsoft IIS 8',
};

function requestStatus(o: StoredOrder): string {
  if (o.status === 'pending' || o.status === 'needs_approval') return 'pending';
  if (o.status === 'canceled' || o.status === 'rejected') return 'rejected';
  return 'approved';
}

function productRef(o: StoredOrder) {
  const p = findProduct(o.product_name_id);
  return { name_id: o.product_name_id, name: p?.name ?? o.product_name_id, type: 'ssl_certificate' };
}

function containerRef(o: StoredOrder) {
  return { id: o.container_id, name: CONTAINERS.find((c) => c.id === o.container_id)?.name ?? '' };
}

function certificateDates(o: StoredOrder, now: Date) {
  if (!o.cert_valid_till) return {};
  return {
    valid_from: o.cert_valid_from,
    valid_till: o.cert_valid_till,
    days_remaining: Math.max(0, daysUntil(now, o.cert_valid_till)),
  };
}

/** One row of GET /order/certificate. */
export function orderRow(o: StoredOrder, now: Date) {
  const org = ORGANIZATIONS.find((x) => x.id === o.organization_id);
  return {
    id: o.id,
    certificate: {
      id: o.certificate_id,
      common_name: o.common_name,
      dns_names: o.dns_names,
      signature_hash: o.signature_hash,
      ...certificateDates(o, now),
    },
    status: o.status,
    is_renewed: o.is_renewed,
    renewed_order_id: o.renewed_order_id,
    date_created: o.date_created,
    organization: { id: o.organization_id, name: org?.name ?? '' },
    validity_years: o.validity_years,
    order_valid_till: o.order_valid_till,
    container: containerRef(o),
    product: productRef(o),
    ...(o.alternative_order_id !== undefined ? { alternative_order_id: o.alternative_order_id } : {}),
  };
}

/** GET /order/certificate/{id}. */
export function orderDetails(o: StoredOrder, now: Date) {
  const org = ORGANIZATIONS.find((x) => x.id === o.organization_id);
  const user = USERS.find((u) => u.id === o.user_id);
  const product = findProduct(o.product_name_id);
  return {
    id: o.id,
    certificate: {
      id: o.certificate_id,
      common_name: o.common_name,
      dns_names: o.dns_names,
      date_created: o.date_created,
      ...(o.csr !== undefined ? { csr: o.csr } : {}),
      organization: { id: o.organization_id },
      server_platform: { id: o.server_platform_id, name: PLATFORM_NAMES[o.server_platform_id] ?? 'OTHER' },
      signature_hash: o.signature_hash,
      ...(o.thumbprint ? { thumbprint: o.thumbprint, serial_number: o.serial_number } : {}),
      ...certificateDates(o, now),
    },
    status: o.status,
    is_renewal: o.is_renewal,
    is_renewed: o.is_renewed,
    renewed_order_id: o.renewed_order_id,
    ...(o.renewal_of_order_id !== undefined ? { renewal_of_order_id: o.renewal_of_order_id } : {}),
    date_created: o.date_created,
    validity_years: o.validity_years,
    order_valid_till: o.order_valid_till,
    organization: {
      id: o.organization_id,
      name: org?.name ?? '',
      display_name: org?.display_name ?? '',
      is_active: org?.is_active ?? false,
      city: org?.city ?? '',
      state: org?.state ?? '',
      country: (org?.country ?? '').toLowerCase(),
    },
    container: containerRef(o),
    product: {
      ...productRef(o),
      validation_type: product?.validation_type ?? 'ov',
      validation_name: (product?.validation_type ?? 'ov').toUpperCase(),
    },
    user: user
      ? { id: user.id, first_name: user.first_name, last_name: user.last_name, email: user.email }
      : undefined,
    requests: [
      { id: o.request_id, date: o.date_created, type: 'new_request', status: requestStatus(o) },
      ...(o.reissues ?? []).map((r) => ({
        id: r.request_id,
        date: r.at,
        type: 'reissue',
        status: 'pending',
      })),
    ],
    payment_method: o.payment_method,
    disable_renewal_notifications: false,
    ...(o.comments !== undefined ? { comments: o.comments } : {}),
    ...(o.alternative_order_id !== undefined ? { alternative_order_id: o.alternative_order_id } : {}),
  };
}
