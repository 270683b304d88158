/**
 * Reads the team's recent orders from CertCentral: one page of `GET /order/certificate` (newest
 * first), then, for the newest orders whose placer is not known yet, `GET /order/certificate/{id}`,
 * whose documented `user` is who placed it (docs/certcentral-api.md "Who placed an order").
 *
 * Every request goes through the transport it is given; the handler opens it in the rate limiter's
 * `after` lane, so placing an order always goes first (lib/certcentral/rate-limit.ts).
 */
import { ITEM_WORDS, unreadableViews } from '../account/choices';
import type { OrderSummary } from '../certcentral/order-schemas';
import { getOrder, listOrders } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
import type { Region } from '../region';
import {
  hasMoreInWindow,
  knownPlacer,
  placerOf,
  recentRows,
  TEAM_LIMIT,
  TEAM_WINDOW_DAYS,
  toTeamOrder,
} from './recent';
import type { Placer, TeamOrders } from './views';

/** Order details read per refresh at most: one GET each, so a first look costs at most 1 + 20 requests. */
export const DETAILS_LIMIT = 20;
const PARALLEL = 4;
/** Placers remembered: who placed an order never changes, so they are kept while the worker lives. */
const CACHE_LIMIT = 1000;

/** Who placed which order, as the order's details said. */
export interface PlacerCache {
  get(orderId: number): Placer | undefined;
  set(orderId: number, placer: Placer): void;
  /** Every entry, for knownPlacer. */
  entries(): ReadonlyMap<number, Placer>;
}

export function createPlacerCache(limit = CACHE_LIMIT): PlacerCache {
  const map = new Map<number, Placer>();
  return {
    get: (id) => map.get(id),
    set(id, placer) {
      map.delete(id);
      map.set(id, placer);
      // The oldest remembered goes first: a Map keeps insertion order.
      while (map.size > limit) map.delete(map.keys().next().value as number);
    },
    entries: () => map,
  };
}

export interface TeamReadDeps {
  transport: Transport;
  now: Date;
  region: Region;
  /** Order ids this browser's outbox placed. */
  own: ReadonlySet<number>;
  cache: PlacerCache;
}

export async function readTeamOrders(deps: TeamReadDeps): Promise<TeamOrders> {
  const { transport, now, own, cache } = deps;
  // `sort=-date_created`: newest first (docs "List orders": sort, a `-` prefix for descending); the
  // rows are still ordered and windowed here, in case the server orders them differently.
  const page = await listOrders(transport, { sort: '-date_created', limit: TEAM_LIMIT });
  const received = [...page.orders];
  const rows = recentRows(received, now, TEAM_WINDOW_DAYS);

  const placers = new Map<number, Placer>();
  const toRead: OrderSummary[] = [];
  for (const row of rows) {
    const placer = knownPlacer(row, own, cache.entries());
    if (placer) placers.set(row.id, placer);
    else if (toRead.length < DETAILS_LIMIT) toRead.push(row);
  }

  let detailsUnread = 0;
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const row = toRead[next++] as OrderSummary;
      try {
        const details = await getOrder(transport, row.id);
        const placer = placerOf(details.user);
        cache.set(row.id, placer);
        placers.set(row.id, placer);
      } catch {
        // Not remembered: the next refresh asks again. The order itself is listed, so it stays.
        detailsUnread++;
        placers.set(row.id, { kind: 'unknown' });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, toRead.length) }, worker));

  return {
    orders: rows.map((row) => toTeamOrder(row, placers.get(row.id) ?? { kind: 'not-checked' }, deps.region)),
    days: TEAM_WINDOW_DAYS,
    limit: TEAM_LIMIT,
    // Unreadable rows count in the total too: they were received.
    more: hasMoreInWindow(
      received,
      page.page?.total === undefined ? undefined : page.page.total - page.unreadable.length,
      now,
      TEAM_WINDOW_DAYS,
    ),
    unreadable: unreadableViews(ITEM_WORDS.order, page.unreadable),
    detailsUnread,
    checkedAt: now.toISOString(),
  };
}
