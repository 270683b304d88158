// Which advice fits which CertCentral error: one table, code pattern → kind → title and advice.
// Codes, statuses and roles are listed with their sources in docs/error-codes.md. Only types come
// from ./errors, so there is no import cycle.
import { type MessageKey, t } from '../i18n';
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
  title: MessageKey;
  code?: (code: string) => boolean;
  status?: (status: number) => boolean;
  advice: (c: Context) => string;
};

const REFUSED = 'common_error_refused';
const INVALID_KEY_CODES = new Set(['access_denied_invalid_key', 'invalid_api_key', 'missing_api_key']);

const ROLE_ADVICE: Record<CallHint | 'none', MessageKey> = {
  orders: 'common_error_role_orders',
  organizations: 'common_error_role_organizations',
  users: 'common_error_role_users',
  'other-write': 'common_error_role_write',
  none: 'common_error_role_none',
};

/** In order: the first rule whose code fits any error wins; failing that, the first whose status fits. */
const RULES: readonly Rule[] = [
  {
    kind: 'invalid-key',
    title: 'common_error_invalid_key_title',
    // The real answer to a key that does not exist is 403 `access_denied|access_denied_invalid_key`:
    // matched before `missing_permission`, which needs the opposite advice.
    code: (code) => segments(code).some((s) => INVALID_KEY_CODES.has(s)),
    status: (status) => status === 401,
    advice: () => t('common_error_invalid_key'),
  },
  {
    kind: 'missing-permission',
    title: 'common_error_permission_title',
    code: (code) => segments(code).includes('missing_permission'),
    advice: ({ hint }) => t('common_error_permission', t(ROLE_ADVICE[hint ?? 'none'])),
  },
  {
    kind: 'rate-limit',
    title: 'common_error_rate_limit_title',
    code: (code) => codeMatches(code, 'request_limit_exceeded'),
    status: (status) => status === 429,
    advice: () => t('common_error_rate_limit'),
  },
  {
    kind: 'order-not-found',
    title: 'common_error_order_not_found_title',
    code: (code) => codeMatches(code, 'not_found|order'),
    advice: () => t('common_error_order_not_found'),
  },
  {
    kind: 'product-not-found',
    title: REFUSED,
    code: (code) => codeMatches(code, 'not_found|product'),
    advice: () => t('common_error_product_not_found'),
  },
  {
    kind: 'csr',
    title: REFUSED,
    code: (code) => code.toLowerCase().startsWith('csr_'),
    advice: () => t('common_error_csr'),
  },
  {
    kind: 'validity',
    title: REFUSED,
    code: (code) => codeMatches(code, 'cert_validity_exceeds_order_validity'),
    advice: () => t('common_error_validity'),
  },
  {
    kind: 'invalid-value',
    title: REFUSED,
    code: (code) => codeMatches(code, 'invalid_value'),
    advice: ({ code }) => {
      const field = tidyText(code.slice('invalid_value'.length + 1), 60);
      return field ? t('common_error_invalid_value_field', field) : t('common_error_invalid_value');
    },
  },
  {
    kind: 'bad-request-format',
    title: REFUSED,
    code: (code) => codeMatches(code, 'bad_request_format'),
    advice: () => t('common_error_bad_format'),
  },
  {
    kind: 'caa',
    title: REFUSED,
    code: (code) => codeMatches(code, 'caa_check_failed') || codeMatches(code, 'caa_not_found'),
    advice: () => t('common_error_caa'),
  },
  {
    kind: 'duplicate',
    title: REFUSED,
    code: (code) => segments(code).some((s) => s.includes('duplicate') || s === 'already_exists'),
    advice: () => t('common_error_duplicate'),
  },
  {
    kind: 'server',
    title: 'common_error_server_title',
    status: (status) => status >= 500,
    advice: ({ status }) => t('common_error_server', String(status ?? '?')),
  },
  {
    kind: 'not-found',
    title: REFUSED,
    code: (code) => codeMatches(code, 'not_found'),
    status: (status) => status === 404,
    advice: ({ status }) => t('common_error_not_found', String(status ?? '?')),
  },
  {
    kind: 'forbidden',
    title: REFUSED,
    code: (code) => codeMatches(code, 'access_denied'),
    status: (status) => status === 403,
    advice: ({ status }) => t('common_error_forbidden', String(status ?? '?')),
  },
];

const UNKNOWN: Rule = {
  kind: 'unknown',
  title: REFUSED,
  advice: ({ status }) => t('common_error_unknown', String(status ?? '?')),
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
  return { kind: rule.kind, title: t(rule.title), advice: rule.advice({ status, code, hint }) };
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
