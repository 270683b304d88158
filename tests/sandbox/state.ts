// The sandbox's mutable world: stored orders, account settings and id counters. Dates are kept as
// `YYYY-MM-DD` strings (the shape of `valid_till` in recorded list answers, docs/certcentral-api.md) and
// computed from now().
import type { OrderDcv } from './dcv';

/** Order statuses listed for GET /order/certificate in docs/certcentral-api.md. */
export const ORDER_STATUSES = [
  'pending',
  'issued',
  'rejected',
  'revoked',
  'waiting_pickup',
  'reissue_pending',
  'canceled',
  'needs_approval',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type SandboxKeyName = 'admin' | 'orders' | 'viewOnly';

export interface StoredOrder {
  id: number;
  status: OrderStatus;
  product_name_id: string;
  common_name: string;
  dns_names: string[];
  signature_hash: string;
  server_platform_id: number;
  organization_id: number;
  container_id: number;
  user_id: number;
  request_id: number;
  certificate_id: number;
  date_created: string;
  validity_years: number;
  /** null on one seed order (10000007): sent as null, coverage then ends with the certificate. */
  order_valid_till: string | null;
  /** Requested certificate validity in days, applied when the order is moved to issued. */
  cert_days: number;
  cert_valid_from?: string;
  cert_valid_till?: string;
  thumbprint?: string;
  serial_number?: string;
  is_renewal: boolean;
  is_renewed: boolean;
  /** null when not renewed (0 on 10000002): DigiCert sends both. */
  renewed_order_id: number | null;
  renewal_of_order_id?: number;
  alternative_order_id?: string;
  csr?: string;
  comments?: string;
  payment_method: string;
  /** Which sandbox key placed the order (orders created through the API only). */
  placed_with?: SandboxKeyName;
  /** Reissue requests on this order (POST /order/certificate/{id}/reissue), oldest first. */
  reissues?: { request_id: number; at: string; body: unknown }[];
  /** The POST body exactly as parsed, for tests that check what the client sent. */
  body?: unknown;
  status_notes: { status: OrderStatus; note: string; at: string }[];
  /** Domain and organization validation of an order placed through the API (dcv.ts). */
  dcv?: OrderDcv;
}

export interface SandboxSettings {
  /** docs/certcentral-api.md: "Whether DigiCert rejects a reused value depends on an account setting." */
  requireUniqueAlternativeOrderId: boolean;
  /** Rate limiting as documented; switch off only for manual exploration. */
  rateLimit: boolean;
  /** Issue at once (the immediate-issuance workflow: 201 with certificate_id and certificate_chain). */
  immediateIssuance: boolean;
}

export const DEFAULT_SETTINGS: SandboxSettings = {
  requireUniqueAlternativeOrderId: false,
  rateLimit: true,
  immediateIssuance: false,
};

export interface SandboxState {
  orders: StoredOrder[];
  settings: SandboxSettings;
  nextOrderId: number;
  nextRequestId: number;
  nextCertificateId: number;
  /** Ids of the domains DCV state is kept for (dcv.ts). */
  nextDomainId: number;
  /** Seed of the next DCV random value. */
  nextTokenSeed: number;
}

export function findOrder(state: SandboxState, id: number): StoredOrder | undefined {
  return state.orders.find((o) => o.id === id);
}

const DAY_MS = 24 * 3600 * 1000;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Start of the UTC day of `d`, so day arithmetic is independent of the time of day. */
export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addDays(d: Date, days: number): Date {
  return new Date(utcDay(d).getTime() + days * DAY_MS);
}

export function addYears(d: Date, years: number): Date {
  const day = utcDay(d);
  return new Date(Date.UTC(day.getUTCFullYear() + years, day.getUTCMonth(), day.getUTCDate()));
}

/** Whole days from the UTC day of `from` to the date `till` (`YYYY-MM-DD`); negative when past. */
export function daysUntil(from: Date, till: string): number {
  return Math.round((Date.parse(`${till}T00:00:00Z`) - utcDay(from).getTime()) / DAY_MS);
}

/** Deterministic 40-hex-digit "thumbprint" and 32-hex-digit serial derived from an id. */
export function fakeHex(seed: number, length: number): string {
  let out = '';
  let x = seed >>> 0 || 1;
  while (out.length < length) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += (x >>> 8).toString(16).toUpperCase().padStart(6, '0');
  }
  return out.slice(0, length);
}

/** Last day of an order's coverage: order_valid_till, or the certificate's end when that is null. */
export function coverageEnd(order: StoredOrder): string | undefined {
  return order.order_valid_till ?? order.cert_valid_till;
}

/** Gives an order the facts of an issued certificate starting today. */
export function issue(order: StoredOrder, now: Date): void {
  order.status = 'issued';
  order.cert_valid_from = isoDate(now);
  const till = isoDate(addDays(now, order.cert_days));
  // A certificate never outlives its order (DigiCert's order page, cert_validity).
  const orderEnd = order.order_valid_till;
  order.cert_valid_till = orderEnd !== null && orderEnd < till ? orderEnd : till;
  order.thumbprint = fakeHex(order.certificate_id, 40);
  order.serial_number = fakeHex(order.certificate_id * 7, 32);
}
