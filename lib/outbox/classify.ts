// What an error on the order POST means for the submission.  and
// docs/certcentral-api.md "Duplicate orders and alternative_order_id".
import { CertCentralError, describeCertCentralError } from '../certcentral/errors';
import { t } from '../i18n';
import type { ApiMessage } from './entry';

export type PostOutcome =
  /** The order may exist: look it up by alternative_order_id before any resend. */
  | 'unknown'
  /**
   * The account enforces unique alternative order ids and says this one is taken: it was placed (for
   * a renewal's first POST, by someone else: send.ts asks renewal-guard.ts, never claims it).
   */
  | 'already-placed'
  /** CertCentral refused the order: nothing was placed. */
  | 'refused';

/**
 * - timeout, dropped connection, 5xx, unreadable 2xx → the server may have stored it (`outcomeUnknown`);
 * - 429 → refused by the rate limiter, but treated the same way: the lookup costs one GET and a
 *   proxy's 429 is no proof that nothing reached CertCentral;
 * - anything that is not a CertCentralError is a bug in between: assume the worst, look it up.
 */
export function classifyPostError(err: unknown): PostOutcome {
  if (!(err instanceof CertCentralError)) return 'unknown';
  if (err.outcomeUnknown || err.status === 429) return 'unknown';
  if (isUniqueAlternativeIdRefusal(err)) return 'already-placed';
  return 'refused';
}

/**
 * No answer came back although the request left: a timeout, a dropped connection, an unreadable 2xx,
 * or a gateway's 502/504 (the gateway gave up; the application behind it may not have). CertCentral
 * may still be processing it. A 500, 503 or 429 is the server's own answer: it is done with it.
 */
export function answerMayStillArrive(err: unknown): boolean {
  if (!(err instanceof CertCentralError)) return true;
  if (err.kind === 'timeout' || err.kind === 'network' || err.kind === 'invalid-response') return true;
  return err.status === 502 || err.status === 504;
}

/**
 * A 4xx whose code or message says the alternative_order_id is already used. DigiCert's exact code is
 * not documented; the sandbox uses `duplicate_alternative_order_id`, so any mention of the field with
 * duplicate/unique/already/exists is taken to mean "already placed": reconcile, never fail.
 */
export function isUniqueAlternativeIdRefusal(err: CertCentralError): boolean {
  if (err.kind !== 'http' || err.status === undefined || err.status < 400 || err.status >= 500) return false;
  return err.errors.some((e) => {
    const text = `${e.code} ${e.message}`.toLowerCase();
    const mentionsField = /alternative[_ ]order[_ ]id|alternate[_ ]order[_ ]id/.test(text);
    return mentionsField && /duplicate|unique|already|exist/.test(text);
  });
}

/** Every `{code, message}` the API sent; for faults without a body, one line saying what happened. */
export function messagesOf(err: unknown): ApiMessage[] {
  if (err instanceof CertCentralError) {
    if (err.errors.length > 0) return err.errors.map((e) => ({ code: e.code, message: e.message }));
    return [{ code: err.status !== undefined ? `http_${err.status}` : err.kind, message: err.message }];
  }
  return [{ code: 'unexpected', message: err instanceof Error ? err.message : String(err) }];
}

/** A few words on what went wrong with an unanswered POST, for the entry's note. */
export function shortReason(err: unknown): string {
  if (!(err instanceof CertCentralError)) return t('history_reason_unexpected');
  if (err.kind === 'timeout') return t('history_reason_timeout');
  if (err.kind === 'network') return t('history_reason_network');
  if (err.kind === 'invalid-response') return t('history_reason_invalid');
  if (err.status === 429) return t('history_reason_rate_limit');
  return `HTTP ${err.status ?? '?'}`;
}

export function noteOf(err: unknown): string {
  return describeCertCentralError(err);
}

export function httpStatusOf(err: unknown): number | undefined {
  return err instanceof CertCentralError ? err.status : undefined;
}
