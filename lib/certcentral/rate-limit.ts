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
   * Widen every window by this much: the server counts arrival times, we count send times, and
   * network jitter and a busy worker can squeeze two sends closer together on arrival. Default
   * 250 ms: with 100 ms, a 200-order bulk renewal on a loaded 2-core machine still met one 429 in
   * 603 requests; 250 ms costs 5% of the short window's throughput, a refused POST costs an order.
   */
  marginMs?: number;
}

/**
 * Which queue a request waits in. `first`: placing an order and the lookups that decide whether to
 * resend it; a free slot always goes to them before any `after` request (following orders, reading
 * validation, the daily expiry check), which only ever use what submissions leave.
 */
export type Lane = 'first' | 'after';

export interface RateLimiter {
  /**
   * Resolves when one more request may be sent. Waiting `first` requests are served before waiting
   * `after` ones; within a lane, in the order they asked (FIFO).
   */
  acquire(lane?: Lane): Promise<void>;
}

/** The limiter with a look at its log: the daily check plans its reads around what was sent (lib/alerts/daily-check.ts). */
export interface LoggingRateLimiter extends RateLimiter {
  /** Send times of the requests still inside a window, oldest first (a copy). */
  sentLog(): readonly number[];
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export function createRateLimiter(options: RateLimiterOptions = {}): LoggingRateLimiter {
  const windows = options.windows ?? DOCUMENTED_WINDOWS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const margin = options.marginMs ?? 250;
  for (const w of windows) {
    if (!(w.limit >= 1 && w.intervalMs > 0))
      throw new RangeError('Rate window needs limit >= 1, intervalMs > 0');
  }
  const longest = Math.max(0, ...windows.map((w) => w.intervalMs + margin));
  const biggest = Math.max(1, ...windows.map((w) => w.limit));
  // Sliding log of send times, oldest first; only as much history as any window can need.
  const log: number[] = [];
  // Waiting requests, in the order they asked; one pump hands out slots, so the log has one writer.
  const waiting: { lane: Lane; go: () => void }[] = [];
  let pumping = false;

  function waitNeeded(t: number): number {
    let wait = 0;
    for (const w of windows) {
      // The request `limit` places back must be older than the window, or this one would be one too many.
      const older = log[log.length - w.limit];
      if (older !== undefined) wait = Math.max(wait, older + w.intervalMs + margin - t);
    }
    return wait;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0) {
        const t = now();
        const wait = waitNeeded(t);
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        // Chosen when the slot is free, not when the request asked: a submission that arrives while
        // others wait still goes out next.
        const first = waiting.findIndex((w) => w.lane === 'first');
        const [next] = waiting.splice(Math.max(first, 0), 1);
        log.push(t);
        while (log.length > biggest || (log.length > 0 && (log[0] ?? t) <= t - longest)) log.shift();
        next?.go();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    acquire(lane = 'after') {
      return new Promise<void>((go) => {
        waiting.push({ lane, go });
        void pump();
      });
    },
    sentLog: () => [...log],
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
