// Reading a validation answer (validation-schemas.ts): what a pending order still waits on, the
// name a domain entry is shown under, and whether a random value has expired. Pure, no calls.
import { dcvMethodKind, type KnownDcvMethod } from '../validation/methods';
import type { ReadList } from './schemas';
import type {
  DcvRandomValue,
  DomainValidation,
  OrderValidation,
  VerifiedContact,
} from './validation-schemas';

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
