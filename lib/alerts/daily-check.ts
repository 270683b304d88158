/**
 * The daily check (expiring certificates, validation follow-up): when it is due, and how much of
 * the API's request budget it may use now.
 *
 * The budget (docs/certcentral-api.md "Transport", lib/certcentral/rate-limit.ts DOCUMENTED_WINDOWS):
 * per API key, 100 requests in any 5 seconds and 1000 in any 3 minutes; past either, HTTP 429. The
 * check shares it with submissions, and submissions go first: an order that meets a 429 on its POST
 * is not sent again by the transport, it simply fails, while a check read later loses nothing. So:
 * 1. what the waiting submissions may still need, and a reserve of one short window's worth for what
 *    the user starts meanwhile (a bulk renewal starts at full speed), come off the long window first;
 * 2. the check takes at most half of what is left in the short window;
 * 3. and at most MAX_PAGES_PER_TURN pages at a time: the shared limiter serves requests in the order
 *    they were asked for, so a submission arriving mid-check waits behind at most that many.
 * With nothing to spare, the check waits one long window and asks again.
 */
import { DOCUMENTED_WINDOWS, type RateWindow } from '../certcentral/rate-limit';
import { DAY, DEFAULT_MAX_TRIES } from '../outbox/timing';

/** Once a day: certificates expire by the day, and a token warning has days of margin (follow-up.ts). */
export const CHECK_INTERVAL_MS = DAY;

/**
 * Pure: when the next check is due. Never checked (or an unreadable time): now. A last run in the
 * future (the clock went back) counts as now, so the check is not put off for longer than a day.
 * A check missed while the browser was closed is due at once.
 */
export function nextDailyCheckAt(lastRunAt: string | undefined, now: Date): Date {
  const last = lastRunAt === undefined ? Number.NaN : Date.parse(lastRunAt);
  if (Number.isNaN(last)) return now;
  const due = Math.min(last, now.getTime()) + CHECK_INTERVAL_MS;
  return new Date(Math.max(due, now.getTime()));
}

export function isDailyCheckDue(lastRunAt: string | undefined, now: Date): boolean {
  return nextDailyCheckAt(lastRunAt, now).getTime() <= now.getTime();
}

/**
 * Requests one waiting submission may still need: a POST per try (lib/outbox/timing.ts
 * DEFAULT_MAX_TRIES), a look-up by alternative order id after each, and its first follow-up GET.
 */
export const REQUESTS_PER_SUBMISSION = 2 * DEFAULT_MAX_TRIES + 1;
/** Pages read per turn; a page is up to 1000 orders (lib/certcentral/orders.ts listAllOrders). */
export const MAX_PAGES_PER_TURN = 5;

const byInterval = (windows: readonly RateWindow[]) =>
  [...windows].sort((a, b) => a.intervalMs - b.intervalMs);

/** Requests still allowed now in the shortest and the longest window. */
export interface RequestBudget {
  short: number;
  long: number;
}

/**
 * Pure: the budget left, from the send times of the requests made with this key (the shared
 * limiter's log, milliseconds). A request counts while it is inside a window.
 */
export function budgetFromLog(
  sentAt: readonly number[],
  now: number,
  windows: readonly RateWindow[] = DOCUMENTED_WINDOWS,
): RequestBudget {
  const sorted = byInterval(windows);
  const left = (w: RateWindow | undefined) =>
    w ? Math.max(0, w.limit - sentAt.filter((t) => t > now - w.intervalMs && t <= now).length) : 0;
  return { short: left(sorted[0]), long: left(sorted.at(-1)) };
}

export interface PagesInput {
  budget: RequestBudget;
  /** Submissions queued, sending, unanswered or being reconciled (the outbox's live entries). */
  submissionsWaiting: number;
  /** Order-list pages still to read in this check; undefined before the first page gives a total. */
  pagesLeft?: number;
  windows?: readonly RateWindow[];
}

export interface PagesDecision {
  /** Pages to read now (one request each). */
  pages: number;
  /** When none: ask again after this long (the long window has moved on by then). */
  retryInMs?: number;
}

/** Pure: how many order-list pages to read now (the rule above). */
export function orderPagesToRead(input: PagesInput): PagesDecision {
  const sorted = byInterval(input.windows ?? DOCUMENTED_WINDOWS);
  const shortest = sorted[0];
  const longest = sorted.at(-1);
  const reserve = shortest?.limit ?? 0;
  const needs = Math.max(0, input.submissionsWaiting) * REQUESTS_PER_SUBMISSION;
  const spareLong = input.budget.long - needs - reserve;
  const spareShort = Math.floor(input.budget.short / 2);
  const wanted = input.pagesLeft ?? 1;
  const pages = Math.max(0, Math.min(wanted, MAX_PAGES_PER_TURN, spareLong, spareShort));
  if (pages > 0 || wanted <= 0) return { pages };
  return { pages: 0, retryInMs: longest?.intervalMs ?? 0 };
}
