import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, ORDER_FIELDS, PRODUCT_NAME_IDS } from '../order';
import { EXPORT_FORMAT, type ImportPlan, planImport } from './import-export';
import type { Template } from './model';
import { findSecrets } from './secrets';
import { idMaker, LATER, makeTemplate } from './testing';

/**
 * planImport is the template import's entry point: any text ends in a plan or a refusal with reasons,
 * never in an exception, and no accepted template holds a secret.
 */
const RUNS = { seed: 42, numRuns: 1000 };
const existing = (): Template[] => [
  makeTemplate({ name: 'EV shop' }, '00000000-0000-4000-8000-000000000001'),
];
const head = `{"format":"${EXPORT_FORMAT}","version":1,"templates":`;

function plan(text: string): ImportPlan {
  const list = existing();
  const result = planImport(list, text, { now: LATER, newId: idMaker('ffff') });
  expect(list).toEqual(existing());
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) {
      expect(typeof p.path).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.message.length).toBeLessThan(2000);
    }
  }
  return result;
}

const PROTOTYPE_KEYS = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
const CARD_TEXT = ['4111111111111111', '4111 1111 1111 1111', '5500-0000-0000-0004', 'pay 378282246310005'];
const secretText = fc.constantFrom(...CARD_TEXT);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  secretText,
  fc.constant(4111111111111111),
  fc.constant({ cvv: 123 }),
);
const fieldKey = fc.oneof(
  fc.constantFrom(...ORDER_FIELDS.map((f) => f.path)),
  fc.constantFrom(...PROTOTYPE_KEYS, 'apiKey', 'X-DC-DEVKEY', 'cvv'),
  fc.string({ maxLength: 12 }),
);
const fieldValue = fc.oneof(
  fc.record({ source: fc.constant('fixed'), value }),
  fc.record(
    { source: fc.constant('asked'), default: value, label: fc.oneof(fc.string(), secretText) },
    { requiredKeys: ['source'] },
  ),
  fc.constant({ source: 'csr' }),
  fc.constant({ source: 'renewal' }),
);
const template = fc.record(
  {
    id: fc.uuid(),
    name: fc.oneof(fc.string({ minLength: 1 }), secretText),
    description: fc.oneof(fc.string(), secretText),
    product: fc.constantFrom(...PRODUCT_NAME_IDS, 'ssl_plus'),
    fields: fc.dictionary(fieldKey, fieldValue, { maxKeys: 5 }),
    extra: fc.dictionary(fieldKey, value, { maxKeys: 2 }),
  },
  { requiredKeys: ['name', 'product', 'fields'] },
);

describe('planImport on any input', () => {
  it('never throws on any string', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ maxLength: 200 }).map((s) => `${head}${s}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        plan(t);
      }),
      RUNS,
    );
  });

  it('never throws on any JSON, as a whole file or as its templates list', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), fc.boolean(), (json, asList) => {
        plan(asList ? `${head}${json}}` : json);
      }),
      RUNS,
    );
  });

  it('refuses a field value nested deeper than the limit, and only for that', () => {
    fc.assert(
      fc.property(fc.nat(3000), (levels) => {
        const value = `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;
        const one = `{"name":"Deep","product":"ssl_basic","fields":{"comments":{"source":"fixed","value":${value}}}}`;
        const result = plan(`${head}[${one}]}`);
        const tooDeep = !result.ok && result.problems.some((p) => p.message.includes('nested more than'));
        // fields, comments and value are three levels; the text sits `levels` further down.
        expect(tooDeep).toBe(3 + levels > MAX_DEPTH);
      }),
      RUNS,
    );
  });

  it('accepts or refuses templates with hostile keys and secrets, never keeping a secret', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(template, { maxLength: 3 }), (list) => {
        const templates = list.map(({ extra, ...t }) => ({ ...extra, ...t }));
        const result = plan(`${head}${JSON.stringify(templates)}}`);
        if (!result.ok) return;
        accepted += 1;
        for (const t of [...result.additions, ...result.clashes.map((c) => c.incoming)])
          expect(findSecrets(t)).toEqual([]);
      }),
      RUNS,
    );
    // Not vacuous: some generated files do get through.
    expect(accepted).toBeGreaterThan(10);
  });
});
