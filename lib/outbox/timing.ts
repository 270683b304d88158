/**
 * When the engine tries again, and how often it follows a placed order. Pure: times in, times out.
 *
 * Backoff between tries and a bound on tries. "Follow-up": polling respects
 * the shared rate limiter (every call goes through it) and slows down for old orders.
 */

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** POSTs per submission before it stops and asks a person ("a bound on tries"). */
export const DEFAULT_MAX_TRIES = 4;
/** Lookups that fail in a row before it stops and asks a person. */
export const MAX_LOOKUP_FAILURES = 4;

/**
 * After a POST with no usable answer, wait this long before the lookup: a server that timed out
 * may still be storing the order, and a lookup made too early would miss it.
 */
export const SETTLE_MS = 2 * SECOND;

/**
 * A POST that got no answer at all (timeout, dropped connection, a worker stopped mid-request, a
 * gateway 502/504) may still be processed by CertCentral after the client gave up: the request had
 * left. Until this long after it was sent, "no order carries the id" only means "not yet", so the
 * engine looks again instead of sending again. Twice the transport's 30-s timeout.
 */
export const ANSWER_PENDING_MS = 60 * SECOND;
/** How often to look again while an unanswered request may still arrive. */
export const PENDING_LOOKUP_MS = 5 * SECOND;

/**
 * Waits up to this long happen inside the worker (the sleep dependency); longer ones are left to
 * the alarm. 30 s is Chrome's shortest alarm and also how long an idle MV3 worker lives.
 */
export const MAX_IN_PROCESS_WAIT_MS = 30 * SECOND;

/**
 * Wait before POST number `attempts + 1`. A 429 waits at least the 5-s short window of the documented
 * limit (docs/certcentral-api.md "Transport": 100 requests per 5 s), doubling; other faults start at 2 s.
 * With the default 4 tries: 429 → 5, 10, 20 s; others → 2, 4, 8 s.
 */
export function resendDelayMs(attempts: number, lastHttpStatus: number | undefined): number {
  const base = lastHttpStatus === 429 ? 5 * SECOND : 2 * SECOND;
  return Math.min(base * 2 ** Math.max(0, attempts - 1), MAX_IN_PROCESS_WAIT_MS);
}

/** Wait after the n-th failed lookup in a row (the transport has already retried the GET itself). */
export function lookupRetryDelayMs(failures: number): number {
  return Math.min(5 * SECOND * 2 ** Math.max(0, failures - 1), MAX_IN_PROCESS_WAIT_MS);
}

/**
 * CertCentral not answering (an outage, a gateway down, the network gone) is waited out rather than
 * handed to a person after the quick tries: lookups go on at a slower pace, and once a lookup is
 * answered and proves no order carries the id, one more POST is made with the same id. For at most
 * this long after the submission was made; after that a person decides.
 */
export const OUTAGE_WAIT_MS = 6 * HOUR;
/** POSTs in all, quick tries included, while an outage is waited out: still a bound on tries. */
export const OUTAGE_TRY_LIMIT = 12;

/** Wait before the n-th slow step of an outage (n ≥ 1): 1, 2, 4, 8, then every 15 minutes. */
export function outageRetryDelayMs(n: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, n - 1), 15 * MINUTE);
}

/** The submission is young enough for an outage to be waited out (OUTAGE_WAIT_MS). */
export function withinOutageWait(createdAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(createdAt) < OUTAGE_WAIT_MS;
}

/** What the outage rule reads of a submission (an outbox entry has all of it). */
export interface OutageTries {
  createdAt: string;
  /** POSTs made. */
  attempts: number;
  /** Lookups failed in a row. */
  lookupFailures: number;
}

/**
 * The outage rule: past the quick tries (MAX_LOOKUP_FAILURES lookups failed in a row, or
 * DEFAULT_MAX_TRIES POSTs made) and young enough (OUTAGE_WAIT_MS), a submission waits CertCentral
 * out at the slow pace (outageRetryDelayMs). The engine paces its lookups and resends by it, and the
 * history says "not answering" by it, so the two can never tell different stories.
 */
export function waitingOutOutage(tries: OutageTries, now: Date): boolean {
  const pastQuickTries = tries.lookupFailures >= MAX_LOOKUP_FAILURES || tries.attempts >= DEFAULT_MAX_TRIES;
  return pastQuickTries && withinOutageWait(tries.createdAt, now);
}

/** First status check after placement: soon, an order can be issued in minutes (DV, pre-validated). */
export const FIRST_CHECK_MS = 30 * SECOND;
/** Stop following an order this old: validation that takes longer needs a person anyway. */
export const FOLLOW_UP_LIMIT_MS = 60 * DAY;

/**
 * Time until the next status check for an order placed `ageMs` ago: every minute for the first
 * 10 minutes, every 5 minutes for the first hour, every 30 minutes for the first day, every 3 hours after.
 */
export function followUpDelayMs(ageMs: number): number {
  if (ageMs < 10 * MINUTE) return MINUTE;
  if (ageMs < HOUR) return 5 * MINUTE;
  if (ageMs < DAY) return 30 * MINUTE;
  return 3 * HOUR;
}

export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/** Milliseconds until an ISO time; 0 when it has come (or when none is set). */
export function msUntil(iso: string | undefined, now: Date): number {
  if (iso === undefined) return 0;
  return Math.max(0, Date.parse(iso) - now.getTime());
}
