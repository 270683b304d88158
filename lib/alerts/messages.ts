/**
 * What the alerts say, as message keys and arguments: the decisions here are pure and run in the
 * background, the words are the UI layer's (lib/i18n `t` / `tn`, which pick the user's language).
 *
 * Arguments are data, never formatted text: names and order numbers are kept as CertCentral writes
 * them, counts are numbers the UI formats for the locale (lib/i18n/format.ts formatNumber). A count
 * that decides the grammar is a plural message: `one` or `other`, the count first (the catalogue's
 * rule, lib/i18n/usage.test.ts).
 */

/** Every key the alerts use, in the `alerts_` namespace of the catalogue. */
export const ALERT_MESSAGE_KEYS = [
  'alerts_expiring_title',
  'alerts_expiring_one',
  'alerts_expiring_other',
  'alerts_expires_today',
  'alerts_expired',
  'alerts_validated_title',
  'alerts_validated',
  'alerts_issued_title',
  'alerts_issued',
  'alerts_token_title',
  'alerts_token_expiring_one',
  'alerts_token_expiring_other',
  'alerts_token_expires_today',
  'alerts_validate_dns_txt',
  'alerts_validate_dns_cname',
  'alerts_validate_http',
  'alerts_validate_email',
  'alerts_validate_any_method',
  'alerts_stuck_title',
  'alerts_stuck_one',
  'alerts_stuck_other',
  'alerts_submission_needs_you',
  'alerts_action_renew',
  'alerts_action_validate_domain',
  'alerts_action_check_validation',
  'alerts_action_open_submission',
  'alerts_error_thresholds_empty',
  'alerts_error_thresholds_too_many',
  'alerts_error_threshold_not_whole',
  'alerts_error_threshold_range',
  'alerts_error_stuck_days',
  'alerts_error_snooze_order',
  'alerts_error_snooze_until',
] as const;

export type AlertMessageKey = (typeof ALERT_MESSAGE_KEYS)[number];

/** One argument: text shown as it is, or a number the UI formats for the locale. */
export type AlertArg = { text: string } | { number: number };

/**
 * A message: `key` with its arguments, or, when a count decides the grammar, `one`/`other` with the
 * count (the first substitution) and the rest after it.
 */
export type AlertText =
  | { key: AlertMessageKey; args: readonly AlertArg[] }
  | { count: number; one: AlertMessageKey; other: AlertMessageKey; args: readonly AlertArg[] };

export const text = (value: string): AlertArg => ({ text: value });
export const num = (value: number): AlertArg => ({ number: value });
/** Order numbers are ids, not quantities: written as CertCentral writes them, never grouped. */
export const orderArg = (orderId: number): AlertArg => ({ text: String(orderId) });

export function say(key: AlertMessageKey, ...args: AlertArg[]): AlertText {
  return { key, args };
}

export function sayCount(
  count: number,
  one: AlertMessageKey,
  other: AlertMessageKey,
  ...args: AlertArg[]
): AlertText {
  return { count, one, other, args };
}
