// API representations of stored orders, in the shapes DigiCert documents for "Order info" and "List
// orders" and of the answers public clients recorded (docs/certcentral-api.md). Optional facts are null
// where DigiCert sends null rather than leaving them out: a pending order's certificate thumbprint,
// serial number and dates, renewed_order_id, alternative_order_id, disable_renewal_notifications.
// A few fields DigiCert sends that the sandbox has no use for are added too (public_id, price,
// receipt_id, allow_duplicates, cs_provisioning_method): a client must ignore what it does not know.
import { isRecord } from './http-util';
import { findProduct } from './products';
import { CONTAINERS, ORGANIZATIONS, USERS } from './seed';
import { organizationBase } from './seed/orgs';
import { daysUntil, fakeHex, type StoredOrder } from './state';

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

/** No certificate yet (pending, needs_approval, canceled): the dates are null, not absent. */
function certificateDates(o: StoredOrder, now: Date) {
  if (!o.cert_valid_till) return { valid_from: null, valid_till: null, days_remaining: null };
  return {
    valid_from: o.cert_valid_from ?? null,
    valid_till: o.cert_valid_till,
    days_remaining: Math.max(0, daysUntil(now, o.cert_valid_till)),
  };
}

/** The body's boolean if the order was placed with one; null otherwise (seed orders included). */
function renewalNotifications(o: StoredOrder): boolean | null {
  const v = isRecord(o.body) ? o.body.disable_renewal_notifications : undefined;
  return typeof v === 'boolean' ? v : null;
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
    alternative_order_id: o.alternative_order_id ?? null,
    price: 0,
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
      thumbprint: o.thumbprint ?? null,
      serial_number: o.serial_number ?? null,
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
      city: org ? organizationBase(org).city : '',
      state: org ? organizationBase(org).state : '',
      country: org ? organizationBase(org).country.toLowerCase() : '',
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
    disable_renewal_notifications: renewalNotifications(o),
    ...(o.comments !== undefined ? { comments: o.comments } : {}),
    alternative_order_id: o.alternative_order_id ?? null,
    public_id: fakeHex(o.id, 32),
    receipt_id: o.id - 9_000_000,
    allow_duplicates: false,
    cs_provisioning_method: 'none',
  };
}
