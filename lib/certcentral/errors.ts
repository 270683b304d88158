// The one error type the API client throws. Source: DigiCert's errors page (docs/error-codes.md):
// errors are HTTP 4xx/5xx with body {"errors":[{"code","message"}]}, codes often pipe-qualified
// (`not_found|order`, `access_denied|missing_permission`); show `message`, keep `code` for logic.
// Reading bodies of every shape is error-body.ts; which advice fits which code is error-advice.ts.
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { adviceFor, type CallHint, callHintOf, codeMatches } from './error-advice';
import { capText, ERROR_LIMITS, readErrorBody, tidyText } from './error-body';

export { codeMatches } from './error-advice';

export type CertCentralErrorKind = 'http' | 'timeout' | 'network' | 'invalid-response';

export interface ApiErrorItem {
  code: string;
  message: string;
}

export interface CertCentralErrorInit {
  kind: CertCentralErrorKind;
  message: string;
  status?: number;
  errors?: ApiErrorItem[];
  /** How many more errors the body listed than `errors` keeps. */
  moreErrors?: number;
  /** A body that was not JSON (a gateway's HTML page), as one short line. */
  bodyText?: string;
  /** The request was a POST/PUT (not safe to repeat blindly). */
  unsafeMethod?: boolean;
  cause?: unknown;
}

export class CertCentralError extends Error {
  override readonly name = 'CertCentralError';
  readonly kind: CertCentralErrorKind;
  readonly status?: number;
  readonly errors: ApiErrorItem[];
  readonly moreErrors: number;
  readonly bodyText?: string;
  /** Trying the same request again later may succeed: 429, 5xx, timeout, network. */
  readonly retryable: boolean;
  /**
   * The server may have acted even though we got no usable answer: a POST/PUT that timed out, lost
   * its connection, got a 5xx or a body we could not read. For an order this means "look it up by
   * alternative_order_id before sending again" (md: "Duplicate orders and alternative_order_id").
   */
  readonly outcomeUnknown: boolean;

  constructor(init: CertCentralErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.moreErrors = init.moreErrors ?? 0;
    if (init.bodyText) this.bodyText = init.bodyText;
    this.retryable = isRetryable(init.kind, init.status);
    this.outcomeUnknown =
      init.unsafeMethod === true &&
      (init.kind !== 'http' || (init.status !== undefined && init.status >= 500));
  }

  /** True if any error code equals `code` or starts with `code|` / `code:` (pipe-qualified codes). */
  hasCode(code: string): boolean {
    return this.errors.some((e) => codeMatches(e.code, code));
  }
}

function isRetryable(kind: CertCentralErrorKind, status: number | undefined): boolean {
  if (kind === 'timeout' || kind === 'network') return true;
  if (kind !== 'http' || status === undefined) return false;
  return status === 429 || status >= 500;
}

export function isCertCentralError(err: unknown): err is CertCentralError {
  return err instanceof CertCentralError;
}

/**
 * Every `{code, message}` an error body holds, whatever its shape (list, single object, top-level
 * code/message, `{"error": …}`, text, an HTML page's title), at most ERROR_LIMITS.items, each capped.
 */
export function parseErrorBody(text: string): ApiErrorItem[] {
  return readErrorBody(text).items;
}

/**
 * The error for a non-2xx answer. `text` must already be redacted: a length cap could cut the key in
 * half where `clean` would no longer find it (it runs again on the items, for escaped forms).
 */
export function errorFromBody(
  what: string,
  status: number,
  text: string,
  unsafeMethod: boolean,
  clean: (s: string) => string = (s) => s,
): CertCentralError {
  const body = readErrorBody(text);
  const items = body.items.map((e) => ({ code: clean(e.code), message: clean(e.message) }));
  const detail =
    items.length > 0 ? listItems(items, body.more, (n) => `(and ${n} more)`) : 'no error details';
  return new CertCentralError({
    kind: 'http',
    status,
    // Only a JSON body is DigiCert speaking; a proxy's page is kept as text, not as error codes.
    ...(body.json ? { errors: items, moreErrors: body.more } : { bodyText: items[0]?.message }),
    unsafeMethod,
    message: `${what} failed with HTTP ${status} (${capText(detail, 400)})`,
  });
}

/**
 * `code: message; code: message (and N more)`, each item capped. The error's own message (for logs)
 * says the rest in English; the sentence shown to people says it in their language.
 */
function listItems(items: readonly ApiErrorItem[], more: number, andMore: (n: number) => string): string {
  const said = items.slice(0, ERROR_LIMITS.items).map((e) => {
    const code = tidyText(e.code, ERROR_LIMITS.code);
    const message = tidyText(e.message, ERROR_LIMITS.message);
    return code && message ? `${code}: ${message}` : code || message;
  });
  const rest = more + Math.max(0, items.length - ERROR_LIMITS.items);
  return said.filter(Boolean).join('; ') + (rest > 0 ? ` ${andMore(rest)}` : '');
}

/** Replace every occurrence of `secret` (the API key) so it can never leak through a message. */
export function redact(text: string, secret: string): string {
  if (secret.length === 0) return text;
  return text.split(secret).join('[redacted]');
}

/**
 * One sentence (at most ERROR_LIMITS.sentence characters) a certificate administrator can act on:
 * the advice that fits the error (error-advice.ts), then DigiCert's own code and message. `hint` says
 * what was being done when the transport's message cannot tell (it names the method and path).
 */
export function describeCertCentralError(err: unknown, hint?: CallHint): string {
  if (!(err instanceof CertCentralError)) {
    const text = err instanceof Error ? err.message : String(err);
    return capText(t('common_error_unexpected', tidyText(text, ERROR_LIMITS.message)), ERROR_LIMITS.sentence);
  }
  const tail = err.outcomeUnknown ? ` ${t('common_error_maybe_processed')}` : '';
  const room = ERROR_LIMITS.sentence - tail.length;
  switch (err.kind) {
    case 'timeout':
      return `${t('common_error_timeout')}${tail}`;
    case 'network':
      return `${t('common_error_network')}${tail}`;
    case 'invalid-response': {
      const works = err.outcomeUnknown ? '' : ` ${t('common_error_nothing_changed')}`;
      // The message's own words take their share of the room; CertCentral's text gets the rest.
      const words = t('common_error_shape', '').length;
      const what = tidyText(err.message, room - words - works.length);
      return `${t('common_error_shape', what)}${works}${tail}`;
    }
    case 'http': {
      const { advice } = adviceFor(err.errors, err.status, hint ?? callHintOf(err));
      const items = listItems(err.errors, err.moreErrors, (n) => t('common_error_and_more', formatNumber(n)));
      const said = items
        ? ` ${t('common_error_said', items)}`
        : err.bodyText
          ? ` ${t('common_error_server_said', err.bodyText)}`
          : '';
      return capText(`${advice}${said}`, room) + tail;
    }
  }
}

/** A title for the error: "could not be reached" only when nothing answered. */
export function certCentralErrorTitle(err: CertCentralError, hint?: CallHint): string {
  switch (err.kind) {
    case 'network':
      return t('common_error_reached_title');
    case 'timeout':
      return t('common_error_timeout_title');
    case 'invalid-response':
      return t('common_error_shape_title');
    case 'http':
      return adviceFor(err.errors, err.status, hint ?? callHintOf(err)).title;
  }
}
