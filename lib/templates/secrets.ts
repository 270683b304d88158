/**
 * A template can never hold an API key, a card number or a CVV: secrets are never exported, because
 * there are none in templates. This scan runs on everything a template is made from, before and
 * beside the shape check, so a secret is refused wherever it hides: a fixed value, an asked default,
 * a label, the description, a key nobody expected. Messages never repeat the secret.
 */
import { t } from '../i18n';
import { fieldInfo, MAX_DEPTH, MAX_ENTRIES, MAX_TEXT_LENGTH } from '../order';
import { type TemplateProblem, templateProblem } from './problems';

/** Key names that only ever carry a secret (compared without case, `-`, `_` or spaces). */
const SECRET_KEYS = new Set(['apikey', 'xdcdevkey', 'devkey', 'cvv', 'cvv2', 'cvc', 'cardnumber']);

/**
 * Runs of digits, allowing the single spaces or dashes people type between groups, standing alone:
 * digits inside a longer token (a thumbprint, a serial number in hex) are not a card someone typed.
 */
const DIGIT_RUN = /(?<![0-9A-Za-z])\d(?:[ -]?\d)*(?![0-9A-Za-z])/g;
/** UUIDs (template ids) are dash-separated digit groups too; they are taken out before looking. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The Luhn checksum every payment card number passes (ISO/IEC 7812-1). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** True when the text contains something shaped like a card number (13–19 digits passing Luhn). */
export function looksLikeCardNumber(value: string | number): boolean {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? value.toFixed(0) : '') : value;
  for (const run of text.replace(UUID, ' ').match(DIGIT_RUN) ?? []) {
    const digits = run.replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return true;
  }
  return false;
}

function isSecretKey(key: string): boolean {
  // Field paths of the order body (credit_card.cvv) are judged by check.ts: asked, never stored.
  if (fieldInfo(key)) return false;
  const last = key.split('.').pop() ?? key;
  const norm = (s: string) => s.toLowerCase().replace(/[-_ ]/g, '');
  return SECRET_KEYS.has(norm(key)) || SECRET_KEYS.has(norm(last));
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (parent === 'fields') return `fields[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

type Visit = (path: string, value: unknown, key: string | undefined) => void;

/**
 * Recursive, so it stops at MAX_DEPTH: checkTemplate refuses deeper values before scanning (see
 * lib/order/bounds.ts), and a direct caller must not be able to overflow the stack either.
 */
function walk(value: unknown, path: string, visit: Visit, key?: string, depth = 0): void {
  visit(path, value, key);
  if (depth >= MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(item, childPath(path, i), visit, undefined, depth + 1);
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) walk(v, childPath(path, k), visit, k, depth + 1);
}

/** Every secret found in a template (or anything meant to become one), with where it is. */
export function findSecrets(raw: unknown): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  walk(raw, '', (path, value, key) => {
    if (key !== undefined && isSecretKey(key))
      problems.push(templateProblem(path, 'secret_field', t('settings_check_secret_key', key)));
    if ((typeof value === 'string' || typeof value === 'number') && looksLikeCardNumber(value))
      problems.push(templateProblem(path, 'card_number', t('settings_check_card_number')));
  });
  return problems;
}

/**
 * A copy with every secret removed, for keeping a broken template aside (stored-list.ts): what is kept
 * must not hold a card number the template check refused. It must not be huge or deep either (the
 * template may have been kept aside for being so): past the limits of lib/order/bounds.ts, parts are
 * replaced by a note. Entries are defined, not assigned, so a "__proto__" key stays an entry.
 */
export function redactSecrets(raw: unknown): unknown {
  return redact(raw, 0);
}

function redact(raw: unknown, depth: number): unknown {
  if (typeof raw === 'string' && raw.length > MAX_TEXT_LENGTH) return '[removed: too long]';
  if (typeof raw === 'string' || typeof raw === 'number')
    return looksLikeCardNumber(raw) ? '[removed: looked like a card number]' : raw;
  if (raw === null || typeof raw !== 'object') return raw;
  if (depth >= MAX_DEPTH) return '[removed: nested too deep]';
  if (Array.isArray(raw))
    return raw.length > MAX_ENTRIES
      ? '[removed: too many entries]'
      : raw.map((item) => redact(item, depth + 1));
  const entries = Object.entries(raw);
  if (entries.length > MAX_ENTRIES) return '[removed: too many entries]';
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    let kept: unknown;
    if (isSecretKey(k)) kept = '[removed: secret]';
    // Any card field kept aside loses its value: only its source is worth keeping.
    else if (k.startsWith('credit_card.') && v !== null && typeof v === 'object') kept = { source: 'asked' };
    else kept = redact(v, depth + 1);
    Object.defineProperty(out, k, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
