// What a pending order waits on, and the calls that move it on: domain control validation (DCV),
// organization validation and the EV approver's approval. Facts and their sources are in
// docs/certcentral-api.md "Validation follow-through"; the answers' shapes are in
// validation-schemas.ts, reading them in validation-reading.ts. In short (DigiCert Services API pages):
// - a check-dcv value not found is a 400 (`file_random_value_not_found` for http-token; an older page
//   shows `invalid_dns_txt` for dns-txt-token), read here as an answer ("not found yet"), not as a failure.
// - PUT …/resend-emails, PUT …/order-approval/resend-emails, PUT /domain/{id}/dcv/emails: 204.
import { z } from 'zod/mini';
import type { KnownDcvMethod } from '../validation/methods';
import { CertCentralError } from './errors';
import type { Transport } from './transport';
import { segment } from './transport-util';
import {
  type DcvCheck,
  type DcvRandomValue,
  type DomainDcvCheck,
  type OrderValidation,
  VALIDATION_RESPONSE_SCHEMAS,
} from './validation-schemas';

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
    // An empty 200 body: nothing listed, nothing known beyond "checked" (read as `{}`, so the list is
    // the empty one the tolerant reader makes of a missing list).
    return { kind: 'checked', answer: answer ?? z.parse(answers.dcvCheck.schema, {}) };
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
