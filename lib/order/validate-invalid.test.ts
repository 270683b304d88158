import { describe, expect, it } from 'vitest';
import { EV, problemsOf, TODAY } from './testing/bodies';
import { INVALID_BY_FIELDS } from './testing/invalid-fields';
import { INVALID_BY_RULES } from './testing/invalid-rules';
import { validateOrderRequest } from './validate';

const INVALID = [...INVALID_BY_RULES, ...INVALID_BY_FIELDS];

describe('validateOrderRequest: invalid bodies', () => {
  it('has at least 25 cases', () => expect(INVALID.length).toBeGreaterThanOrEqual(25));

  it.each(INVALID)('$name', ({ body, product, renewal, problems }) => {
    const result = validateOrderRequest(body, {
      product: product ?? EV,
      today: TODAY,
      renewal: renewal ?? false,
    });
    expect(result.ok).toBe(false);
    expect(problemsOf(result)).toEqual([...problems].sort());
  });
});
