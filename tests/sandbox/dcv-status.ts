// GET /order/certificate/{id}/validation: what a sandbox order waits on, in the shape of DigiCert's
// "Order validation status" page (dcv.ts).

import { stampOf } from './dcv-state';
import { json, type Reply } from './http-util';
import { findProduct } from './products';
import { USERS } from './seed/account';
import { ORGANIZATIONS } from './seed/orgs';
import { addDays, type StoredOrder } from './state';

/** Assumption: a validated domain's approval_expiration_date, taken as the organizations' 397-day reuse period. */
const DOMAIN_REUSE_DAYS = 397;

const CONTACT_STATUS = { pending: 'pending', approved: 'active', none: 'active' } as const;

/** GET /order/certificate/{id}/validation. */
export function validationStatus(order: StoredOrder, now: Date): Reply {
  const d = order.dcv;
  const org = ORGANIZATIONS.find((o) => o.id === order.organization_id);
  const type = findProduct(order.product_name_id)?.validation_type ?? 'ov';
  const base = {
    order_id: String(order.id),
    order_status: order.status,
    order_name_scope: d?.scope ?? null,
    order_dcv_method: d?.method ?? null,
    organization_id: String(order.organization_id),
    organization_name: org?.name ?? null,
  };
  const orgValidated = d?.organization !== 'pending';
  const seedV = org?.validations.find((v) => v.type === type);
  const stamp = (days: number | undefined) =>
    days === undefined ? null : `${addDays(now, days).toISOString().slice(0, 10)}T07:00:00+00:00`;
  const detail = orgValidated ? 'complete' : 'pending';
  const contacts =
    type === 'ev'
      ? USERS.filter((u) => (seedV?.verifiedUsers ?? []).includes(u.id)).map((u) => ({
          user_id: String(u.id),
          name: `${u.first_name} ${u.last_name}`,
          first_name: u.first_name,
          last_name: u.last_name,
          job_title: u.job_title ?? null,
          telephone: u.telephone ?? null,
          email: u.email,
          status: CONTACT_STATUS[d?.evApproval ?? 'none'],
        }))
      : undefined;
  const organizationValidations =
    type === 'dv'
      ? undefined
      : [
          {
            type,
            name: type.toUpperCase(),
            description:
              type === 'ev' ? 'Extended Organization Validation (EV)' : 'Normal Organization Validation',
            date_created: orgValidated ? stamp(seedV?.createdDays) : null,
            validated_until: orgValidated ? stamp(seedV?.untilDays) : null,
            status: orgValidated ? 'active' : 'pending',
            ...(contacts ? { verified_contacts: contacts } : {}),
            verification_details: {
              organization_type: detail,
              organization_status: detail,
              address_verification: detail,
              blacklist_fraud: detail,
              request_authenticity: detail,
            },
          },
        ];
  // Harsher variant: an order without DCV state (issued seed orders) leaves the domain list out.
  const domains = d?.domains.map((x) => ({
    domain_id: String(x.id),
    name_scope: x.name,
    approval_scope: d.scope === 'base_domain' ? 'subdomains' : 'fqdn',
    status: x.status,
    method: x.method,
    dns_names: x.dns_names,
    approval_expiration_date:
      x.validated_at === undefined
        ? null
        : stampOf(new Date(Date.parse(x.validated_at) + DOMAIN_REUSE_DAYS * 86_400_000)),
  }));
  return json(200, {
    ...base,
    ...(organizationValidations ? { organization_validations: organizationValidations } : {}),
    ...(domains && domains.length > 0 ? { dns_name_validations: domains } : {}),
  });
}
