import { describe, expect, it } from 'vitest';
import { createRateLimiter, getSharedRateLimiter, type Lane, type RateWindow } from './rate-limit';

/**
 * A clock that only moves when the limiter sleeps, so waits are exact and instant. It moves on a
 * later task, as a real timer fires: whoever was let through before the sleep has run by then.
 */
function fakeClock() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        setImmediate(() => {
          t += ms;
          resolve();
        });
      }),
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

/** Largest number of timestamps inside any half-open window [s, s + interval). */
function maxInWindow(times: number[], intervalMs: number): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= intervalMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

async function run(count: number, windows?: RateWindow[]) {
  const clock = fakeClock();
  const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep, ...(windows ? { windows } : {}) });
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: count }, () =>
      limiter.acquire().then((over) => {
        times.push(clock.now());
        over();
      }),
    ),
  );
  return { times, clock };
}

describe('createRateLimiter', () => {
  it('lets 100 through at once, then holds the 101st for the 5-s window', async () => {
    const { times } = await run(101);
    expect(times.slice(0, 100).every((t) => t === times[0])).toBe(true);
    expect((times[100] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(5_000);
  });

  it('never lets 250 acquires exceed 100 in any 5-s window', async () => {
    const { times } = await run(250);
    expect(times).toHaveLength(250);
    expect(maxInWindow(times, 5_000)).toBeLessThanOrEqual(100);
    // It waits, but not needlessly: 250 fit in three 5-s windows (plus the safety margin).
    expect((times[249] ?? 0) - (times[0] ?? 0)).toBeLessThan(11_000);
  });

  it('never exceeds 1000 in any 3-min window (nor 100 per 5 s) over 2100 acquires', async () => {
    const { times } = await run(2100);
    expect(maxInWindow(times, 180_000)).toBeLessThanOrEqual(1000);
    expect(maxInWindow(times, 5_000)).toBeLessThanOrEqual(100);
    expect((times[1000] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(180_000);
  });

  it('serves callers first come, first served', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ windows: [{ limit: 2, intervalMs: 1_000 }], ...clock });
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        limiter.acquire().then((over) => {
          order.push(i);
          over();
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives the next free slot to a waiting submission before requests that asked earlier', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ windows: [{ limit: 1, intervalMs: 1_000 }], ...clock });
    const order: string[] = [];
    const ask = (name: string, lane: Lane) =>
      limiter.acquire(lane).then((over) => {
        order.push(name);
        over();
      });
    await Promise.all([
      ask('follow-up', 'after'),
      ask('validation', 'after'),
      ask('daily check', 'after'),
      ask('order POST', 'first'),
      ask('lookup', 'first'),
    ]);
    // The first request found the slot free; every later slot went to the submission lane first.
    expect(order).toEqual(['follow-up', 'order POST', 'lookup', 'validation', 'daily check']);
  });

  it('does not wait when earlier requests have left the window', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ windows: [{ limit: 2, intervalMs: 1_000 }], marginMs: 0, ...clock });
    (await limiter.acquire())();
    (await limiter.acquire())();
    clock.advance(1_000);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
  });

  it('refuses nonsense windows', () => {
    expect(() => createRateLimiter({ windows: [{ limit: 0, intervalMs: 5 }] })).toThrow(RangeError);
  });

  it('shares one module-level limiter', () => {
    expect(getSharedRateLimiter()).toBe(getSharedRateLimiter());
  });

  it('tells what it let through, for the daily check to plan around (a copy, not its log)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    expect(limiter.sentLog()).toEqual([]);
    (await limiter.acquire())();
    await limiter.acquire();
    const sent = limiter.sentLog();
    expect(sent).toHaveLength(2);
    (sent as number[]).length = 0;
    expect(limiter.sentLog()).toHaveLength(2);
  });

  it('holds a slot while its request is on its way, and counts the window from its answer', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ windows: [{ limit: 2, intervalMs: 1_000 }], marginMs: 0, ...clock });
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    let third: number | undefined;
    const waiting = limiter.acquire().then((over) => {
      third = clock.now();
      over();
    });
    // Long past the window since both were sent, but neither has been answered: no slot.
    clock.advance(5_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBeUndefined();
    first();
    const answered = clock.now();
    await waiting;
    // The window runs from the first answer, not from its sending five seconds earlier.
    expect((third ?? 0) - answered).toBe(1_000);
    second();
  });

  it('keeps requests that arrive bunched within the limit by their arrival, as the server counts', async () => {
    // Three requests sent at once reach the server 800 ms later; the fourth is quick. Counted by
    // sending, the fourth could go at 1000 ms and the server would see four within one second.
    const clock = fakeClock();
    const limiter = createRateLimiter({ windows: [{ limit: 3, intervalMs: 1_000 }], marginMs: 0, ...clock });
    const arrivals: number[] = [];
    const slow = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    clock.advance(800);
    for (const over of slow) {
      arrivals.push(clock.now());
      over();
    }
    const fourth = await limiter.acquire();
    arrivals.push(clock.now());
    fourth();
    expect(maxInWindow(arrivals, 1_000)).toBeLessThanOrEqual(3);
  });

  it('counts a request on its way in what it tells, as sent now at the latest', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const over = await limiter.acquire();
    clock.advance(300);
    expect(limiter.sentLog()).toEqual([clock.now() - 300]);
    over();
    expect(limiter.sentLog()).toEqual([clock.now()]);
  });
});
