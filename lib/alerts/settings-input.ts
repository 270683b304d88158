/**
 * The alert settings as the administrator types them (the settings page's form): each value checked,
 * tidied where that is no mistake, and every problem named beside its field.
 */
import { type AlertText, num, say, text } from './messages';
import {
  type AlertSettings,
  MAX_STUCK_DAYS,
  MAX_THRESHOLD,
  MAX_THRESHOLDS,
  MIN_STUCK_DAYS,
  MIN_THRESHOLD,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './settings-schema';

export type AlertSettingsField = 'thresholds' | 'stuckDays' | 'snoozed';

/** What is wrong with one field, said so the person can fix it. */
export interface AlertSettingsError {
  field: AlertSettingsField;
  problem: 'empty' | 'too-many' | 'not-whole' | 'out-of-range' | 'bad-order' | 'bad-date';
  message: AlertText;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: AlertSettingsError[] };

const rangeArgs = (min: number, max: number) => [num(min), num(max)];

/**
 * The reminder days as typed ("30, 14, 7, 1", spaces or commas or semicolons between them) or as
 * numbers. Repeated days and any order are accepted and tidied (each day once, largest first): they
 * are not mistakes worth stopping someone for. Each wrong value is named once.
 */
export function checkThresholds(input: string | readonly number[]): Checked<number[]> {
  const tokens =
    typeof input === 'string'
      ? input
          .split(/[\s,;]+/)
          .filter((token) => token !== '')
          .map((token) => ({ shown: token, value: Number(token) }))
      : input.map((value) => ({ shown: String(value), value }));
  const errors: AlertSettingsError[] = [];
  if (tokens.length === 0) {
    errors.push({
      field: 'thresholds',
      problem: 'empty',
      message: say('alerts_error_thresholds_empty', ...rangeArgs(MIN_THRESHOLD, MAX_THRESHOLD)),
    });
  }
  const days: number[] = [];
  for (const { shown, value } of tokens) {
    if (!Number.isInteger(value)) {
      errors.push({
        field: 'thresholds',
        problem: 'not-whole',
        message: say('alerts_error_threshold_not_whole', text(shown)),
      });
    } else if (value < MIN_THRESHOLD || value > MAX_THRESHOLD) {
      errors.push({
        field: 'thresholds',
        problem: 'out-of-range',
        message: say('alerts_error_threshold_range', text(shown), ...rangeArgs(MIN_THRESHOLD, MAX_THRESHOLD)),
      });
    } else {
      days.push(value);
    }
  }
  const tidy = [...new Set(days)].sort((a, b) => b - a);
  if (tidy.length > MAX_THRESHOLDS) {
    errors.push({
      field: 'thresholds',
      problem: 'too-many',
      message: say('alerts_error_thresholds_too_many', num(MAX_THRESHOLDS), num(tidy.length)),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: tidy };
}

export function checkStuckDays(input: string | number): Checked<number> {
  const value = typeof input === 'number' ? input : input.trim() === '' ? Number.NaN : Number(input);
  if (Number.isInteger(value) && value >= MIN_STUCK_DAYS && value <= MAX_STUCK_DAYS)
    return { ok: true, value };
  return {
    ok: false,
    errors: [
      {
        field: 'stuckDays',
        problem: Number.isInteger(value) ? 'out-of-range' : 'not-whole',
        message: say(
          'alerts_error_stuck_days',
          text(String(input)),
          ...rangeArgs(MIN_STUCK_DAYS, MAX_STUCK_DAYS),
        ),
      },
    ],
  };
}

export interface AlertSettingsInput {
  thresholds?: string | readonly number[];
  stuckDays?: string | number;
  notify?: Partial<Record<NotificationKind, boolean>>;
}

/**
 * Pure: the settings with the user's changes, or every problem at once (a form shows them all,
 * each beside its field). Fields left out keep their value.
 */
export function applyAlertSettingsInput(
  current: AlertSettings,
  input: AlertSettingsInput,
): Checked<AlertSettings> {
  const thresholds = input.thresholds === undefined ? undefined : checkThresholds(input.thresholds);
  const stuckDays = input.stuckDays === undefined ? undefined : checkStuckDays(input.stuckDays);
  const errors = [thresholds, stuckDays].flatMap((c) => (c && !c.ok ? c.errors : []));
  if (errors.length > 0) return { ok: false, errors };
  const notify = { ...current.notify };
  for (const kind of NOTIFICATION_KINDS) {
    const on = input.notify?.[kind];
    if (typeof on === 'boolean') notify[kind] = on;
  }
  return {
    ok: true,
    value: {
      ...current,
      notify,
      ...(thresholds?.ok ? { thresholds: thresholds.value } : {}),
      ...(stuckDays?.ok ? { stuckDays: stuckDays.value } : {}),
    },
  };
}
