import { describe, expect, it } from 'vitest';
import { stepProblems } from '../storage/stored-item';
import {
  ALERT_SETTINGS_VERSION,
  type AlertSettings,
  alertSettingsFromRecord,
  alertSettingsItem,
  alertSettingsRecord,
  DEFAULT_ALERT_SETTINGS,
} from './settings-schema';

const now = new Date('2026-12-03T12:00:00Z');

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
