import type { z } from 'zod/mini';
import { formatPath, type Problem, type ProblemCode, problem, show, valueAt } from './problem';

/** zod's names for types, in words, for messages about a value of the wrong type (also used by templates). */
export const EXPECTED_TYPE_WORDS: Record<string, string> = {
  string: 'a text string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { ... }',
  array: 'a list [ ... ]',
};

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
    const got = SECRET.test(path) ? '' : ` (got ${show(input)})`;
    const [code, text] = describe(issue, input, got);
    return problem(path, code, text);
  });
}

function describe(issue: z.core.$ZodIssue, input: unknown, got: string): [ProblemCode, string] {
  switch (issue.code) {
    case 'custom':
      return [(issue.params?.code as ProblemCode | undefined) ?? 'invalid_format', issue.message];
    case 'invalid_type': {
      const expected = EXPECTED_TYPE_WORDS[issue.expected] ?? issue.expected;
      if (input === undefined) return ['required', `is required but missing; add it as ${expected}.`];
      return ['invalid_type', `must be ${expected}${got}.`];
    }
    case 'invalid_value':
      return [
        'not_allowed',
        `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${got}.`,
      ];
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return ['empty', 'is empty; fill it in or leave the field out.'];
      return [
        'too_small',
        `${limit(issue.origin, issue.inclusive === false ? 'more than' : 'at least', issue.minimum)}${got}.`,
      ];
    case 'too_big':
      return [
        'too_big',
        `${limit(issue.origin, issue.inclusive === false ? 'less than' : 'at most', issue.maximum)}${got}.`,
      ];
    case 'invalid_union':
      return ['invalid_type', `has a value of the wrong kind${got}; see the field list for what it accepts.`];
    default:
      return ['invalid_format', `is not valid${got}.`];
  }
}

function limit(origin: string, comparison: string, n: number | bigint): string {
  if (origin === 'string') return `must have ${comparison} ${n} characters`;
  if (origin === 'array') return `must have ${comparison} ${n} entries`;
  return `must be ${comparison} ${n}`;
}
