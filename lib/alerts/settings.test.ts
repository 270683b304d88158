import { describe, expect, it } from 'vitest';
import { stepProblems } from '../storage/stored-item';
import {
  ALERT_SETTINGS_VERSION,
  type AlertSettings,
  alertSettingsFromRecord,
  alertSettingsItem,
  alertSettingsRecord,
  applyAlertSettingsInput,
  checkStuckDays,
  checkThresholds,
  DEFAULT_ALERT_SETTINGS,
  isSnoozed,
  pruneSnoozes,
  snoozeOrder,
  unsnoozeOrder,
} from './settings';

const now = new Date('2026-12-03T12:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe('alert settings defaults', () => {
  it('remind at 30, 14, 7 and 1 days, call an order stuck after 3 days, snooze nothing', () => {
    expect(DEFAULT_ALERT_SETTINGS).toEqual({
      thresholds: [30, 14, 7, 1],
      notify: { expiring: true, tokenExpiring: true, stuck: true, orderIssued: true, validationDone: false },
      stuckDays: 3,
      snoozed: {},
    });
  });

  it('are valid by their own schema', () => {
    expect(alertSettingsFromRecord(alertSettingsRecord(DEFAULT_ALERT_SETTINGS))).toEqual(
      DEFAULT_ALERT_SETTINGS,
    );
  });
});

describe('the stored alert settings', () => {
  const stored: AlertSettings = {
    ...DEFAULT_ALERT_SETTINGS,
    thresholds: [60, 10],
    stuckDays: 5,
    snoozed: { '42': '2027-01-01T00:00:00.000Z' },
  };

  it('are version 1, with no steps before it', () => {
    expect(ALERT_SETTINGS_VERSION).toBe(1);
    expect(alertSettingsItem.migrations).toEqual([]);
    expect(stepProblems(alertSettingsItem)).toEqual([]);
  });

  it('read back what was written', () => {
    expect(alertSettingsRecord(stored)).toEqual({ version: 1, ...stored });
    expect(alertSettingsFromRecord(alertSettingsRecord(stored))).toEqual(stored);
  });

  it.each([
    ['nothing stored', undefined],
    ['a newer version', { ...alertSettingsRecord(stored), version: 2 }],
    ['no version', { ...stored }],
    ['thresholds out of order', { ...alertSettingsRecord(stored), thresholds: [7, 30] }],
    ['a repeated threshold', { ...alertSettingsRecord(stored), thresholds: [7, 7] }],
    ['a threshold of 0', { ...alertSettingsRecord(stored), thresholds: [0] }],
    ['no thresholds', { ...alertSettingsRecord(stored), thresholds: [] }],
    [
      'a snoozed key that is not an order id',
      { ...alertSettingsRecord(stored), snoozed: { x: now.toISOString() } },
    ],
    ['a notification switch missing', { ...alertSettingsRecord(stored), notify: { expiring: true } }],
  ])('give the defaults for %s', (_, raw) => {
    expect(alertSettingsFromRecord(raw)).toEqual(DEFAULT_ALERT_SETTINGS);
  });
});

describe('reminder days typed by the user', () => {
  it('accepts commas, spaces and semicolons, and tidies repeats and order', () => {
    expect(checkThresholds('7, 30;14  1 7')).toEqual({ ok: true, value: [30, 14, 7, 1] });
    expect(checkThresholds([1, 365])).toEqual({ ok: true, value: [365, 1] });
  });

  it('names every wrong value, with the field and how to fix it', () => {
    const checked = checkThresholds('30, 1.5, abc, 0, 400');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((e) => [e.field, e.problem])).toEqual([
      ['thresholds', 'not-whole'],
      ['thresholds', 'not-whole'],
      ['thresholds', 'out-of-range'],
      ['thresholds', 'out-of-range'],
    ]);
    expect(checked.errors[0]?.message).toEqual({
      key: 'alerts_error_threshold_not_whole',
      args: [{ text: '1.5' }],
    });
    expect(checked.errors[2]?.message).toEqual({
      key: 'alerts_error_threshold_range',
      args: [{ text: '0' }, { number: 1 }, { number: 365 }],
    });
  });

  it('refuses an empty list and more than ten days', () => {
    expect(checkThresholds(' , ')).toMatchObject({ ok: false, errors: [{ problem: 'empty' }] });
    expect(checkThresholds('1 2 3 4 5 6 7 8 9 10 11')).toMatchObject({
      ok: false,
      errors: [{ problem: 'too-many', message: { key: 'alerts_error_thresholds_too_many' } }],
    });
    expect(checkThresholds('1 2 3 4 5 6 7 8 9 10 10').ok).toBe(true);
  });
});

describe('days before "stuck in validation"', () => {
  it.each([
    ['3', true],
    [90, true],
    [0, false],
    ['', false],
    ['2.5', false],
    [91, false],
  ])('%j is accepted: %s', (input, ok) => {
    expect(checkStuckDays(input).ok).toBe(ok);
  });

  it('says what is wrong and the range', () => {
    expect(checkStuckDays('abc')).toEqual({
      ok: false,
      errors: [
        {
          field: 'stuckDays',
          problem: 'not-whole',
          message: { key: 'alerts_error_stuck_days', args: [{ text: 'abc' }, { number: 1 }, { number: 90 }] },
        },
      ],
    });
  });
});

describe('applying the form', () => {
  it('changes what was given and keeps the rest', () => {
    const result = applyAlertSettingsInput(DEFAULT_ALERT_SETTINGS, {
      thresholds: '60 30',
      notify: { validationDone: true },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ...DEFAULT_ALERT_SETTINGS,
        thresholds: [60, 30],
        notify: { ...DEFAULT_ALERT_SETTINGS.notify, validationDone: true },
      },
    });
  });

  it('reports the problems of every field at once and changes nothing', () => {
    const result = applyAlertSettingsInput(DEFAULT_ALERT_SETTINGS, { thresholds: '0', stuckDays: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['thresholds', 'stuckDays']);
  });
});

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
