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

export interface RateLimiter {
  /** Resolves when one more request may be sent; callers are served in the order they asked (FIFO). */
  acquire(): Promise<void>;
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
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
  // Each acquire chains on the previous one: that gives FIFO order and makes the log single-writer.
  let tail: Promise<void> = Promise.resolve();

  function waitNeeded(t: number): number {
    let wait = 0;
    for (const w of windows) {
      // The request `limit` places back must be older than the window, or this one would be one too many.
      const older = log[log.length - w.limit];
      if (older !== undefined) wait = Math.max(wait, older + w.intervalMs + margin - t);
    }
    return wait;
  }

  async function take(): Promise<void> {
    for (;;) {
      const t = now();
      const wait = waitNeeded(t);
      if (wait <= 0) {
        log.push(t);
        while (log.length > biggest || (log.length > 0 && (log[0] ?? t) <= t - longest)) log.shift();
        return;
      }
      await sleep(wait);
    }
  }

  return {
    acquire() {
      const mine = tail.then(take);
      tail = mine.catch(() => undefined);
      return mine;
    },
  };
}

let shared: RateLimiter | undefined;

/**
 * The limiter every transport shares by default: the limits are per API key, not per call site.
 * It lives as long as the service worker; a restarted worker starts with an empty log, which the
 * transport's GET retry on 429 covers.
 */
export function getSharedRateLimiter(): RateLimiter {
  shared ??= createRateLimiter();
  return shared;
}
