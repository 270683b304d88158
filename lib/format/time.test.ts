import { describe, expect, it } from 'vitest';
import { formatAgo } from './time';

const now = new Date('2026-11-29T12:00:00Z');

describe('formatAgo', () => {
  it.each([
    ['2026-11-29T11:59:30Z', 'just now'],
    ['2026-11-29T11:59:00Z', '1 minute ago'],
    ['2026-11-29T11:35:00Z', '25 minutes ago'],
    ['2026-11-29T11:00:00Z', '1 hour ago'],
    ['2026-11-29T02:00:00Z', '10 hours ago'],
    // Midday UTC: the same day from UTC−11 to UTC+11, whichever zone runs the test.
    ['2026-11-20T12:00:00Z', 'on Nov 20, 2026'],
    ['not a date', 'at an unknown time'],
  ])('%s → %s', (time, expected) => {
    expect(formatAgo(time, now)).toBe(expected);
  });
});
