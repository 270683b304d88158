// The DCV state of a sandbox order, how a new pending order starts, and when it issues: the model
// behind the validation calls (dcv-calls.ts), the validation status (dcv-status.ts) and the control
// endpoints (dcv-control.ts). Sources: dcv.ts.
import { isWildcard } from './hostnames';
import { apiError, isRecord, type Reply } from './http-util';
import { findProduct } from './products';
import { ORGANIZATIONS } from './seed/orgs';
import { fakeHex, issue, type SandboxState, type StoredOrder } from './state';

export const DCV_METHODS = [
  'email',
  'dns-txt-token',
  'dns-cname-token',
  'http-token',
  'http-token-dynamic',
] as const;
/** Console pages: "The unique verification token expires after 30 days". */
export const TOKEN_DAYS = 30;

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

export const stampOf = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function newToken(state: SandboxState, now: Date): DcvToken {
  state.nextTokenSeed += 1;
  return {
    value: fakeHex(state.nextTokenSeed * 2654435761, 32).toLowerCase(),
    expires: stampOf(new Date(now.getTime() + TOKEN_DAYS * 86_400_000)),
  };
}

export const expired = (t: DcvToken, now: Date) => Date.parse(t.expires) <= now.getTime();

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

export function approve(domain: DcvDomain, now: Date): void {
  domain.status = 'approved';
  domain.validated_at = stampOf(now);
}

/** A published value that is one of the domain's current, unexpired values. */
export function found(d: OrderDcv, domain: DcvDomain, now: Date): boolean {
  const good = [d.random, domain.token].filter((t) => !expired(t, now)).map((t) => t.value);
  return d.published.some((p) => p.domain === domain.name && good.includes(p.value));
}

const noDcv = (o: StoredOrder) =>
  apiError(400, 'invalid_order_status', `Order ${o.id} is ${o.status}; it has no pending validation.`);

/** Assumption: the code; the pages say only that these calls are for pending orders. */
export function pendingDcv(order: StoredOrder): OrderDcv | Reply {
  if (order.status !== 'pending' || !order.dcv) return noDcv(order);
  return order.dcv;
}

/** A refusal to answer with, rather than the order's DCV state. */
export function isReply(v: OrderDcv | Reply): v is Reply {
  return 'status' in v && 'body' in v;
}
