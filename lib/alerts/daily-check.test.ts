import { describe, expect, it } from 'vitest';
import { DOCUMENTED_WINDOWS } from '../certcentral/rate-limit';
import {
  budgetFromLog,
  isDailyCheckDue,
  MAX_PAGES_PER_TURN,
  nextDailyCheckAt,
  orderPagesToRead,
  REQUESTS_PER_SUBMISSION,
} from './daily-check';

const HOUR = 3_600_000;
const now = new Date('2026-12-03T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('when the daily check is due', () => {
  it('is due now when it never ran or the time cannot be read', () => {
    expect(nextDailyCheckAt(undefined, now)).toEqual(now);
    expect(nextDailyCheckAt('yesterday', now)).toEqual(now);
    expect(isDailyCheckDue(undefined, now)).toBe(true);
  });

  it('is due a day after the last run', () => {
    expect(nextDailyCheckAt(ago(3 * HOUR), now)).toEqual(new Date(now.getTime() + 21 * HOUR));
    expect(isDailyCheckDue(ago(23 * HOUR), now)).toBe(false);
    expect(isDailyCheckDue(ago(24 * HOUR), now)).toBe(true);
  });

  it('is due at once after days with the browser closed', () => {
    expect(nextDailyCheckAt(ago(72 * HOUR), now)).toEqual(now);
  });

  it('waits no more than a day when the clock went back', () => {
    expect(nextDailyCheckAt(ago(-48 * HOUR), now)).toEqual(new Date(now.getTime() + 24 * HOUR));
  });
});

describe('the request budget', () => {
  it('follows the documented windows: 100 per 5 s and 1000 per 3 min', () => {
    expect(DOCUMENTED_WINDOWS).toEqual([
      { limit: 100, intervalMs: 5_000 },
      { limit: 1000, intervalMs: 180_000 },
    ]);
  });

  it('counts what was sent inside each window', () => {
    const t = now.getTime();
    const log = [t - 200_000, t - 100_000, t - 4_000, t - 1_000, t];
    expect(budgetFromLog(log, t)).toEqual({ short: 97, long: 996 });
    expect(budgetFromLog([], t)).toEqual({ short: 100, long: 1000 });
  });
});

describe('how many order-list pages to read now', () => {
  const full = { short: 100, long: 1000 };

  it('reads a few pages at a time when the budget is free', () => {
    expect(orderPagesToRead({ budget: full, submissionsWaiting: 0, pagesLeft: 3 })).toEqual({ pages: 3 });
    expect(orderPagesToRead({ budget: full, submissionsWaiting: 0, pagesLeft: 40 })).toEqual({
      pages: MAX_PAGES_PER_TURN,
    });
    expect(orderPagesToRead({ budget: full, submissionsWaiting: 0 })).toEqual({ pages: 1 });
  });

  it('keeps what waiting submissions may need, and a reserve, off the long window first', () => {
    // 1000 - 100 reserve - 80 × 9 = 180 spare: still room.
    expect(orderPagesToRead({ budget: full, submissionsWaiting: 80, pagesLeft: 3 })).toEqual({ pages: 3 });
    // 1000 - 100 - 100 × 9 = 0: submissions go first, ask again once the long window has moved on.
    expect(orderPagesToRead({ budget: full, submissionsWaiting: 100, pagesLeft: 3 })).toEqual({
      pages: 0,
      retryInMs: 180_000,
    });
    const budget = { short: 100, long: 100 + 2 * REQUESTS_PER_SUBMISSION + 2 };
    expect(orderPagesToRead({ budget, submissionsWaiting: 2, pagesLeft: 5 })).toEqual({ pages: 2 });
  });

  it('takes at most half of the short window', () => {
    expect(
      orderPagesToRead({ budget: { short: 6, long: 1000 }, submissionsWaiting: 0, pagesLeft: 5 }),
    ).toEqual({
      pages: 3,
    });
    expect(
      orderPagesToRead({ budget: { short: 1, long: 1000 }, submissionsWaiting: 0, pagesLeft: 5 }),
    ).toEqual({
      pages: 0,
      retryInMs: 180_000,
    });
  });

  it('reads nothing when nothing is left to read', () => {
    expect(orderPagesToRead({ budget: full, submissionsWaiting: 0, pagesLeft: 0 })).toEqual({ pages: 0 });
  });
});
