/**
 * The daily expiry check, start to end: read the account's issued orders page by page within the
 * request budget (daily-check.ts: submissions first), decide the reminders against the ledger in
 * one transaction (store.ts decideWithLedger), then show them. Everything it touches comes in as a
 * dependency, so the order of the steps and what happens on a short budget or a failed read are
 * tested here; lib/alerts/service.ts gives it the browser, the API and the outbox.
 */

import { budgetFromLog, isDailyCheckDue, MAX_PAGES_PER_TURN, orderPagesToRead } from './daily-check';
import { decideExpiryNotices, expiringOrders, type IssuedOrder, type RenewalSubmission } from './expiry';
import type { AlertLedger } from './ledger';
import type { AlertNotice } from './notice';
import type { AlertSettings } from './settings';
import { type AlertSnapshot, ordersWorthKeeping } from './snapshot';
import type { LedgerDecision } from './store';

/** Rows asked for per page: the largest page CertCentral gives (lib/certcentral/orders.ts listAllOrders). */
export const PAGE_SIZE = 1000;
/** A guard against a total that never ends, as in listAllOrders. */
export const MAX_PAGES = 100;

export interface OrderPage {
  orders: IssuedOrder[];
  /** Rows received, readable or not: the next page starts after them. */
  received: number;
  /** `page.total`, when the answer gives it. */
  total?: number;
}

export interface DailyCheckDeps {
  now(): Date;
  /** One page of the account's issued orders (`filters[status]=issued`). */
  readPage(offset: number, limit: number): Promise<OrderPage>;
  /** This browser's renewal submissions, and how many submissions of any kind still wait to be sent. */
  submissions(): Promise<{ renewals: RenewalSubmission[]; waiting: number }>;
  /** Send times of the requests made with the key (the shared rate limiter's log). */
  sentLog(): readonly number[];
  settings(): Promise<AlertSettings>;
  decide<T extends LedgerDecision>(decide: (ledger: AlertLedger) => T): Promise<T>;
  show(notices: readonly AlertNotice[]): Promise<void>;
  keep(snapshot: AlertSnapshot): Promise<void>;
}

export interface DailyCheckResult {
  /** Every page was read. */
  complete: boolean;
  ordersRead: number;
  /** Reminders shown now. */
  notified: AlertNotice[];
  /** Orders past a threshold with no renewal on its way (snoozed ones included). */
  needRenewal: number;
  /** Why the list stopped short, in the reader's words (the API's error). */
  error?: unknown;
  /** Out of budget: ask again after this long. */
  retryInMs?: number;
}

/**
 * Reads the pages the budget allows, turn by turn. A failed read ends the reading: the pages read
 * are still decided on (their reminders are true), but the list is not complete, so no order is
 * taken as gone from the account and the check is not marked done.
 */
async function readOrders(deps: DailyCheckDeps, waiting: number) {
  const orders: IssuedOrder[] = [];
  let offset = 0;
  let pagesRead = 0;
  let pagesLeft: number | undefined;
  for (;;) {
    const decision = orderPagesToRead({
      budget: budgetFromLog(deps.sentLog(), deps.now().getTime()),
      submissionsWaiting: waiting,
      ...(pagesLeft !== undefined ? { pagesLeft } : {}),
    });
    if (decision.pages === 0) {
      if (pagesLeft === 0) return { orders, complete: true };
      return { orders, complete: false, ...(decision.retryInMs ? { retryInMs: decision.retryInMs } : {}) };
    }
    for (let n = 0; n < Math.min(decision.pages, MAX_PAGES_PER_TURN); n++) {
      let page: OrderPage;
      try {
        page = await deps.readPage(offset, PAGE_SIZE);
      } catch (error) {
        return { orders, complete: false, error };
      }
      pagesRead++;
      orders.push(...page.orders);
      offset += page.received;
      const done =
        page.received === 0 || (page.total !== undefined ? offset >= page.total : page.received < PAGE_SIZE);
      if (done) return { orders, complete: true };
      if (pagesRead >= MAX_PAGES) return { orders, complete: false };
      pagesLeft =
        page.total !== undefined ? Math.ceil((page.total - offset) / PAGE_SIZE) : Math.max(1, pagesLeft ?? 1);
    }
  }
}

export async function runDailyCheck(deps: DailyCheckDeps): Promise<DailyCheckResult> {
  const [{ renewals, waiting }, settings] = await Promise.all([deps.submissions(), deps.settings()]);
  const read = await readOrders(deps, waiting);
  const now = deps.now();
  const at = now.toISOString();
  const decided = await deps.decide((ledger) => {
    const decision = decideExpiryNotices({
      orders: read.orders,
      complete: read.complete,
      submissions: renewals,
      settings,
      ledger,
      now,
    });
    // Done for the day only when every page was read: otherwise the next turn of the alarm reads again.
    return read.complete ? { ...decision, ledger: { ...decision.ledger, checkedAt: at } } : decision;
  });
  await deps.show(decided.notices);
  if (read.complete) {
    const within = Math.max(...settings.thresholds);
    await deps.keep({ readAt: at, orders: ordersWorthKeeping(read.orders, within, now) });
  }
  const needRenewal = expiringOrders(read.orders, renewals, settings.thresholds, now).filter(
    (o) => o.renewal === 'none',
  ).length;
  return {
    complete: read.complete,
    ordersRead: read.orders.length,
    notified: decided.notices,
    needRenewal,
    ...('error' in read ? { error: read.error } : {}),
    ...('retryInMs' in read && read.retryInMs ? { retryInMs: read.retryInMs } : {}),
  };
}

/** Whether the alarm's turn should run the check: not done yet today (ledger.ts `checkedAt`). */
export function dailyCheckDue(ledger: AlertLedger, now: Date): boolean {
  return isDailyCheckDue(ledger.checkedAt, now);
}
