// The one error type the API client throws. Source: certcentral-api.md "Transport":
// errors are HTTP 4xx/5xx with body {"errors":[{"code","message"}]}, codes often pipe-qualified
// (`not_found|order`, `access_denied|missing_permission`); show `message`, keep `code` for logic.

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
  /** The request was a POST/PUT (not safe to repeat blindly). */
  unsafeMethod?: boolean;
  cause?: unknown;
}

export class CertCentralError extends Error {
  override readonly name = 'CertCentralError';
  readonly kind: CertCentralErrorKind;
  readonly status?: number;
  readonly errors: ApiErrorItem[];
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

export function codeMatches(actual: string, wanted: string): boolean {
  return actual === wanted || actual.startsWith(`${wanted}|`) || actual.startsWith(`${wanted}:`);
}

export function isCertCentralError(err: unknown): err is CertCentralError {
  return err instanceof CertCentralError;
}

/** Every `{code, message}` from an error body; [] for non-JSON bodies (proxies answer 502 with HTML). */
export function parseErrorBody(text: string): ApiErrorItem[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof body !== 'object' || body === null) return [];
  const list = (body as { errors?: unknown }).errors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): ApiErrorItem[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { code, message } = item as { code?: unknown; message?: unknown };
    if (typeof code !== 'string' && typeof message !== 'string') return [];
    return [
      { code: typeof code === 'string' ? code : '', message: typeof message === 'string' ? message : '' },
    ];
  });
}

/** Replace every occurrence of `secret` (the API key) so it can never leak through a message. */
export function redact(text: string, secret: string): string {
  if (secret.length === 0) return text;
  return text.split(secret).join('[redacted]');
}

const KEY_HINT =
  'Check the key in the extension settings and that the region (US or Europe) matches your account.';

/**
 * One sentence a certificate administrator can act on. Codes per dev.digicert.com/errors and the md:
 * `access_denied|missing_permission` means the key's restriction (md "API keys can be restricted":
 * 100 Orders, 101 Orders+Domains+Organizations, 102 View Only, 103 User Management) forbids the call.
 */
export function describeCertCentralError(err: unknown): string {
  if (!(err instanceof CertCentralError)) {
    return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
  }
  const unknownOutcome = err.outcomeUnknown
    ? ' CertCentral may still have processed it: check the order list before trying again.'
    : '';
  switch (err.kind) {
    case 'timeout':
      return `CertCentral did not answer in time. Check your connection and try again.${unknownOutcome}`;
    case 'network':
      return `CertCentral could not be reached (network error). Check your internet connection, proxy or firewall.${unknownOutcome}`;
    case 'invalid-response':
      return `CertCentral answered with data this extension does not understand (${err.message}).${unknownOutcome}`;
    case 'http':
      return describeHttp(err) + unknownOutcome;
  }
}

function describeHttp(err: CertCentralError): string {
  const details = err.errors.map((e) => e.message || e.code).filter((m) => m.length > 0);
  const said = details.length > 0 ? ` CertCentral said: ${details.join('; ')}` : '';
  // A refused key is checked before access_denied: a bad key may also come as `access_denied|...`.
  if (err.status === 401 || err.errors.some((e) => /invalid_api_key|api_key|unauthori[sz]ed/.test(e.code))) {
    return `CertCentral refused the API key (it is wrong, revoked or for the other region). ${KEY_HINT}${said}`;
  }
  if (err.hasCode('access_denied')) {
    return (
      'This API key is restricted and may not do this (a View Only key, role 102, can read but cannot place ' +
      'or cancel orders). In CertCentral under Automation > API Keys, use a key without restrictions or with ' +
      `the Orders role.${said}`
    );
  }
  if (err.status === 429 || err.hasCode('request_limit_exceeded')) {
    return (
      "CertCentral's rate limit for this API key was hit (100 requests per 5 seconds, 1000 per 3 minutes). " +
      'Wait a minute and try again; other tools using the same key count too.'
    );
  }
  if (err.status === 403) {
    return `CertCentral refused this action for your account or key (HTTP 403).${said}`;
  }
  if (err.hasCode('not_found') || err.status === 404) {
    return `CertCentral could not find what was asked for (HTTP 404).${said}`;
  }
  if (err.status !== undefined && err.status >= 500) {
    return `CertCentral had a server problem (HTTP ${err.status}). Try again in a few minutes.${said}`;
  }
  return `CertCentral rejected the request (HTTP ${err.status ?? '?'}).${said}`;
}
