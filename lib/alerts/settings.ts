/**
 * Alert settings: when the administrator is told about expiring certificates, which notifications
 * are on, after how long an order counts as stuck in validation, and which orders are snoozed.
 * Stored as the `alert-settings` record of the private IndexedDB store, like the preferences
 * (lib/settings/preferences.ts): pure declarations and rules here, the reads and writes in the wiring.
 *
 * Defaults ("quiet by default"): a notification is on when the administrator has something to do
 * (renew, validate a domain before its token runs out, look at a stuck order, install an issued
 * certificate) and off when it is news only: a validated domain needs nothing from anyone, and the
 * issued order it leads to is announced anyway.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem, readStored } from '../storage/stored-item';
import { type AlertText, num, say, text } from './messages';

/**
 * Days before expiry: a month leaves time for a renewal that needs organization validation again
 * (OV/EV can take days), then two weeks, a week and the last day, each a step closer to an outage.
 */
export const DEFAULT_THRESHOLDS: readonly number[] = [30, 14, 7, 1];
/** Public TLS certificates last about a year at most (CA/Browser Forum Baseline Requirements): a year ahead is the most that means anything. */
export const MIN_THRESHOLD = 1;
export const MAX_THRESHOLD = 365;
/** More than ten reminders for one certificate is noise, not a schedule. */
export const MAX_THRESHOLDS = 10;

/**
 * Three days: DV orders usually issue within minutes of validation and OV/EV within one to three
 * working days once the organization is validated, so an order still pending after three days is
 * waiting for something only a person can give (a DCV, an approval, a call back).
 */
export const DEFAULT_STUCK_DAYS = 3;
export const MIN_STUCK_DAYS = 1;
export const MAX_STUCK_DAYS = 90;
/** A snooze is a reminder postponed, not an alert switched off: at most a year. */
export const MAX_SNOOZE_DAYS = 365;

export const NOTIFICATION_KINDS = [
  'expiring',
  'tokenExpiring',
  'stuck',
  'orderIssued',
  'validationDone',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DEFAULT_NOTIFY: Readonly<Record<NotificationKind, boolean>> = {
  expiring: true,
  tokenExpiring: true,
  stuck: true,
  orderIssued: true,
  validationDone: false,
};

const isoTime = lazySchema(() => z.iso.datetime({ offset: true }));
/** Order ids are object keys in JSON: positive whole numbers written out. */
const orderKey = lazySchema(() => z.string().check(z.regex(/^[1-9]\d{0,15}$/)));

const isDescendingUnique = (days: readonly number[]) =>
  days.every((d, i) => i === 0 || d < (days[i - 1] ?? 0));

export const alertSettingsSchema = lazySchema(() =>
  z.object({
    /** Days before expiry, largest first, each once. */
    thresholds: z
      .array(z.number().check(z.int(), z.minimum(MIN_THRESHOLD), z.maximum(MAX_THRESHOLD)))
      .check(
        z.minLength(1),
        z.maxLength(MAX_THRESHOLDS),
        z.refine(isDescendingUnique, { message: 'thresholds must be unique, largest first' }),
      ),
    notify: z.object({
      expiring: z.boolean(),
      tokenExpiring: z.boolean(),
      stuck: z.boolean(),
      orderIssued: z.boolean(),
      validationDone: z.boolean(),
    }),
    stuckDays: z.number().check(z.int(), z.minimum(MIN_STUCK_DAYS), z.maximum(MAX_STUCK_DAYS)),
    /** Order id → the moment its reminders start again. */
    snoozed: z.record(orderKey, isoTime),
  }),
);
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  thresholds: [...DEFAULT_THRESHOLDS],
  notify: { ...DEFAULT_NOTIFY },
  stuckDays: DEFAULT_STUCK_DAYS,
  snoozed: {},
};

export const ALERT_SETTINGS_RECORD = 'alert-settings';
/** The stored record is `{ version, thresholds, notify, stuckDays, snoozed }`. */
export const ALERT_SETTINGS_VERSION = 1;

/** Version 1 is the first: no older record exists, so no step leads here yet. */
export const alertSettingsItem = defineStoredItem({
  name: 'alert settings',
  where: { area: 'private', record: ALERT_SETTINGS_RECORD },
  version: ALERT_SETTINGS_VERSION,
  schema: lazySchema(() =>
    z.object({ version: z.literal(ALERT_SETTINGS_VERSION), ...alertSettingsSchema.shape }),
  ),
  migrations: [],
});

/**
 * Pure: the settings in a stored record; the defaults when there is none or it cannot be read
 * (damaged, or written by a newer version): alerts are a reminder, and the defaults remind.
 */
export function alertSettingsFromRecord(raw: unknown): AlertSettings {
  const read = readStored(alertSettingsItem, raw);
  if (read === null || !('value' in read)) return DEFAULT_ALERT_SETTINGS;
  const { version: _version, ...settings } = read.value;
  return settings;
}

export function alertSettingsRecord(settings: AlertSettings): Record<string, unknown> {
  return { version: ALERT_SETTINGS_VERSION, ...settings };
}

// ---------------------------------------------------------------------------------------------
// The user's input

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

// ---------------------------------------------------------------------------------------------
// Snoozes

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
