/**
 * zod's issues about a template's shape, in our words (zod/mini carries no locale, and the popup
 * must not: its messages would be "Invalid input"). Every sentence says what to do.
 */
import type { z } from 'zod/mini';
import { type MessageKey, t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { EXPECTED_TYPE_WORDS, PRODUCTS } from '../order';
import { type TemplateProblem, templateProblem } from './problems';

// A template's fields are records, which the order model never has.
const EXPECTED: Record<string, MessageKey> = { ...EXPECTED_TYPE_WORDS, record: 'common_check_type_object' };

/** `['fields', 'organization.id', 'value']` → `fields[organization.id].value`. */
export function templatePath(parts: readonly PropertyKey[]): string {
  let out = '';
  parts.forEach((part, i) => {
    if (typeof part === 'number') out += `[${part}]`;
    else if (i === 1 && parts[0] === 'fields') out += `[${String(part)}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  });
  return out;
}

export function shapeProblems(issues: readonly z.core.$ZodIssue[], raw: unknown): TemplateProblem[] {
  return issues.map((issue) => {
    const path = templatePath(issue.path);
    if (path === 'product') {
      const known = PRODUCTS.map((p) => p.nameId).join(', ');
      const got = valueAt(raw, issue.path);
      // Echo only what is plainly a product-like word: messages are shown and may be logged.
      const text =
        got === undefined
          ? t('settings_check_product_missing', known)
          : typeof got === 'string' && /^[a-z_]{1,40}$/i.test(got)
            ? t('settings_check_product_unknown', [got, known])
            : t('settings_check_product_unreadable', known);
      return templateProblem(path, 'unknown_product', text);
    }
    return templateProblem(path, 'invalid_shape', describe(issue, valueAt(raw, issue.path)));
  });
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const key = EXPECTED[issue.expected];
      const expected = key ? t(key) : issue.expected;
      return input === undefined
        ? t('settings_check_missing', expected)
        : t('settings_check_must_be', expected);
    }
    case 'too_small':
      return issue.origin === 'string'
        ? t('settings_check_empty')
        : t('settings_check_at_least', formatNumber(Number(issue.minimum)));
    case 'too_big':
      return issue.origin === 'string'
        ? t('settings_check_too_long', formatNumber(Number(issue.maximum)))
        : t('settings_check_at_most', formatNumber(Number(issue.maximum)));
    case 'invalid_format':
      return issue.format === 'uuid' ? t('settings_check_uuid') : t('settings_check_date_time');
    case 'unrecognized_keys':
      return t('settings_check_unknown_keys', issue.keys.map((k) => `"${k}"`).join(', '));
    case 'invalid_union':
      return t('settings_check_needs_source');
    default:
      return t('settings_check_not_valid');
  }
}

/** Own properties only: what the template has, not what every object inherits. */
function valueAt(root: unknown, parts: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return cur;
}
