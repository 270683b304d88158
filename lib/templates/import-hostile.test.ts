import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../order';
import { checkTemplate } from './check';
import { applyImport } from './import-apply';
import { EXPORT_FORMAT, type ImportPlan, planImport } from './import-export';
import type { Template } from './model';
import { redactSecrets } from './secrets';
import { idMaker, LATER, makeTemplate } from './testing';

/**
 * Hostile import files: each is refused with a sentence that names the template and the place, and
 * the existing list is left as it was. None of them may throw (a stack overflow, a TypeError).
 */
const existing = (): Template[] => [
  makeTemplate({ name: 'EV shop' }, '00000000-0000-4000-8000-000000000001'),
];
const head = `{"format":"${EXPORT_FORMAT}","version":1,"templates":`;
const file = (templates: unknown[]) => `${head}${JSON.stringify(templates)}}`;
const template = (extra: Record<string, unknown>) => ({
  ...makeTemplate({ name: 'Hostile' }, '00000000-0000-4000-8000-0000000000a1'),
  ...extra,
});
const PROTOTYPE_KEYS = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

/** Plans the import on a copy of `existing()` and checks that the copy did not change. */
function refused(text: string): { path: string; code: string; message: string }[] {
  const list = existing();
  const before = structuredClone(list);
  const plan: ImportPlan = planImport(list, text, { now: LATER, newId: idMaker('ffff') });
  expect(list).toEqual(before);
  expect(plan.ok).toBe(false);
  return plan.ok ? [] : plan.problems;
}

describe('import refuses hostile files', () => {
  it.each(PROTOTYPE_KEYS)('refuses a template with a field named %s', (key) => {
    // A computed key is an own property even for "__proto__", as JSON.parse makes it.
    const problems = refused(file([template({ fields: { [key]: { source: 'fixed', value: 1 } } })]));
    expect(problems.map((p) => [p.path, p.code])).toEqual([[`templates[0].fields[${key}]`, 'unknown_field']]);
    expect(problems[0]?.message).toMatch(/^Template 1 "Hostile": fields\[.+\]: /);
  });

  it.each(PROTOTYPE_KEYS)('refuses a template with a key named %s', (key) => {
    const problems = refused(file([template({ [key]: { source: 'fixed' } })]));
    expect(problems.map((p) => [p.path, p.code])).toEqual([[`templates[0].${key}`, 'invalid_shape']]);
  });

  it('refuses a file with a key named __proto__ instead of its marker', () => {
    const text = `{"__proto__":{"format":"${EXPORT_FORMAT}","version":1,"templates":[]}}`;
    expect(refused(text).map((p) => p.code)).toEqual(['not_an_export']);
  });

  it('refuses a template nested thousands of levels deep', () => {
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const text = `${head}[{"name":"Deep","fields":{"comments":{"source":"fixed","value":${deep}}}}]}`;
    const [problem, ...rest] = refused(text);
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('templates[0].fields[comments].value[0][0]');
    expect(problem?.message).toContain(
      'Template 1 "Deep": fields[comments].value[0][0]: is nested more than 32',
    );
  });

  it('refuses a templates list that is itself deeply nested', () => {
    const text = `${head}${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect(refused(text).map((p) => [p.path, p.code])).toEqual([
      ['templates[0][0][0][0][0][0]', 'invalid_shape'],
    ]);
  });

  it('refuses 100,000 templates without looking at them', () => {
    const text = `${head}[${Array.from({ length: 100_000 }, () => '{}').join(',')}]}`;
    expect(text.length).toBeLessThan(1024 * 1024);
    const problems = refused(text);
    expect(problems.map((p) => p.code)).toEqual(['too_many']);
    expect(problems[0]?.message).toContain('holds 100,000 templates; at most 500');
  });

  it('refuses a huge string in a field', () => {
    const value = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    const problems = refused(file([template({ fields: { comments: { source: 'fixed', value } } })]));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['templates[0].fields[comments].value', 'invalid_shape'],
    ]);
    expect(problems[0]?.message).toContain(
      `is ${(MAX_TEXT_LENGTH + 1).toLocaleString('en-US')} characters long`,
    );
  });

  it('measures the size before parsing: a huge file that is not JSON is "too large"', () => {
    expect(refused(`{${'['.repeat(2 * 1024 * 1024)}`).map((p) => p.code)).toEqual(['too_large']);
  });
});

describe('stored templates and clash answers', () => {
  it('keeps a deep stored template aside instead of overflowing the stack', () => {
    let value: unknown = 1;
    for (let i = 0; i < 20_000; i++) value = { a: value };
    const raw = { ...makeTemplate(), fields: { comments: { source: 'fixed', value } } };
    const checked = checkTemplate(raw, 'incoming');
    expect(checked.ok ? [] : checked.problems.map((p) => p.code)).toEqual(['invalid_shape']);
    expect(JSON.stringify(redactSecrets(raw))).toContain('[removed: nested too deep]');
  });

  it('keeps a "__proto__" key as an entry when redacting', () => {
    const kept = redactSecrets(JSON.parse('{"__proto__":{"cvv":123}}')) as object;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(kept, '__proto__')?.value).toEqual({ cvv: '[removed: secret]' });
  });

  it('takes only own answers to a clash, never an inherited one', () => {
    const list = existing();
    const incoming = makeTemplate({ name: 'EV shop' }, '00000000-0000-4000-8000-0000000000b1');
    const plan = {
      ok: true as const,
      additions: [],
      clashes: [{ incoming, existing: list[0] as Template }],
      warnings: [],
    };
    const inherited = Object.create({ [incoming.id]: 'skip' });
    const names = applyImport(list, plan, inherited, idMaker('eeee')).map((t) => t.name);
    expect(names).toEqual(['EV shop', 'EV shop (2)']);
  });
});
