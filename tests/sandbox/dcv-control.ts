// Control endpoints for the tests: what the certificate administrator does outside the API (publish
// a DNS record or a file, follow a DCV email's link) and what DigiCert's validation staff decide.

import { approve, type OrderDcv, settle, stampOf } from './dcv-state';
import { type ApiError, apiError, apiErrors, isRecord, json, type Reply } from './http-util';
import type { StoredOrder } from './state';

/** The order's DCV state and the domain a control request names (by its name or one of its names). */
function namedDomain(order: StoredOrder, body: unknown) {
  const d = order.dcv;
  if (!d) return apiError(400, 'invalid_order_status', `Order ${order.id} has no DCV state.`);
  const b = isRecord(body) ? body : {};
  const domain = d.domains.find((x) => x.name === b.domain || x.dns_names.includes(String(b.domain)));
  if (!domain)
    return apiError(400, 'invalid_value:domain', `No domain ${String(b.domain)} on order ${order.id}.`);
  return { d, b, domain };
}

/** Control: publish a value for a domain of the order (as if the DNS record or file were in place). */
export function publish(order: StoredOrder, body: unknown, now: Date): Reply {
  const named = namedDomain(order, body);
  if (!('domain' in named)) return named;
  const { d, b, domain } = named;
  const value = typeof b.value === 'string' ? b.value : d.random.value;
  d.published.push({ domain: domain.name, value, at: stampOf(now) });
  return json(200, d);
}

/** Control: mark a domain validated by email (the approver followed the DCV email's link). */
export function approveByEmail(order: StoredOrder, body: unknown, now: Date): Reply {
  const named = namedDomain(order, body);
  if (!('domain' in named)) return named;
  const { d, domain } = named;
  if (domain.method !== 'email') {
    return apiError(400, 'invalid_dcv_method', `Domain ${domain.name} is validated with ${domain.method}.`);
  }
  approve(domain, now);
  settle(order, now);
  return json(200, d);
}

/** Control: set the organization validation and EV approval of an order. */
export function setValidation(order: StoredOrder, body: unknown, now: Date): Reply {
  const d = order.dcv;
  if (!d) return apiError(400, 'invalid_order_status', `Order ${order.id} has no DCV state.`);
  const b = isRecord(body) ? body : {};
  const errors: ApiError[] = [];
  if (b.organization !== undefined && b.organization !== 'pending' && b.organization !== 'validated') {
    errors.push({ code: 'invalid_value:organization', message: 'organization: pending or validated.' });
  }
  if (b.ev_approval !== undefined && b.ev_approval !== 'pending' && b.ev_approval !== 'approved') {
    errors.push({ code: 'invalid_value:ev_approval', message: 'ev_approval: pending or approved.' });
  }
  if (b.ev_approval !== undefined && d.evApproval === 'none') {
    errors.push({ code: 'invalid_value:ev_approval', message: 'Only EV orders have an EV approval.' });
  }
  if (b.organization !== undefined && d.organization === 'none') {
    errors.push({
      code: 'invalid_value:organization',
      message: 'DV orders have no organization validation.',
    });
  }
  if (errors.length > 0) return apiErrors(400, errors);
  if (b.organization !== undefined) d.organization = b.organization as OrderDcv['organization'];
  if (b.ev_approval !== undefined) d.evApproval = b.ev_approval as OrderDcv['evApproval'];
  settle(order, now);
  return json(200, d);
}
