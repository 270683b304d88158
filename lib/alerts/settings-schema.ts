/**
 * Alert settings: when the administrator is told about expiring certificates, which notifications
 * are on, after how long an order counts as stuck in validation, and which orders are snoozed.
 * Stored as the `alert-settings` record of the private IndexedDB store, like the preferences
 * (lib/settings/preferences.ts): pure declarations here, the reads and writes in the wiring (store.ts).
 *
 * Defaults ("quiet by default"): a notification is on when the administrator has something to do
 * (renew, validate a domain before its token runs out, look at a stuck order, install an issued
 * certificate) and off when it is news only: a validated domain needs nothing from anyone, and the
 * issued order it leads to is announced anyway.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem, readStored } from '../storage/stored-item';

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
