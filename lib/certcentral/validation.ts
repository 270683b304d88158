// What a pending order waits on, and the calls that move it on: domain control validation (DCV),
// organization validation and the EV approver's approval. Facts and their sources are in
// docs/certcentral-api.md "Validation follow-through"; in short (DigiCert Services API pages):
// - GET /order/certificate/{id}/validation: `order_status`, `order_dcv_method`, `order_name_scope`,
//   `organization_validations[{type, status, verified_contacts[{…, status}]}]` (left out for DV orders),
//   `dns_name_validations[{domain_id, name_scope, status, method, dns_names}]`. The page's example sends
//   ids as strings, so ids are read as number or string.
// - PUT …/check-dcv: `{order_status, certificate_id, dcv_status, dns_name_validations[{dns_name, status}]}`;
//   a value not found is a 400 (`file_random_value_not_found` for http-token; an older page shows
//   `invalid_dns_txt` for dns-txt-token), read here as an answer ("not found yet"), not as a failure.
// - PUT …/dcv-random-value and PUT …/dcv-method: `{dcv_random_value, expiration_date}`; dcv-method
//   answers 204 (no body) for email.
// - PUT …/resend-emails, PUT …/order-approval/resend-emails, PUT /domain/{id}/dcv/emails: 204.
// Tolerant reading as everywhere (schemas.ts): only what the code acts on is required (a domain's and
// a contact's `status`, an organization validation's `type`, the random value); the rest may be
// missing or null; unknown fields are kept; one unreadable domain entry is set aside, not the answer.
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { dcvMethodKind, type KnownDcvMethod } from '../validation/methods';
import { CertCentralError } from './errors';
import { listOf, opt, type ReadList, StringListSchema } from './schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

// The method names and where each one's value is published are pure facts the pages show as well
// (components may not import this module): they live in lib/validation/methods.ts.
export {
  type DcvInstruction,
  type DcvMethod,
  dcvInstruction,
  dcvMethodKind,
  isTokenMethod,
  KNOWN_DCV_METHODS,
  type KnownDcvMethod,
} from '../validation/methods';

/** Ids come as numbers and, in the validation page's example, as strings. */
const IdLikeSchema = lazySchema(() => z.union([z.number(), z.string()]));

export const DomainValidationSchema = lazySchema(() =>
  z.looseObject({
    status: z.string(),
    domain_id: opt(IdLikeSchema),
    // The older example sends `"name_scope": ""` beside the names: read the names too.
    name_scope: opt(z.string()),
    approval_scope: opt(z.string()),
    method: opt(z.string()),
    dns_names: StringListSchema,
    approval_expiration_date: opt(z.string()),
  }),
);
export type DomainValidation = z.infer<typeof DomainValidationSchema>;

export const VerifiedContactSchema = lazySchema(() =>
  z.looseObject({
    user_id: opt(IdLikeSchema),
    name: opt(z.string()),
    first_name: opt(z.string()),
    last_name: opt(z.string()),
    email: opt(z.string()),
    job_title: opt(z.string()),
    telephone: opt(z.string()),
    status: opt(z.string()),
  }),
);
export type VerifiedContact = z.infer<typeof VerifiedContactSchema>;

export const OrderOrganizationValidationSchema = lazySchema(() =>
  z.looseObject({
    type: z.string(),
    name: opt(z.string()),
    description: opt(z.string()),
    date_created: opt(z.string()),
    validated_until: opt(z.string()),
    status: opt(z.string()),
    verified_contacts: listOf(VerifiedContactSchema),
    verification_details: opt(z.looseObject({})),
  }),
);
export type OrderOrganizationValidation = z.infer<typeof OrderOrganizationValidationSchema>;

/** GET /order/certificate/{id}/validation. */
export const OrderValidationSchema = lazySchema(() =>
  z.looseObject({
    order_id: opt(IdLikeSchema),
    order_status: opt(z.string()),
    order_name_scope: opt(z.string()),
    order_dcv_method: opt(z.string()),
    organization_id: opt(IdLikeSchema),
    organization_name: opt(z.string()),
    organization_validations: listOf(OrderOrganizationValidationSchema),
    dns_name_validations: listOf(DomainValidationSchema),
  }),
);
export type OrderValidation = z.infer<typeof OrderValidationSchema>;

export const DcvCheckItemSchema = lazySchema(() =>
  z.looseObject({ status: z.string(), dns_name: opt(z.string()) }),
);

/** PUT /order/certificate/{id}/check-dcv (200). */
export const DcvCheckSchema = lazySchema(() =>
  z.looseObject({
    order_status: opt(z.string()),
    certificate_id: opt(z.number()),
    dcv_status: opt(z.string()),
    dns_name_validations: listOf(DcvCheckItemSchema),
  }),
);
export type DcvCheck = z.infer<typeof DcvCheckSchema>;

/** PUT …/dcv-random-value, and PUT …/dcv-method for a token method. */
export const DcvRandomValueSchema = lazySchema(() =>
  z.looseObject({
    dcv_random_value: z.string(),
    expiration_date: opt(z.string()),
  }),
);
export type DcvRandomValue = z.infer<typeof DcvRandomValueSchema>;

/** PUT /domain/{id}/dcv/validate-token. The page types `token` as int; its examples show text. */
export const DomainDcvCheckSchema = lazySchema(() =>
  z.looseObject({
    status: z.string(),
    token: opt(z.union([z.string(), z.number()])),
  }),
);
export type DomainDcvCheck = z.infer<typeof DomainDcvCheckSchema>;

/**
 * The schemas this module reads answers with, by the call that answers with them, in the form of
 * RESPONSE_SCHEMAS (response-schemas.ts) so the tolerant-reader walk can take them in; every call
 * below reads its answer through this table.
 */
export const VALIDATION_RESPONSE_SCHEMAS = {
  orderValidation: { call: 'GET /order/certificate/{id}/validation', schema: OrderValidationSchema },
  dcvCheck: { call: 'PUT /order/certificate/{id}/check-dcv', schema: DcvCheckSchema },
  dcvRandomValue: { call: 'PUT /order/certificate/{id}/dcv-random-value', schema: DcvRandomValueSchema },
  // 204 (no body) for email, the new value for a token method.
  dcvMethod: {
    call: 'PUT /order/certificate/{id}/dcv-method',
    schema: lazySchema(() => z.optional(DcvRandomValueSchema)),
  },
  domainDcvCheck: { call: 'PUT /domain/{id}/dcv/validate-token', schema: DomainDcvCheckSchema },
} as const satisfies Record<string, { call: string; schema: z.core.$ZodType }>;
const answers = VALIDATION_RESPONSE_SCHEMAS;

const orderPath = (orderId: number, rest: string) => `/order/certificate/${segment(orderId)}/${rest}`;

/** GET /order/certificate/{id}/validation: what the order waits on. */
export function getOrderValidation(t: Transport, orderId: number): Promise<OrderValidation> {
  return t.get(orderPath(orderId, 'validation'), answers.orderValidation.schema);
}

/**
 * 400 codes that mean "DigiCert looked and did not find the value (yet)": documented for http-token
 * (`file_random_value_not_found`) and, on an older page, for dns-txt-token (`invalid_dns_txt`).
 */
export const VALUE_NOT_FOUND_CODES = ['file_random_value_not_found', 'invalid_dns_txt'] as const;

export type DcvCheckOutcome =
  | { kind: 'checked'; answer: DcvCheck }
  | { kind: 'value-not-found'; code: string; message: string };

/**
 * PUT /order/certificate/{id}/check-dcv. `dnsNames` checks only those domains (the page's
 * `dns_name_validations` request parameter; the item shape `{dns_name}` is unconfirmed). A value not
 * found is an outcome, not an error; every other failure is thrown as usual.
 */
export async function checkOrderDcv(
  t: Transport,
  orderId: number,
  dnsNames?: readonly string[],
): Promise<DcvCheckOutcome> {
  const body =
    dnsNames && dnsNames.length > 0
      ? { dns_name_validations: dnsNames.map((dns_name) => ({ dns_name })) }
      : undefined;
  try {
    const answer = await t.put(orderPath(orderId, 'check-dcv'), body, answers.dcvCheck.schema);
    // An empty 200 body: nothing listed, nothing known beyond "checked".
    return { kind: 'checked', answer: answer ?? { dns_name_validations: { items: [], unreadable: [] } } };
  } catch (err) {
    const hit =
      err instanceof CertCentralError && err.kind === 'http' && err.status === 400
        ? err.errors.find((e) => (VALUE_NOT_FOUND_CODES as readonly string[]).includes(e.code))
        : undefined;
    if (hit) return { kind: 'value-not-found', code: hit.code, message: hit.message };
    throw err;
  }
}

/**
 * PUT /order/certificate/{id}/dcv-random-value: the order's value, the same while it is valid and a
 * new one once it expired (so asking again is how a new value is had after expiry).
 */
export async function getDcvRandomValue(t: Transport, orderId: number): Promise<DcvRandomValue> {
  const answer = await t.put(
    orderPath(orderId, 'dcv-random-value'),
    undefined,
    answers.dcvRandomValue.schema,
  );
  return answer as DcvRandomValue;
}

/**
 * PUT /order/certificate/{id}/dcv-method `{dcv_method}`: the new value for a token method, undefined
 * for email (204).
 */
export async function changeDcvMethod(
  t: Transport,
  orderId: number,
  method: KnownDcvMethod,
): Promise<DcvRandomValue | undefined> {
  return (
    (await t.put(orderPath(orderId, 'dcv-method'), { dcv_method: method }, answers.dcvMethod.schema)) ??
    undefined
  );
}

export interface DomainApprovalEmail {
  domain: string;
  email: string;
  /** Where WHOIS lists the address, when it is another domain than the one validated. */
  emailDomain?: string;
}

/** PUT /order/certificate/{id}/resend-emails, optional `{domain_approval_emails, locale}` → 204. */
export async function resendDcvEmails(
  t: Transport,
  orderId: number,
  options: { domainApprovalEmails?: readonly DomainApprovalEmail[]; locale?: string } = {},
): Promise<void> {
  const body: Record<string, unknown> = {};
  if (options.domainApprovalEmails && options.domainApprovalEmails.length > 0) {
    body.domain_approval_emails = options.domainApprovalEmails.map((e) => ({
      domain: e.domain,
      email: e.email,
      ...(e.emailDomain ? { email_domain: e.emailDomain } : {}),
    }));
  }
  if (options.locale) body.locale = options.locale;
  await t.put(orderPath(orderId, 'resend-emails'), body, z.unknown());
}

/** PUT /order/certificate/{id}/order-approval/resend-emails `{emails}` → 204 (EV: verified contacts only). */
export async function resendOrderApprovalEmails(
  t: Transport,
  orderId: number,
  emails: readonly string[],
): Promise<void> {
  await t.put(orderPath(orderId, 'order-approval/resend-emails'), { emails: [...emails] }, z.unknown());
}

/** PUT /domain/{id}/dcv/validate-token: check one domain of an order (or a prevalidated domain). */
export function checkDomainDcv(t: Transport, domainId: number | string): Promise<DomainDcvCheck> {
  return t
    .put(`/domain/${segment(domainId)}/dcv/validate-token`, undefined, answers.domainDcvCheck.schema)
    .then((answer) => answer as DomainDcvCheck);
}

/** PUT /domain/{id}/dcv/emails, optional `{name_scope, locale, email_array}` → 204. */
export async function resendDomainDcvEmails(
  t: Transport,
  domainId: number | string,
  options: { nameScope?: string; locale?: string; emails?: readonly string[] } = {},
): Promise<void> {
  const body: Record<string, unknown> = {};
  if (options.nameScope) body.name_scope = options.nameScope;
  if (options.locale) body.locale = options.locale;
  if (options.emails && options.emails.length > 0) body.email_array = [...options.emails];
  await t.put(`/domain/${segment(domainId)}/dcv/emails`, body, z.unknown());
}

// ---- Reading an answer: what is left, and what to publish ----

/** Statuses that mean "done" for a domain, an organization validation or a verified contact. */
const DONE = new Set(['approved', 'active', 'complete', 'completed', 'valid', 'validated']);
export const isDone = (status: string | undefined) => DONE.has((status ?? '').toLowerCase());

/** The name a domain entry is shown under: name_scope, else its first name, else its id. */
export function domainLabel(d: DomainValidation): string {
  return d.name_scope || d.dns_names?.[0] || (d.domain_id === undefined ? '' : `#${d.domain_id}`);
}

export interface WhatIsLeft {
  /** Domains not validated yet, with the method each uses (`unknown` when DigiCert names another). */
  domains: {
    label: string;
    domainId?: number | string;
    method: KnownDcvMethod | 'unknown';
    status: string;
  }[];
  /** Organization validations not active yet (type ov / ev / …, as sent). */
  organization: { type: string; status: string }[];
  /** Verified contacts (EV approvers) whose approval is pending. */
  approvers: VerifiedContact[];
  /** Entries that could not be read: the order may wait on more than is listed. */
  unreadable: number;
}

/** What a pending order still waits on, from GET …/validation. */
export function whatIsLeft(v: OrderValidation): WhatIsLeft {
  const domains = v.dns_name_validations.items
    .filter((d) => !isDone(d.status))
    .map((d) => ({
      label: domainLabel(d),
      ...(d.domain_id === undefined ? {} : { domainId: d.domain_id }),
      method: dcvMethodKind(d.method ?? v.order_dcv_method),
      status: d.status,
    }));
  const organization = v.organization_validations.items
    .filter((o) => !isDone(o.status))
    .map((o) => ({ type: o.type, status: o.status ?? 'unknown' }));
  const approvers = v.organization_validations.items.flatMap((o) =>
    o.verified_contacts.items.filter((c) => c.status !== undefined && !isDone(c.status)),
  );
  const lists: ReadList<unknown>[] = [
    v.dns_name_validations,
    v.organization_validations,
    ...v.organization_validations.items.map((o) => o.verified_contacts),
  ];
  return { domains, organization, approvers, unreadable: lists.reduce((n, l) => n + l.unreadable.length, 0) };
}

/**
 * Whether a random value is past its `expiration_date` (ISO 8601). A date that cannot be read counts
 * as not expired: DigiCert answers a new value by itself once the old one expired.
 */
export function isValueExpired(value: Pick<DcvRandomValue, 'expiration_date'>, now: Date): boolean {
  const at = Date.parse(value.expiration_date ?? '');
  return Number.isFinite(at) && at <= now.getTime();
}
