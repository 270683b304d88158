import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from './bounds';
import { ORDER_FIELDS } from './fields';
import type { Problem } from './problem';
import { EV, fullBody, minimalBody, OV, TODAY } from './testing/bodies';
import { type ValidationResult, validateOrderRequest } from './validate';

/**
 * validateOrderRequest is the order model's entry point: whatever it is given, it returns problems or
 * ok, never throws, and every problem says where it is in a sentence of readable length.
 */
const RUNS = { seed: 42, numRuns: 1000 };
const PROTOTYPE_KEYS = [
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
];
/** Every name the body uses at some level, so generated objects hit the schema, not only miss it. */
const FIELD_KEYS = [...new Set(ORDER_FIELDS.flatMap((f) => f.path.replace(/\[\]/g, '').split('.')))];
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom(...FIELD_KEYS), fc.string());
const anything = fc.anything({
  key,
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});
const fields = fc.dictionary(key, anything, { maxKeys: 4 });
const options = fc.record({ product: fc.constantFrom(EV, OV), renewal: fc.boolean() });

function wellFormed(problem: Problem): void {
  expect(typeof problem.path).toBe('string');
  expect(typeof problem.code).toBe('string');
  expect(problem.message.startsWith(problem.path)).toBe(true);
  expect(problem.message.length).toBeLessThan(1000);
}

function expectResult(result: ValidationResult): void {
  result.warnings.forEach(wellFormed);
  if (result.ok) expect(typeof result.request).toBe('object');
  else {
    expect(result.problems.length).toBeGreaterThan(0);
    result.problems.forEach(wellFormed);
  }
}

const run = (body: unknown, opts: { product: typeof EV; renewal: boolean }) =>
  validateOrderRequest(body, { ...opts, today: TODAY });

/** `{key: ...}` or `[...]` around a leaf, `levels` times, without recursion. */
function nested(levels: number, asList: boolean, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = asList ? [value] : { a: value };
  return value;
}

describe('validateOrderRequest on any value', () => {
  it('never throws on anything at all', () => {
    fc.assert(
      fc.property(anything, options, (body, opts) => expectResult(run(body, opts))),
      RUNS,
    );
  });

  it('never throws on a real body with hostile keys and values mixed in at every level', () => {
    const parts = fc.record({ root: fields, certificate: fields, organization: fields, entry: fields });
    const json = fc.boolean(); // through JSON, as a file would come: "__proto__" becomes an own key
    fc.assert(
      fc.property(parts, options, fc.boolean(), json, (p, opts, full, viaJson) => {
        const base = full ? fullBody() : minimalBody();
        const body = {
          ...base,
          ...p.root,
          certificate: { ...(base.certificate as object), ...p.certificate },
          organization: { id: 1, contacts: [{ contact_type: 'ev_approver', ...p.entry }], ...p.organization },
          custom_fields: [{ metadata_id: 1, value: 'x', ...p.entry }],
        };
        let input: unknown = body;
        if (viaJson)
          try {
            input = JSON.parse(JSON.stringify(body));
          } catch {
            // a bigint: JSON cannot carry it, so that case is covered by the plain object alone
          }
        expectResult(run(input, opts));
      }),
      RUNS,
    );
  });

  it('refuses a field nested deeper than the limit, and only then', () => {
    const where = fc.constantFrom('comments', 'certificate', 'organization', 'custom_fields');
    fc.assert(
      fc.property(fc.nat(3000), fc.boolean(), where, options, (levels, asList, field, opts) => {
        const body = { ...minimalBody(), [field]: nested(levels, asList, 'x') };
        const result = run(body, opts);
        expectResult(result);
        const tooDeep = !result.ok && result.problems.some((p) => p.code === 'too_deep');
        // The field itself is one level, so the leaf sits levels + 1 deep.
        expect(tooDeep).toBe(levels + 1 > MAX_DEPTH);
      }),
      RUNS,
    );
  });
});
