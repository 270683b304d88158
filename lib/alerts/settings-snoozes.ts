/** Orders snoozed from the popup: their reminders wait until a chosen moment, at most a year ahead. */
import { num, say, text } from './messages';
import type { Checked } from './settings-input';
import { type AlertSettings, MAX_SNOOZE_DAYS } from './settings-schema';

const DAY_MS = 86_400_000;

/** Pure: the order snoozed until `until` (an instant after now, at most MAX_SNOOZE_DAYS ahead). */
export function snoozeOrder(
  settings: AlertSettings,
  orderId: number,
  until: Date,
  now: Date,
): Checked<AlertSettings> {
  if (!Number.isSafeInteger(orderId) || orderId < 1) {
    return {
      ok: false,
      errors: [
        {
          field: 'snoozed',
          problem: 'not-whole',
          message: say('alerts_error_snooze_order', text(String(orderId))),
        },
      ],
    };
  }
  const at = until.getTime();
  if (Number.isNaN(at) || at <= now.getTime() || at > now.getTime() + MAX_SNOOZE_DAYS * DAY_MS) {
    return {
      ok: false,
      errors: [
        {
          field: 'snoozed',
          problem: 'bad-date',
          message: say('alerts_error_snooze_until', num(MAX_SNOOZE_DAYS)),
        },
      ],
    };
  }
  return {
    ok: true,
    value: { ...settings, snoozed: { ...settings.snoozed, [String(orderId)]: until.toISOString() } },
  };
}

export function unsnoozeOrder(settings: AlertSettings, orderId: number): AlertSettings {
  const { [String(orderId)]: _gone, ...snoozed } = settings.snoozed;
  return { ...settings, snoozed };
}

export function isSnoozed(settings: AlertSettings, orderId: number, now: Date): boolean {
  const until = settings.snoozed[String(orderId)];
  return until !== undefined && Date.parse(until) > now.getTime();
}

/** Pure: the settings without the snoozes that have ended (the daily check stores this). */
export function pruneSnoozes(settings: AlertSettings, now: Date): AlertSettings {
  const snoozed = Object.fromEntries(
    Object.entries(settings.snoozed).filter(([, until]) => Date.parse(until) > now.getTime()),
  );
  return Object.keys(snoozed).length === Object.keys(settings.snoozed).length
    ? settings
    : { ...settings, snoozed };
}
