/**
 * Alert settings: when the administrator is told about expiring certificates, which notifications
 * are on, after how long an order counts as stuck in validation, and which orders are snoozed. By
 * responsibility: what they are and how they are stored (settings-schema.ts), the form's input
 * (settings-input.ts), the snoozes (settings-snoozes.ts). The alerts modules import them from here.
 */
export {
  type AlertSettingsError,
  type AlertSettingsField,
  type AlertSettingsInput,
  applyAlertSettingsInput,
  type Checked,
  checkStuckDays,
  checkThresholds,
} from './settings-input';
export {
  ALERT_SETTINGS_RECORD,
  ALERT_SETTINGS_VERSION,
  type AlertSettings,
  alertSettingsFromRecord,
  alertSettingsItem,
  alertSettingsRecord,
  alertSettingsSchema,
  DEFAULT_ALERT_SETTINGS,
  DEFAULT_NOTIFY,
  DEFAULT_STUCK_DAYS,
  DEFAULT_THRESHOLDS,
  MAX_SNOOZE_DAYS,
  MAX_STUCK_DAYS,
  MAX_THRESHOLD,
  MAX_THRESHOLDS,
  MIN_STUCK_DAYS,
  MIN_THRESHOLD,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './settings-schema';
export { isSnoozed, pruneSnoozes, snoozeOrder, unsnoozeOrder } from './settings-snoozes';
