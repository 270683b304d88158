// Which advice fits which CertCentral error: one table, code pattern → kind → title and advice.
// Codes, statuses and roles are listed with their sources in docs/error-codes.md. Only types come
// from ./errors, so there is no import cycle.
import { ERROR_LIMITS, tidyText } from './error-body';
import type { ApiErrorItem, CertCentralError } from './errors';

/** True if `actual` equals `wanted` or starts with `wanted|` / `wanted:` (DigiCert qualifies codes so). */
export function codeMatches(actual: string, wanted: string): boolean {
  return actual === wanted || actual.startsWith(`${wanted}|`) || actual.startsWith(`${wanted}:`);
}

const segments = (code: string) => code.toLowerCase().split(/[|:]/);

export type AdviceKind =
  | 'invalid-key'
  | 'missing-permission'
  | 'rate-limit'
  | 'order-not-found'
  | 'product-not-found'
  | 'csr'
  | 'validity'
  | 'invalid-value'
  | 'bad-request-format'
  | 'caa'
  | 'duplicate'
  | 'server'
  | 'not-found'
  | 'forbidden'
  | 'unknown';

/** What was being done: the role a restricted key lacks depends on it. */
export type CallHint = 'orders' | 'organizations' | 'users' | 'other-write';

type Context = { status: number | undefined; code: string; hint: CallHint | undefined };
type Rule = {
  kind: AdviceKind;
  title: string;
  code?: (code: string) => boolean;
  status?: (status: number) => boolean;
  advice: (c: Context) => string;
};

const REFUSED = 'CertCentral refused the request.';
const INVALID_KEY_CODES = new Set(['access_denied_invalid_key', 'invalid_api_key', 'missing_api_key']);

const ROLE_ADVICE: Record<CallHint | 'none', string> = {
  orders:
    'A View Only key (role 102) can read but cannot place, reissue or cancel orders: that needs a key ' +
    'without restrictions or with the Orders role (100).',
  organizations:
    'Organizations and domains need a key without restrictions or with the Orders, Domains, ' +
    'Organizations role (101).',
  users: 'Listing users needs a key without restrictions or with the User Management role (103).',
  'other-write': 'A View Only key (role 102) can only read.',
  none:
    'Check its restriction in CertCentral under Automation › API Keys (100 Orders, 101 Orders, Domains, ' +
    'Organizations, 102 View Only, 103 User Management) or use a key without restrictions.',
};

/** In order: the first rule whose code fits any error wins; failing that, the first whose status fits. */
const RULES: readonly Rule[] = [
  {
    kind: 'invalid-key',
    title: 'This API key is not valid.',
    // The real answer to a key that does not exist is 403 `access_denied|access_denied_invalid_key`:
    // matched before `missing_permission`, which needs the opposite advice.
    code: (code) => segments(code).some((s) => INVALID_KEY_CODES.has(s)),
    status: (status) => status === 401,
    advice: () =>
      'This API key is not valid (revoked or mistyped): CertCentral refused the API key. Paste it again ' +
      'or create a new one under Automation › API Keys. Also check the region: a key from the US console ' +
      '(www.digicert.com) does not exist in CertCentral Europe (certcentral.digicert.eu), and the other way round.',
  },
  {
    kind: 'missing-permission',
    title: 'This API key may not do this.',
    code: (code) => segments(code).includes('missing_permission'),
    advice: ({ hint }) =>
      `This API key is restricted and may not do this, or the user it belongs to may not. ${ROLE_ADVICE[hint ?? 'none']}`,
  },
  {
    kind: 'rate-limit',
    title: "CertCentral's rate limit was reached.",
    code: (code) => codeMatches(code, 'request_limit_exceeded'),
    status: (status) => status === 429,
    advice: () =>
      "CertCentral's rate limit for this API key was reached (1000 requests per 3 minutes, 100 per 5 " +
      'seconds). Wait a few minutes and try again; other tools using the same key count too.',
  },
  {
    kind: 'order-not-found',
    title: 'Order not found in this account.',
    code: (code) => codeMatches(code, 'not_found|order'),
    advice: () =>
      'CertCentral found no such order in this account: check the order number, and that the order ' +
      'belongs to this account and region.',
  },
  {
    kind: 'product-not-found',
    title: REFUSED,
    code: (code) => codeMatches(code, 'not_found|product'),
    advice: () => 'This product is not available to this CertCentral account: choose one the account offers.',
  },
  {
    kind: 'csr',
    title: REFUSED,
    code: (code) => code.toLowerCase().startsWith('csr_'),
    advice: () =>
      'CertCentral could not use the CSR: it may be incomplete or damaged (include the whole BEGIN/END ' +
      'CERTIFICATE REQUEST block), or its key or names are not allowed. Create a new CSR and try again.',
  },
  {
    kind: 'validity',
    title: REFUSED,
    code: (code) => codeMatches(code, 'cert_validity_exceeds_order_validity'),
    advice: () =>
      "The certificate's validity cannot be longer than the order's validity: choose a shorter certificate " +
      'validity or a longer order validity.',
  },
  {
    kind: 'invalid-value',
    title: REFUSED,
    code: (code) => codeMatches(code, 'invalid_value'),
    advice: ({ code }) => {
      const field = tidyText(code.slice('invalid_value'.length + 1), 60);
      return field
        ? `CertCentral refused the value of "${field}": correct it and try again.`
        : 'CertCentral refused one of the values sent: correct it and try again.';
    },
  },
  {
    kind: 'bad-request-format',
    title: REFUSED,
    code: (code) => codeMatches(code, 'bad_request_format'),
    advice: () =>
      'CertCentral could not read the request: this is a fault in the extension, not in your data, and ' +
      'nothing was changed. Please report it.',
  },
  {
    kind: 'caa',
    title: REFUSED,
    code: (code) => codeMatches(code, 'caa_check_failed') || codeMatches(code, 'caa_not_found'),
    advice: () =>
      "The domain's DNS CAA records do not allow DigiCert to issue for it: add a CAA record for " +
      'digicert.com (or remove the one that excludes it), wait for DNS to update, then try again.',
  },
  {
    kind: 'duplicate',
    title: REFUSED,
    code: (code) => segments(code).some((s) => s.includes('duplicate') || s === 'already_exists'),
    advice: () =>
      'CertCentral says this already exists (a duplicate). Check the order list before trying again.',
  },
  {
    kind: 'server',
    title: 'CertCentral had a server problem.',
    status: (status) => status >= 500,
    advice: ({ status }) => `CertCentral had a server problem (HTTP ${status}). Try again in a few minutes.`,
  },
  {
    kind: 'not-found',
    title: REFUSED,
    code: (code) => codeMatches(code, 'not_found'),
    status: (status) => status === 404,
    advice: ({ status }) => `CertCentral could not find what was asked for (HTTP ${status ?? '?'}).`,
  },
  {
    kind: 'forbidden',
    title: REFUSED,
    code: (code) => codeMatches(code, 'access_denied'),
    status: (status) => status === 403,
    advice: ({ status }) =>
      `CertCentral refused this action for your account or key (HTTP ${status ?? '?'}).`,
  },
];

const UNKNOWN: Rule = {
  kind: 'unknown',
  title: REFUSED,
  advice: ({ status }) => `CertCentral rejected the request (HTTP ${status ?? '?'}).`,
};

export type Advice = { kind: AdviceKind; title: string; advice: string };

/** The rule that fits an HTTP error's codes (first) or status (then). */
export function adviceFor(
  errors: readonly ApiErrorItem[],
  status: number | undefined,
  hint?: CallHint,
): Advice {
  const kept = errors.slice(0, ERROR_LIMITS.items);
  let rule: Rule = UNKNOWN;
  let code = '';
  find: for (const r of RULES) {
    for (const e of kept) {
      if (r.code?.(e.code)) {
        [rule, code] = [r, e.code];
        break find;
      }
    }
  }
  if (rule === UNKNOWN && status !== undefined) rule = RULES.find((r) => r.status?.(status)) ?? UNKNOWN;
  return { kind: rule.kind, title: rule.title, advice: rule.advice({ status, code, hint }) };
}

/** For a stored UserError (the settings' connection test): did CertCentral call the key itself invalid? */
export function isInvalidKeyAnswer(code: string | undefined, status: number | undefined): boolean {
  return adviceFor(code ? [{ code, message: '' }] : [], status).kind === 'invalid-key';
}

/** The call from the transport's message (`GET /organization failed …`), for the role advice. */
export function callHintOf(err: Pick<CertCentralError, 'message'>): CallHint | undefined {
  const match = /^(GET|POST|PUT|DELETE|PATCH) (\/[^\s?]{0,200})/.exec(err.message.slice(0, 220));
  if (!match) return undefined;
  const [, method, path = ''] = match;
  if (/^\/(organization|domain)(\/|$)/.test(path)) return 'organizations';
  if (/^\/user(\/(?!me$)|$)/.test(path)) return 'users';
  if (method === 'GET') return undefined;
  return /^\/(order|certificate|request)(\/|$)/.test(path) ? 'orders' : 'other-write';
}
