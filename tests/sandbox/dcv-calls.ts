// The validation calls on a pending order and its domains (dcv.ts lists the pages they follow).

import { domainEmails } from './dcv-emails';
import {
  approve,
  DCV_METHODS,
  type DcvDomain,
  expired,
  found,
  isReply,
  newToken,
  type OrderDcv,
  pendingDcv,
  settle,
  stampOf,
} from './dcv-state';
import { isWildcard } from './hostnames';
import { type ApiError, apiError, apiErrors, isRecord, json, type Reply } from './http-util';
import { USERS } from './seed/account';
import { ORGANIZATIONS } from './seed/orgs';
import type { SandboxState, StoredOrder } from './state';

const TOKEN_METHODS = ['dns-txt-token', 'dns-cname-token', 'http-token', 'http-token-dynamic'];

function tokenAnswer(d: OrderDcv, state: SandboxState, now: Date): Reply {
  if (expired(d.random, now)) d.random = newToken(state, now);
  return json(200, { dcv_random_value: d.random.value, expiration_date: d.random.expires });
}

/** PUT /order/certificate/{id}/check-dcv, optional body `{dns_name_validations:[{dns_name}]}`. */
export function checkDcv(order: StoredOrder, body: unknown, now: Date): Reply {
  const d = pendingDcv(order);
  if (isReply(d)) return d;
  if (d.method === 'email') {
    // Assumption: the code (the page's 400 example for email is not in our copy).
    return apiError(
      400,
      'invalid_dcv_method',
      'check-dcv is for the dns-txt-token, dns-cname-token and http-token methods.',
    );
  }
  let checked = d.domains;
  const subset = isRecord(body) ? body.dns_name_validations : undefined;
  if (subset !== undefined) {
    const wanted = Array.isArray(subset)
      ? subset.map((x) => (isRecord(x) ? x.dns_name : x)).filter((x): x is string => typeof x === 'string')
      : [];
    checked = d.domains.filter((x) => wanted.includes(x.name) || x.dns_names.some((n) => wanted.includes(n)));
    if (checked.length === 0 || checked.length < new Set(wanted).size) {
      return apiError(400, 'invalid_value:dns_name_validations', 'Name the domains of this order to check.');
    }
  }
  const pending = checked.filter((x) => x.status === 'pending');
  const passed = pending.filter((x) => found(d, x, now));
  const failed = pending.filter((x) => !passed.includes(x));
  d.checks.push({
    at: stampOf(now),
    method: d.method,
    passed: passed.map((x) => x.name),
    failed: failed.map((x) => x.name),
  });
  if (d.method.startsWith('http-') && failed.length > 0) {
    return apiError(
      400,
      'file_random_value_not_found',
      'Could not find the random value at the expected file location for one or more domains.',
    );
  }
  for (const x of passed) approve(x, now);
  settle(order, now);
  const all = d.domains.every((x) => x.status === 'approved');
  return json(200, {
    order_status: order.status,
    certificate_id: order.certificate_id,
    // Assumption: "pending" while a domain is left; the pages show only "valid".
    dcv_status: all ? 'valid' : 'pending',
    dns_name_validations: checked.map((x) => ({ dns_name: x.name, status: x.status })),
  });
}

/** PUT /order/certificate/{id}/dcv-random-value. */
export function randomValue(order: StoredOrder, state: SandboxState, now: Date): Reply {
  const d = pendingDcv(order);
  if (isReply(d)) return d;
  if (!TOKEN_METHODS.includes(d.method)) {
    return apiError(400, 'invalid_dcv_method', 'The order uses email validation; it has no random value.');
  }
  return tokenAnswer(d, state, now);
}

/** PUT /order/certificate/{id}/dcv-method `{dcv_method}`. */
export function changeMethod(order: StoredOrder, body: unknown, state: SandboxState, now: Date): Reply {
  const d = pendingDcv(order);
  if (isReply(d)) return d;
  const method = isRecord(body) ? body.dcv_method : undefined;
  if (method === undefined) return apiError(400, 'missing_param:dcv_method', 'dcv_method is required.');
  if (typeof method !== 'string' || !(DCV_METHODS as readonly string[]).includes(method)) {
    return apiError(400, 'invalid_value:dcv_method', `dcv_method must be one of: ${DCV_METHODS.join(', ')}.`);
  }
  const names = [order.common_name, ...order.dns_names];
  if (method.startsWith('http-') && names.some(isWildcard)) {
    return apiError(
      400,
      'invalid_value:dcv_method',
      'The http-token methods cannot validate wildcard domains.',
    );
  }
  d.method = method;
  for (const x of d.domains) if (x.status === 'pending') x.method = method;
  return method === 'email' ? json(204, null) : tokenAnswer(d, state, now);
}

/** PUT /order/certificate/{id}/resend-emails, optional `{domain_approval_emails:[{domain, email, email_domain?}], locale}`. */
export function resendEmails(order: StoredOrder, body: unknown, now: Date): Reply {
  const d = pendingDcv(order);
  if (isReply(d)) return d;
  const b = body === undefined ? {} : body;
  if (!isRecord(b)) return apiError(400, 'bad_request_format', 'The body must be a JSON object.');
  const errors: ApiError[] = [];
  const list = b.domain_approval_emails;
  if (list !== undefined) {
    const ok =
      Array.isArray(list) &&
      list.every((x) => isRecord(x) && typeof x.domain === 'string' && typeof x.email === 'string');
    if (!ok) {
      errors.push({
        code: 'invalid_value:domain_approval_emails',
        message: 'domain_approval_emails must list {domain, email} objects.',
      });
    }
  }
  if (b.locale !== undefined && typeof b.locale !== 'string') {
    errors.push({ code: 'invalid_value:locale', message: 'locale must be a language code.' });
  }
  if (errors.length > 0) return apiErrors(400, errors);
  d.emailResends.push({ at: stampOf(now), body: b });
  return json(204, null);
}

/** Emails of the organization's verified EV contacts (the only addresses the page allows). */
function verifiedEmails(order: StoredOrder): string[] {
  const org = ORGANIZATIONS.find((o) => o.id === order.organization_id);
  const ids = org?.validations.find((v) => v.type === 'ev')?.verifiedUsers ?? [];
  return USERS.filter((u) => ids.includes(u.id)).map((u) => u.email);
}

/** PUT /order/certificate/{id}/order-approval/resend-emails `{emails:[...]}` → 204. */
export function resendApproval(order: StoredOrder, body: unknown, now: Date): Reply {
  const d = pendingDcv(order);
  if (isReply(d)) return d;
  const emails = isRecord(body) ? body.emails : undefined;
  if (!Array.isArray(emails) || emails.length === 0 || !emails.every((e) => typeof e === 'string')) {
    return apiError(
      400,
      'missing_param:emails',
      'emails is required: a list of verified contacts’ addresses.',
    );
  }
  if (d.evApproval === 'none') {
    return apiError(400, 'invalid_order_status', `Order ${order.id} needs no EV order approval.`);
  }
  const allowed = verifiedEmails(order);
  const unknown = emails.filter((e) => !allowed.includes(e));
  if (unknown.length > 0) {
    return apiError(
      400,
      'invalid_value:emails',
      `Not a verified contact of the organization: ${unknown.join(', ')}.`,
    );
  }
  d.approvalResends.push({ at: stampOf(now), emails });
  return json(204, null);
}

function domainById(state: SandboxState, id: number): { order: StoredOrder; domain: DcvDomain } | undefined {
  for (const order of state.orders) {
    const domain = order.dcv?.domains.find((x) => x.id === id);
    if (domain) return { order, domain };
  }
  return undefined;
}

/**
 * PUT /domain/{id}/dcv/validate-token → `{token, status}`; PUT /domain/{id}/dcv/emails → 204;
 * GET /domain/{id}/dcv/emails → the addresses (dcv-emails.ts).
 */
export function domainRoutes(
  method: string,
  path: string,
  body: unknown,
  state: SandboxState,
  now: Date,
): Reply | undefined {
  const emails = domainEmails(method, path, state);
  if (emails) return emails;
  const m = /^\/domain\/(\d+)\/dcv\/(validate-token|emails)$/.exec(path);
  if (!m || method !== 'PUT') return undefined;
  const hit = domainById(state, Number(m[1]));
  if (!hit) return apiError(404, 'not_found|domain', 'Domain not found.');
  const { order, domain } = hit;
  const d = order.dcv as OrderDcv;
  if (m[2] === 'emails') {
    d.domainEmailResends.push({ at: stampOf(now), domain_id: domain.id, body: body ?? {} });
    return json(204, null);
  }
  if (domain.status === 'pending' && domain.method !== 'email' && found(d, domain, now)) {
    approve(domain, now);
    settle(order, now);
  }
  return json(200, { token: domain.token.value, status: domain.status });
}
