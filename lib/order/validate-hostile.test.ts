import { describe, expect, it } from 'vitest';
import { findLimitBreach, MAX_DEPTH, MAX_ENTRIES, MAX_TEXT_LENGTH, MAX_VALUES } from './bounds';
import { EV, minimalBody, pairs, patch, TODAY } from './testing/bodies';
import { type ValidationResult, validateOrderRequest } from './validate';

/**
 * Bodies a hostile or broken caller may send. Each ends in problems or warnings with a path, never in
 * an exception: prototype-named keys are unknown fields like any other, and values too deep, too wide
 * or too long are refused before any recursive check looks at them (bounds.ts).
 */
const validate = (body: unknown): ValidationResult =>
  validateOrderRequest(body, { product: EV, today: TODAY });
const unknownOf = (r: ValidationResult) => pairs(r.warnings.filter((w) => w.code === 'unknown_field'));
const problemsOf = (r: ValidationResult) => (r.ok ? [] : pairs(r.problems));
const PROTOTYPE_KEYS = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'] as const;

/** `{key: {key: ... leaf}}` n levels deep, built without recursion. */
function nested(levels: number, wrap: (inner: unknown) => unknown, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

describe('validateOrderRequest: keys named like Object.prototype members', () => {
  it('refuses a body with a key named toString', () => {
    const result = validate({ certificate: { toString: 'x' } });
    expect(result.ok).toBe(false);
    expect(problemsOf(result)).toContain('certificate.common_name required');
    expect(unknownOf(result)).toContain('certificate.toString unknown_field');
  });

  it('refuses a body with a key named constructor', () => {
    const result = validate({ constructor: {} });
    expect(problemsOf(result)).toContain('certificate required');
    expect(unknownOf(result)).toEqual(['constructor unknown_field']);
  });

  it.each(PROTOTYPE_KEYS)('reports %s as an unknown field wherever it is', (key) => {
    // JSON.parse makes "__proto__" an own key, as a file or a paste would.
    const json = (o: object) => JSON.parse(JSON.stringify(o).replaceAll('"KEY"', JSON.stringify(key)));
    const body = json(
      patch(minimalBody(), {
        KEY: 1,
        certificate: { KEY: 'x', cert_validity: { KEY: 1, days: 30 } },
        organization: { KEY: 'x', contacts: [{ contact_type: 'ev_approver', user_id: 1, KEY: 1 }] },
        custom_fields: [{ metadata_id: 1, value: 'x', KEY: 1 }],
        technical_contact: { first_name: 'J', last_name: 'D', email: 'j@example.com', KEY: 1 },
      }),
    );
    const result = validate(body);
    expect(result.ok).toBe(true);
    expect(unknownOf(result)).toEqual(
      [
        key,
        `certificate.${key}`,
        `certificate.cert_validity.${key}`,
        `organization.${key}`,
        `organization.contacts[0].${key}`,
        `custom_fields[0].${key}`,
        `technical_contact.${key}`,
      ]
        .map((path) => `${path} unknown_field`)
        .sort(),
    );
  });
});

describe('validateOrderRequest: values too deep, too wide or too long', () => {
  it('refuses a field nested thousands of levels deep, saying where', () => {
    const result = validate(patch(minimalBody(), { comments: nested(20_000, (v) => [v]) }));
    expect(problemsOf(result)).toEqual(['comments[0][0][0] too_deep']);
    const message = result.ok ? '' : result.problems[0]?.message;
    expect(message).toMatch(/^comments\[0\]\[0\]\[0\]: is nested more than 32 levels deep; an order body/);
  });

  it('refuses a deep object inside a known object', () => {
    const deep = nested(10_000, (v) => ({ a: v }));
    const result = validate(patch(minimalBody(), { certificate: { cert_validity: { days: deep } } }));
    expect(problemsOf(result)).toEqual(['certificate.cert_validity.days.a too_deep']);
  });

  it('accepts nesting up to the limit', () => {
    expect(findLimitBreach(nested(MAX_DEPTH, (v) => [v]))).toBeUndefined();
    expect(findLimitBreach(nested(MAX_DEPTH + 1, (v) => [v]))?.kind).toBe('too_deep');
  });

  it('refuses a body that contains itself', () => {
    const body: Record<string, unknown> = minimalBody();
    body.comments = body;
    expect(problemsOf(validate(body))).toEqual(['comments.comments.comments.comments too_deep']);
  });

  it('refuses a huge list', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `h${i}.example.com`);
    const result = validate(patch(minimalBody(), { certificate: { dns_names: names } }));
    expect(problemsOf(result)).toEqual(['certificate.dns_names too_many_entries']);
  });

  it('refuses a sparse list with a huge length without visiting it', () => {
    const list: unknown[] = [];
    list.length = 2 ** 31;
    expect(problemsOf(validate(patch(minimalBody(), { additional_emails: list })))).toEqual([
      'additional_emails too_many_entries',
    ]);
  });

  it('refuses an object with too many keys', () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => [`k${i}`, i]));
    expect(problemsOf(validate(patch(minimalBody(), { organization: wide })))).toEqual([
      'organization too_many_entries',
    ]);
  });

  it('refuses a huge string', () => {
    const result = validate(patch(minimalBody(), { comments: 'x'.repeat(MAX_TEXT_LENGTH + 1) }));
    expect(problemsOf(result)).toEqual(['comments too_long']);
  });

  it('refuses a huge key, showing only its start', () => {
    const result = validate({ ...minimalBody(), ['k'.repeat(100_000)]: 1 });
    expect(problemsOf(result)).toEqual([`${'k'.repeat(57)}... key_too_long`]);
  });

  it('refuses a body with too many values in all', () => {
    const lists = Array.from({ length: 30 }, () => Array.from({ length: MAX_ENTRIES }, () => 1));
    // The path is empty: the body as a whole is too big.
    expect(problemsOf(validate(patch(minimalBody(), { comments: lists })))).toEqual([' too_many_values']);
    expect(MAX_VALUES).toBeLessThan(30 * MAX_ENTRIES);
  });

  it('describes values JSON cannot show without throwing', () => {
    expect(problemsOf(validate(patch(minimalBody(), { comments: 10n })))).toEqual(['comments invalid_type']);
  });

  it('quotes only the start of a huge value in a message', () => {
    const name = `${'a'.repeat(60_000)}.example.com`;
    const result = validate(patch(minimalBody(), { certificate: { common_name: name } }));
    const message = result.ok ? '' : (result.problems[0]?.message ?? '');
    expect(message).toMatch(/^certificate\.common_name: "a{77}\.\.\." has 60,012 characters/);
  });

  it('refuses a CSR field made of many BEGIN lines (checked in linear time)', () => {
    const csr = '-----BEGIN CERTIFICATE REQUEST-----'.repeat(1800);
    const result = validate(patch(minimalBody(), { certificate: { csr } }));
    expect(problemsOf(result)).toEqual(['certificate.csr invalid_csr']);
  });
});
