import { describe, expect, it } from 'vitest';
import { applyAlertSettingsInput, checkStuckDays, checkThresholds } from './settings-input';
import { DEFAULT_ALERT_SETTINGS } from './settings-schema';

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
