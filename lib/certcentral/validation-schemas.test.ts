import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  DOC_CHECK_DCV,
  DOC_DOMAIN_CHECK,
  DOC_ORDER_VALIDATION,
  DOC_RANDOM_VALUE,
} from './testing/validation-bodies';
import { VALIDATION_RESPONSE_SCHEMAS } from './validation-schemas';

describe('every validation schema is a tolerant reader', () => {
  const samples: Record<keyof typeof VALIDATION_RESPONSE_SCHEMAS, unknown> = {
    orderValidation: DOC_ORDER_VALIDATION,
    dcvCheck: DOC_CHECK_DCV,
    dcvRandomValue: DOC_RANDOM_VALUE,
    dcvMethod: DOC_RANDOM_VALUE,
    domainDcvCheck: DOC_DOMAIN_CHECK,
  };
  it.each(Object.entries(VALIDATION_RESPONSE_SCHEMAS))('%s keeps unknown fields', (name, { schema }) => {
    const out = z.parse(schema, { ...(samples[name as keyof typeof samples] as object), later: [1] });
    expect(out).toMatchObject({ later: [1] });
  });

  it('every top-level field but the required ones accepts null and absence', () => {
    const required = new Set(['dcv_random_value', 'status']);
    for (const [name, { schema }] of Object.entries(VALIDATION_RESPONSE_SCHEMAS)) {
      const sample = samples[name as keyof typeof samples] as Record<string, unknown>;
      for (const key of Object.keys(sample).filter((k) => !required.has(k))) {
        for (const value of [null, undefined]) {
          const copy = { ...sample, [key]: value };
          if (value === undefined) delete copy[key];
          expect(z.safeParse(schema, copy).success, `${name}.${key} ${String(value)}`).toBe(true);
        }
      }
    }
  });
});
