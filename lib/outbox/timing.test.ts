import { describe, expect, it } from 'vitest';
import {
  DAY,
  followUpDelayMs,
  HOUR,
  lookupRetryDelayMs,
  MINUTE,
  msUntil,
  OUTAGE_WAIT_MS,
  resendDelayMs,
  SECOND,
  waitingOutOutage,
} from './timing';

describe('timing', () => {
  it('backs off between POSTs, longer after a 429', () => {
    expect([1, 2, 3].map((n) => resendDelayMs(n, 500))).toEqual([2 * SECOND, 4 * SECOND, 8 * SECOND]);
    expect([1, 2, 3].map((n) => resendDelayMs(n, 429))).toEqual([5 * SECOND, 10 * SECOND, 20 * SECOND]);
    expect(resendDelayMs(10, 429)).toBe(30 * SECOND);
  });

  it('backs off between failed lookups', () => {
    expect([1, 2, 3, 4].map(lookupRetryDelayMs)).toEqual([5, 10, 20, 30].map((s) => s * SECOND));
  });

  it.each([
    [0, MINUTE],
    [9 * MINUTE, MINUTE],
    [10 * MINUTE, 5 * MINUTE],
    [59 * MINUTE, 5 * MINUTE],
    [HOUR, 30 * MINUTE],
    [23 * HOUR, 30 * MINUTE],
    [DAY, 3 * HOUR],
    [30 * DAY, 3 * HOUR],
  ])('an order %i ms old is checked again after %i ms', (age, delay) => {
    expect(followUpDelayMs(age)).toBe(delay);
  });

  it('msUntil is 0 once the time has come', () => {
    const now = new Date('2026-06-01T00:00:10Z');
    expect(msUntil('2026-06-01T00:00:15Z', now)).toBe(5000);
    expect(msUntil('2026-06-01T00:00:05Z', now)).toBe(0);
    expect(msUntil(undefined, now)).toBe(0);
  });

  describe('the outage rule', () => {
    const createdAt = '2026-06-01T00:00:00.000Z';
    const soon = new Date(Date.parse(createdAt) + HOUR);
    it.each([
      ['within the quick tries', { attempts: 3, lookupFailures: 3 }, false],
      ['the quick lookups failed', { attempts: 1, lookupFailures: 4 }, true],
      ['the quick POSTs made', { attempts: 4, lookupFailures: 0 }, true],
    ])('%s → %s', (_name, tries, expected) => {
      expect(waitingOutOutage({ createdAt, ...tries }, soon)).toBe(expected);
    });

    it('waits an outage out only while the submission is young enough', () => {
      const tries = { createdAt, attempts: 4, lookupFailures: 4 };
      const at = (ms: number) => new Date(Date.parse(createdAt) + ms);
      expect(waitingOutOutage(tries, at(OUTAGE_WAIT_MS - 1))).toBe(true);
      expect(waitingOutOutage(tries, at(OUTAGE_WAIT_MS))).toBe(false);
    });
  });
});
