// Client-side pacing for CertCentral's per-key limits. Source: docs/certcentral-api.md "Transport":
// rolling windows of 100 requests per 5 s AND 1000 per 3 min; past them HTTP 429
// `request_limit_exceeded`, with no documented Retry-After. Waiting here is cheaper than a 429,
// and a 429 on a POST is never retried by the transport, so an order would simply fail.

export interface RateWindow {
  /** Requests allowed inside any interval of `intervalMs`. */
  limit: number;
  intervalMs: number;
}

export const DOCUMENTED_WINDOWS: readonly RateWindow[] = [
  { limit: 100, intervalMs: 5_000 },
  { limit: 1000, intervalMs: 180_000 },
];

export interface RateLimiterOptions {
  windows?: readonly RateWindow[];
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Widen every window by this much: a last allowance for how the server draws its window's edges.
   * How a request's arrival can trail its sending is already covered, as each request counts from
   * when its answer came (see createRateLimiter).
   */
  marginMs?: number;
}

/**
 * Which queue a request waits in. `first`: placing an order and the lookups that decide whether to
 * resend it; a free slot always goes to them before any `after` request (following orders, reading
 * validation, the daily expiry check), which only ever use what submissions leave.
 */
export type Lane = 'first' | 'after';

/** Says the request is over: answered, failed or given up on. Calling it again does nothing. */
export type Done = () => void;

export interface RateLimiter {
  /**
   * Resolves when one more request may be sent, with what to call once it is over. Waiting `first`
   * requests are served before waiting `after` ones; within a lane, in the order they asked (FIFO).
   */
  acquire(lane?: Lane): Promise<Done>;
}

/** The limiter with a look at its log: the daily check plans its reads around what was sent (lib/alerts/daily-check.ts). */
export interface LoggingRateLimiter extends RateLimiter {
  /**
   * When each request still inside a window counts from (its answer, or its sending while it is
   * on its way), oldest first (a copy).
   */
  sentLog(): readonly number[];
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * The server counts a request when it arrives, which is some time after it was sent: on a busy
 * machine or network, requests sent evenly can arrive bunched, and counted by their sending they
 * met CertCentral's limit (the end-to-end bulk renewal met 429s with three browsers on two cores).
 * A request arrives before its answer does, so each one here counts from when it was over, and
 * while it is on its way it counts as arriving at any moment: a window that holds `limit` requests
 * by their answers holds at most `limit` by their arrivals. The cost is one round trip per window.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): LoggingRateLimiter {
  const windows = options.windows ?? DOCUMENTED_WINDOWS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const margin = options.marginMs ?? 100;
  for (const w of windows) {
    if (!(w.limit >= 1 && w.intervalMs > 0))
      throw new RangeError('Rate window needs limit >= 1, intervalMs > 0');
  }
  const longest = Math.max(0, ...windows.map((w) => w.intervalMs + margin));
  const biggest = Math.max(1, ...windows.map((w) => w.limit));
  // The requests any window can still need: when each was sent, and when it was over.
  type Sent = { sent: number; over?: number };
  let log: Sent[] = [];
  const counted = (r: Sent) => r.over ?? Number.POSITIVE_INFINITY;
  // Waiting requests, in the order they asked; one pump hands out slots, so the log has one writer.
  const waiting: { lane: Lane; go: (done: Done) => void }[] = [];
  let pumping = false;

  /** When each request counts from, oldest first; one still on its way counts as now or later. */
  const countedTimes = () => log.map(counted).sort((a, b) => a - b);

  /** How long to wait before the next request; infinite until a request on its way is over. */
  function waitNeeded(t: number): number {
    const times = countedTimes();
    let wait = 0;
    for (const w of windows) {
      // The request `limit` places back must be out of the window, or this one would be one too many.
      const older = times[times.length - w.limit];
      if (older !== undefined) wait = Math.max(wait, older + w.intervalMs + margin - t);
    }
    return wait;
  }

  /** Drops what no window can need: requests over before the longest window, then all but `biggest`. */
  function forgetOld(t: number): void {
    log = log.filter((r) => counted(r) > t - longest);
    if (log.length > biggest) log = log.sort((a, b) => counted(a) - counted(b)).slice(-biggest);
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0) {
        const t = now();
        const wait = waitNeeded(t);
        // Every slot is held by a request on its way: the first to be over pumps again.
        if (wait === Number.POSITIVE_INFINITY) return;
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        // Chosen when the slot is free, not when the request asked: a submission that arrives while
        // others wait still goes out next.
        const first = waiting.findIndex((w) => w.lane === 'first');
        const [next] = waiting.splice(Math.max(first, 0), 1);
        const request: Sent = { sent: t };
        log.push(request);
        forgetOld(t);
        next?.go(() => {
          if (request.over !== undefined) return;
          request.over = Math.max(now(), request.sent);
          void pump();
        });
      }
    } finally {
      pumping = false;
    }
  }

  return {
    acquire(lane = 'after') {
      return new Promise<Done>((go) => {
        waiting.push({ lane, go });
        void pump();
      });
    },
    sentLog: () => log.map((r) => r.over ?? r.sent).sort((a, b) => a - b),
  };
}

let shared: LoggingRateLimiter | undefined;

/**
 * The limiter every transport shares by default: the limits are per API key, not per call site.
 * It lives as long as the service worker; a restarted worker starts with an empty log, which the
 * transport's GET retry on 429 covers.
 */
export function getSharedRateLimiter(): LoggingRateLimiter {
  shared ??= createRateLimiter();
  return shared;
}

/** What the shared limiter let through lately (none before its first request). */
export function sharedSentLog(): readonly number[] {
  return shared?.sentLog() ?? [];
}
