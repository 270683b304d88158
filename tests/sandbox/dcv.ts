// Domain control validation (DCV) and organization validation of pending orders, written from
// DigiCert's Services API pages (docs/certcentral-api.md "Validation follow-through"):
// - "Order validation status" GET /order/certificate/{id}/validation: per-domain
//   `dns_name_validations` and `organization_validations` (the latter not for DV orders); its example
//   sends ids as strings ("order_id": "112211"), so the sandbox does too.
// - "Check order DCV" PUT …/check-dcv: `{order_status, certificate_id, dcv_status, dns_name_validations:
//   [{dns_name, status}]}` for the DNS methods; 400 `file_random_value_not_found` for http-token when
//   any checked domain lacks the value.
// - "Get order DCV random value" PUT …/dcv-random-value: `{dcv_random_value, expiration_date}`; the same
//   value while it is valid, a new one once it expired. One order value serves every domain.
// - "Change order DCV method" PUT …/dcv-method `{dcv_method}`: 204 for email, 200 with
//   `{dcv_random_value, expiration_date}` for the token methods.
// - "Resend order DCV emails" PUT …/resend-emails, "Resend order approval email" PUT
//   …/order-approval/resend-emails `{emails}` → 204, "Resend domain DCV emails" PUT
//   /domain/{id}/dcv/emails → 204, "Check domain DCV" PUT /domain/{id}/dcv/validate-token → {token, status}.
// - A token expires 30 days after it is made (console pages: "The unique verification token expires
//   after 30 days").
// Where the pages are silent (error codes other than the documented ones, answers on orders that are
// not pending), the sandbox refuses with a 400 and a code marked as an assumption beside it.
import { isWildcard } from './hostnames';
import { type ApiError, apiError, apiErrors, isRecord, json, type Reply } from './http-util';
import { findProduct } from './products';
import { USERS } from './seed/account';
import { ORGANIZATIONS } from './seed/orgs';
import { addDays, fakeHex, issue, type SandboxState, type StoredOrder } from './state';

export const DCV_METHODS = [
  'email',
  'dns-txt-token',
  'dns-cname-token',
  'http-token',
  'http-token-dynamic',
] as const;
const TOKEN_METHODS = ['dns-txt-token', 'dns-cname-token', 'http-token', 'http-token-dynamic'];
/** Console pages: "The unique verification token expires after 30 days". */
export const TOKEN_DAYS = 30;
/** Assumption: a validated domain's approval_expiration_date, taken as the organizations' 397-day reuse period. */
const DOMAIN_REUSE_DAYS = 397;

export interface DcvToken {
  value: string;
  /** ISO 8601, `YYYY-MM-DDTHH:MM:SSZ` as the random-value page shows. */
  expires: string;
}

export interface DcvDomain {
  id: number;
  /** The name validated: the FQDN, or the base domain when the scope is base_domain. */
  name: string;
  /** The order's names this validation covers. */
  dns_names: string[];
  status: 'pending' | 'approved';
  method: string;
  /** The domain's own random value; the order's value passes a check as well. */
  token: DcvToken;
  validated_at?: string;
}

export interface OrderDcv {
  method: string;
  scope: 'base_domain' | 'fqdn';
  random: DcvToken;
  domains: DcvDomain[];
  /** Values "published" (DNS record or file) per domain name, through the control API. */
  published: { domain: string; value: string; at: string }[];
  emailResends: { at: string; body: unknown }[];
  approvalResends: { at: string; emails: string[] }[];
  domainEmailResends: { at: string; domain_id: number; body: unknown }[];
  checks: { at: string; method: string; passed: string[]; failed: string[] }[];
  /** Organization validation for the product's type (ov / ev); none for DV products. */
  organization: 'pending' | 'validated' | 'none';
  /** EV orders: the EV approver's approval of this order. */
  evApproval: 'pending' | 'approved' | 'none';
}

const stampOf = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function newToken(state: SandboxState, now: Date): DcvToken {
  state.nextTokenSeed += 1;
  return {
    value: fakeHex(state.nextTokenSeed * 2654435761, 32).toLowerCase(),
    expires: stampOf(new Date(now.getTime() + TOKEN_DAYS * 86_400_000)),
  };
}

const expired = (t: DcvToken, now: Date) => Date.parse(t.expires) <= now.getTime();

/** Naive base domain (last two labels): the sandbox's names are all under two-label suffixes. */
function baseDomain(name: string): string {
  return name.split('.').slice(-2).join('.');
}

function validatedName(name: string, scope: OrderDcv['scope']): string {
  const bare = isWildcard(name) ? name.slice(2) : name;
  return scope === 'base_domain' ? baseDomain(bare) : bare;
}

function organizationState(order: StoredOrder): Pick<OrderDcv, 'organization' | 'evApproval'> {
  const type = findProduct(order.product_name_id)?.validation_type ?? 'ov';
  if (type === 'dv') return { organization: 'none', evApproval: 'none' };
  const org = ORGANIZATIONS.find((o) => o.id === order.organization_id);
  const v = org?.validations.find((x) => x.type === type);
  const active = v?.status === 'active' && (v.untilDays ?? 0) > 0;
  return {
    organization: active ? 'validated' : 'pending',
    // Assumption: every EV order waits for its EV approver, even for a validated organization.
    evApproval: type === 'ev' ? 'pending' : 'none',
  };
}

/** The DCV state a new pending order starts with (POST /order/certificate/{product}). */
export function startDcv(state: SandboxState, order: StoredOrder, body: unknown, now: Date): OrderDcv {
  const b = isRecord(body) ? body : {};
  // The order page: dcv_method defaults to email; certificate_dcv_scope to the account's setting,
  // which the sandbox takes as fqdn.
  const method = typeof b.dcv_method === 'string' ? b.dcv_method : 'email';
  const scope = b.certificate_dcv_scope === 'base_domain' ? 'base_domain' : 'fqdn';
  const names = [...new Set([order.common_name, ...order.dns_names])];
  const byName = new Map<string, string[]>();
  for (const n of names) {
    const v = validatedName(n, scope);
    byName.set(v, [...(byName.get(v) ?? []), n]);
  }
  const domains = [...byName].map(([name, dnsNames]) => ({
    id: state.nextDomainId++,
    name,
    dns_names: dnsNames,
    status: 'pending' as const,
    method,
    token: newToken(state, now),
  }));
  return {
    method,
    scope,
    random: newToken(state, now),
    domains,
    published: [],
    emailResends: [],
    approvalResends: [],
    domainEmailResends: [],
    checks: [],
    ...organizationState(order),
  };
}

/**
 * Pending → issued once every domain is validated, the organization validated and (EV) the order
 * approved: DigiCert issues when nothing is left to do ("Order validation status" lists what must be
 * complete before DigiCert can issue the certificate).
 */
export function settle(order: StoredOrder, now: Date): void {
  const d = order.dcv;
  if (!d || order.status !== 'pending') return;
  const domainsDone = d.domains.every((x) => x.status === 'approved');
  const orgDone = d.organization !== 'pending';
  const evDone = d.evApproval !== 'pending';
  if (domainsDone && orgDone && evDone) issue(order, now);
}

/** Immediate issuance: DigiCert issues at once only when every domain and the organization were validated before. */
export function prevalidated(d: OrderDcv, now: Date): void {
  for (const x of d.domains) approve(x, now);
  if (d.organization === 'pending') d.organization = 'validated';
  if (d.evApproval === 'pending') d.evApproval = 'approved';
}

function approve(domain: DcvDomain, now: Date): void {
  domain.status = 'approved';
  domain.validated_at = stampOf(now);
}

/** A published value that is one of the domain's current, unexpired values. */
function found(d: OrderDcv, domain: DcvDomain, now: Date): boolean {
  const good = [d.random, domain.token].filter((t) => !expired(t, now)).map((t) => t.value);
  return d.published.some((p) => p.domain === domain.name && good.includes(p.value));
}

const noDcv = (o: StoredOrder) =>
  apiError(400, 'invalid_order_status', `Order ${o.id} is ${o.status}; it has no pending validation.`);

/** Assumption: the code; the pages say only that these calls are for pending orders. */
function pendingDcv(order: StoredOrder): OrderDcv | Reply {
  if (order.status !== 'pending' || !order.dcv) return noDcv(order);
  return order.dcv;
}

function isReply(v: OrderDcv | Reply): v is Reply {
  return 'status' in v && 'body' in v;
}

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

/** PUT /domain/{id}/dcv/validate-token → `{token, status}`; PUT /domain/{id}/dcv/emails → 204. */
export function domainRoutes(
  method: string,
  path: string,
  body: unknown,
  state: SandboxState,
  now: Date,
): Reply | undefined {
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

/** Control: publish a value for a domain of the order (as if the DNS record or file were in place). */
export function publish(order: StoredOrder, body: unknown, now: Date): Reply {
  const d = order.dcv;
  if (!d) return apiError(400, 'invalid_order_status', `Order ${order.id} has no DCV state.`);
  const b = isRecord(body) ? body : {};
  const domain = d.domains.find((x) => x.name === b.domain || x.dns_names.includes(String(b.domain)));
  if (!domain)
    return apiError(400, 'invalid_value:domain', `No domain ${String(b.domain)} on order ${order.id}.`);
  const value = typeof b.value === 'string' ? b.value : d.random.value;
  d.published.push({ domain: domain.name, value, at: stampOf(now) });
  return json(200, d);
}

/** Control: mark a domain validated by email (the approver followed the DCV email's link). */
export function approveByEmail(order: StoredOrder, body: unknown, now: Date): Reply {
  const d = order.dcv;
  if (!d) return apiError(400, 'invalid_order_status', `Order ${order.id} has no DCV state.`);
  const b = isRecord(body) ? body : {};
  const domain = d.domains.find((x) => x.name === b.domain || x.dns_names.includes(String(b.domain)));
  if (!domain)
    return apiError(400, 'invalid_value:domain', `No domain ${String(b.domain)} on order ${order.id}.`);
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
