/**
 * The team's recent orders as pure functions: which rows of `GET /order/certificate` fall in the
 * window shown, who placed each (this browser's outbox, the person CertCentral names, or nobody it
 * names), and the row in the user's words. The reads themselves are in read.ts.
 *
 * docs/certcentral-api.md "Who placed an order": the list's documented rows carry no user, so the
 * placer comes from the list row only if a row ever carries `user`, else from the order's details.
 */
import { z } from 'zod/mini';
import type { OrderSummary } from '../certcentral/order-schemas';
import { consoleOrderUrl } from '../certcentral/regions';
import { type Person, PersonSchema } from '../certcentral/schemas';
import { getProduct } from '../order/products';
import { describeOrderStatus } from '../outbox/status';
import type { Region } from '../region';
import type { Placer, TeamOrder } from './views';

/** Orders placed in the last TEAM_WINDOW_DAYS days, at most TEAM_LIMIT of them: one page, newest first. */
export const TEAM_WINDOW_DAYS = 30;
export const TEAM_LIMIT = 50;

const DAY_MS = 86_400_000;

/** Milliseconds of `date_created`, or undefined when it is missing or not a date. */
export function placedTime(row: Pick<OrderSummary, 'date_created'>): number | undefined {
  const ms = row.date_created === undefined ? Number.NaN : Date.parse(row.date_created);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The rows placed within `days` of `now`, newest first. A row without a readable date is kept (at the
 * end): it was listed among the newest, and leaving it out would hide an order a colleague placed.
 */
export function recentRows(
  rows: readonly OrderSummary[],
  now: Date,
  days = TEAM_WINDOW_DAYS,
): OrderSummary[] {
  const since = now.getTime() - days * DAY_MS;
  return rows
    .filter((row) => (placedTime(row) ?? since) >= since)
    .sort((a, b) => (placedTime(b) ?? -1) - (placedTime(a) ?? -1) || b.id - a.id);
}

/**
 * Whether CertCentral holds more orders in the window than the page read: its total says there are
 * more rows, and the oldest row read is still inside the window (the rest are older still).
 */
export function hasMoreInWindow(
  received: readonly OrderSummary[],
  total: number | undefined,
  now: Date,
  days = TEAM_WINDOW_DAYS,
): boolean {
  if (total === undefined || total <= received.length) return false;
  const times = received.map(placedTime).filter((t): t is number => t !== undefined);
  const oldest = times.length > 0 ? Math.min(...times) : undefined;
  return oldest !== undefined && oldest >= now.getTime() - days * DAY_MS;
}

/** The order ids this browser's outbox placed: each submission's order and any extra order it made. */
export function ownOrderIds(
  entries: readonly { orderId?: number | undefined; duplicates: readonly { orderId: number }[] }[],
): Set<number> {
  const ids = new Set<number>();
  for (const entry of entries) {
    if (entry.orderId !== undefined) ids.add(entry.orderId);
    for (const d of entry.duplicates) ids.add(d.orderId);
  }
  return ids;
}

/** A person as CertCentral names them: their name, else their email; nobody when it names neither. */
export function placerOf(person: Person | undefined): Placer {
  const name = [person?.first_name, person?.last_name].filter((s) => s?.trim()).join(' ');
  const email = person?.email?.trim() || undefined;
  if (name) return { kind: 'person', name, ...(email ? { email } : {}) };
  if (email) return { kind: 'person', name: email };
  return { kind: 'unknown' };
}

/**
 * `user` of a list row, should CertCentral send one: read with the tolerant person schema, so a
 * `null`, a missing or a malformed user means "not in the list" and the details are asked instead.
 */
export function listedUser(row: OrderSummary): Person | undefined {
  const raw = (row as Record<string, unknown>).user;
  if (raw === undefined || raw === null) return undefined;
  const parsed = z.safeParse(PersonSchema, raw);
  if (!parsed.success) return undefined;
  const placer = placerOf(parsed.data);
  return placer.kind === 'person' ? parsed.data : undefined;
}

/** Who placed a row, from what is known without another request; undefined: the details must say. */
export function knownPlacer(
  row: OrderSummary,
  own: ReadonlySet<number>,
  known: ReadonlyMap<number, Placer>,
): Placer | undefined {
  if (own.has(row.id)) return { kind: 'this-browser' };
  const listed = listedUser(row);
  if (listed) return placerOf(listed);
  return known.get(row.id);
}

/** One row in the user's words. */
export function toTeamOrder(row: OrderSummary, placedBy: Placer, region: Region): TeamOrder {
  const status = describeOrderStatus(row.status);
  const nameId = row.product?.name_id;
  const productName = row.product?.name ?? (nameId ? (getProduct(nameId)?.name ?? nameId) : undefined);
  return {
    orderId: row.id,
    ...(row.certificate?.common_name ? { commonName: row.certificate.common_name } : {}),
    ...(productName ? { productName } : {}),
    status: row.status,
    statusWord: status.word as TeamOrder['statusWord'],
    statusLabel: status.label,
    ...(row.date_created !== undefined ? { placedAt: row.date_created } : {}),
    placedBy,
    ...(Number.isSafeInteger(row.id) && row.id > 0 ? { consoleUrl: consoleOrderUrl(region, row.id) } : {}),
  };
}
