import type { z } from 'zod/mini';
import { type MessageKey, t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { formatPath, type Problem, type ProblemCode, problem, show, valueAt } from './problem';

/** zod's names for types, in words, for messages about a value of the wrong type (also used by templates). */
export const EXPECTED_TYPE_WORDS: Record<string, MessageKey> = {
  string: 'common_check_type_string',
  number: 'common_check_type_number',
  int: 'common_check_type_int',
  boolean: 'common_check_type_boolean',
  object: 'common_check_type_object',
  array: 'common_check_type_array',
};

/** A zod type name in words; one this version does not know, as zod names it. */
export function expectedWords(expected: string, words: Record<string, MessageKey> = EXPECTED_TYPE_WORDS) {
  const key = words[expected];
  return key ? t(key) : expected;
}

/** Card data is never echoed back into a message (messages end up on screen and in logs). */
const SECRET = /^credit_card\b/;

/**
 * Turns zod's issues into Problems with our codes and sentences. Our own format checks carry their
 * code in params.code and their sentence in message; zod's built-in issues are worded here, so no zod
 * locale is needed in the popup bundle.
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], body: unknown): Problem[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    const input = valueAt(body, issue.path);
    const got = SECRET.test(path) ? '' : ` ${t('common_check_got', show(input))}`;
    const [code, text] = describe(issue, input, got);
    return problem(path, code, text);
  });
}

function describe(issue: z.core.$ZodIssue, input: unknown, got: string): [ProblemCode, string] {
  switch (issue.code) {
    case 'custom':
      return [(issue.params?.code as ProblemCode | undefined) ?? 'invalid_format', issue.message];
    case 'invalid_type': {
      const expected = expectedWords(issue.expected);
      if (input === undefined) return ['required', t('common_check_missing', expected)];
      return ['invalid_type', t('common_check_wrong_type', [expected, got])];
    }
    case 'invalid_value':
      return [
        'not_allowed',
        t('common_check_one_of', [issue.values.map((v) => JSON.stringify(v)).join(', '), got]),
      ];
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return ['empty', t('common_check_empty')];
      return [
        'too_small',
        limit(issue.origin, issue.inclusive === false ? 'more' : 'least', issue.minimum, got),
      ];
    case 'too_big':
      return [
        'too_big',
        limit(issue.origin, issue.inclusive === false ? 'less' : 'most', issue.maximum, got),
      ];
    case 'invalid_union':
      return ['invalid_type', t('common_check_wrong_kind', got)];
    default:
      return ['invalid_format', t('common_check_not_valid', got)];
  }
}

type Comparison = 'least' | 'more' | 'most' | 'less';
/** Each limit in words, by what is counted: a text's characters, a list's entries, or a number itself. */
const LIMITS: Record<'string' | 'array' | 'number', Record<Comparison, MessageKey>> = {
  string: {
    least: 'common_check_chars_at_least',
    more: 'common_check_chars_more_than',
    most: 'common_check_chars_at_most',
    less: 'common_check_chars_less_than',
  },
  array: {
    least: 'common_check_entries_at_least',
    more: 'common_check_entries_more_than',
    most: 'common_check_entries_at_most',
    less: 'common_check_entries_less_than',
  },
  number: {
    least: 'common_check_value_at_least',
    more: 'common_check_value_more_than',
    most: 'common_check_value_at_most',
    less: 'common_check_value_less_than',
  },
};

function limit(origin: string, comparison: Comparison, n: number | bigint, got: string): string {
  const counted = origin === 'string' || origin === 'array' ? origin : 'number';
  return t(LIMITS[counted][comparison], [formatNumber(Number(n)), got]);
}
