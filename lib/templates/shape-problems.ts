/**
 * zod's issues about a template's shape, in our words (zod/mini carries no locale, and the popup
 * must not: its messages would be "Invalid input"). Every sentence says what to do.
 */
import type { z } from 'zod/mini';
import { EXPECTED_TYPE_WORDS, PRODUCTS } from '../order';
import { type TemplateProblem, templateProblem } from './problems';

// A template's fields are records, which the order model never has.
const EXPECTED: Record<string, string> = { ...EXPECTED_TYPE_WORDS, record: 'an object { ... }' };

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
      const echo = typeof got === 'string' && /^[a-z_]{1,40}$/i.test(got) ? `"${got}" ` : '';
      const what = got === undefined ? 'is missing' : `${echo}is not a product this extension can order`;
      return templateProblem(path, 'unknown_product', `${what}; use one of ${known}.`);
    }
    return templateProblem(path, 'invalid_shape', describe(issue, valueAt(raw, issue.path)));
  });
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return input === undefined ? `is required but missing; add ${expected}.` : `must be ${expected}.`;
    }
    case 'too_small':
      return issue.origin === 'string' ? 'is empty; fill it in.' : `must be at least ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `is longer than ${issue.maximum} characters; shorten it.`
        : `must be at most ${issue.maximum}.`;
    case 'invalid_format':
      return issue.format === 'uuid'
        ? 'must be a UUID such as 2f1c8a52-3f1e-4a8e-9d51-0b6a1c2d3e4f; remove it to get a new one.'
        : 'must be a date and time such as 2025-01-31T12:00:00.000Z.';
    case 'unrecognized_keys':
      return `has ${issue.keys.map((k) => `"${k}"`).join(', ')}, which a template does not know; remove it.`;
    case 'invalid_union':
      return 'needs a source: "fixed" with a value, "asked" (optionally with default, label, help), "renewal" or "csr".';
    default:
      return 'is not valid here; check it against an exported template.';
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
