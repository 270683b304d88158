import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from './settings-schema';
import { isSnoozed, pruneSnoozes, snoozeOrder, unsnoozeOrder } from './settings-snoozes';

const now = new Date('2026-12-03T12:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe('snoozing an order', () => {
  it('snoozes until the given moment, then not', () => {
    const result = snoozeOrder(DEFAULT_ALERT_SETTINGS, 42, later(7), now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(isSnoozed(result.value, 42, now)).toBe(true);
    expect(isSnoozed(result.value, 43, now)).toBe(false);
    expect(isSnoozed(result.value, 42, later(7))).toBe(false);
    expect(isSnoozed(unsnoozeOrder(result.value, 42), 42, now)).toBe(false);
  });

  it.each([
    ['an order id that is not one', 0, later(1), 'alerts_error_snooze_order'],
    ['a moment already past', 42, later(-1), 'alerts_error_snooze_until'],
    ['more than a year ahead', 42, later(366), 'alerts_error_snooze_until'],
  ])('refuses %s', (_, id, until, key) => {
    expect(snoozeOrder(DEFAULT_ALERT_SETTINGS, id, until, now)).toMatchObject({
      ok: false,
      errors: [{ field: 'snoozed', message: { key } }],
    });
  });

  it('drops the snoozes that have ended', () => {
    const settings = {
      ...DEFAULT_ALERT_SETTINGS,
      snoozed: { '1': later(-1).toISOString(), '2': later(1).toISOString() },
    };
    expect(pruneSnoozes(settings, now).snoozed).toEqual({ '2': later(1).toISOString() });
    const none = { ...DEFAULT_ALERT_SETTINGS, snoozed: { '2': later(1).toISOString() } };
    expect(pruneSnoozes(none, now)).toBe(none);
  });
});
