import { beforeEach, describe, expect, it } from 'vitest';
import { listPrivate } from '../storage/private-store';
import { resetStorageForTests } from '../storage/testing';
import { applyImport } from './import-apply';
import { EXPORT_FORMAT, exportJson, exportTemplates, type ImportPlan, planImport } from './import-export';
import type { Template } from './model';
import { markUsed } from './operations';
import { exportStoredTemplates, planTemplateImport, saveImport, saveNewTemplate } from './saved';
import { readTemplates } from './storage';
import { evDraft, idMaker, LATER, makeTemplate, NOW } from './testing';

const existing = (): Template[] => [
  makeTemplate({ name: 'EV shop' }, '00000000-0000-4000-8000-000000000001'),
  makeTemplate({ name: 'OV intranet', product: 'ssl_basic' }, '00000000-0000-4000-8000-000000000002'),
];
const file = (templates: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: NOW.toISOString(), templates, ...extra });
const incoming = (name: string, id: string, overrides: Partial<Template> = {}) => ({
  ...makeTemplate({ name, ...overrides }, id),
});
const options = () => ({ now: LATER, newId: idMaker('ffff') });
const planned = (plan: ImportPlan) => {
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return plan;
};

beforeEach(resetStorageForTests);

describe('export', () => {
  it('writes the format marker and leaves out how often this browser used a template', () => {
    const list = markUsed(existing(), '00000000-0000-4000-8000-000000000001', NOW);
    const out = exportTemplates(list, LATER);
    expect(out).toMatchObject({
      format: 'certcentral-companion-templates',
      version: 1,
      exportedAt: LATER.toISOString(),
    });
    expect(out.templates[0]).not.toHaveProperty('lastUsedAt');
    expect(out.templates[0]).not.toHaveProperty('useCount');
  });

  it('round-trips: what is exported imports as the same templates', () => {
    const list = markUsed(existing(), '00000000-0000-4000-8000-000000000001', NOW);
    const plan = planned(planImport([], exportJson(list, LATER), options()));
    expect(plan.clashes).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.additions).toEqual(existing());
    expect(applyImport([], plan, {})).toEqual(existing());
  });

  it('exports one or all from storage', async () => {
    for (const name of ['A', 'B']) await saveNewTemplate(evDraft(name), NOW);
    const [a] = (await readTemplates()).templates;
    expect(JSON.parse(await exportStoredTemplates()).templates).toHaveLength(2);
    expect(
      JSON.parse(await exportStoredTemplates([a?.id ?? ''])).templates.map((t: Template) => t.name),
    ).toEqual(['A']);
  });
});

const cardInside = incoming('Card', '00000000-0000-4000-8000-0000000000c1', {
  fields: { ...evDraft().fields, comments: { source: 'fixed', value: 'card 4111111111111111' } },
});
const keyInside = { ...incoming('Key', '00000000-0000-4000-8000-0000000000c2'), api_key: 'ABCDEF' };
const brokenTemplate = { ...incoming('Broken', '00000000-0000-4000-8000-0000000000c3'), product: 'ssl_plus' };
const fixedCvv = incoming('Cvv', '00000000-0000-4000-8000-0000000000c4', {
  fields: { ...evDraft().fields, 'credit_card.cvv': { source: 'fixed', value: 123 } },
});

describe('import refuses a bad file with the reason, and nothing changes', () => {
  it.each([
    ['not JSON', '{"format": ', 'not_json', 'The file is not JSON.'],
    [
      'JSON but not an object',
      '[1, 2]',
      'not_an_export',
      'lacks "format": "certcentral-companion-templates"',
    ],
    [
      'wrong format marker',
      JSON.stringify({ format: 'something-else', version: 1, templates: [] }),
      'not_an_export',
      'not a templates export',
    ],
    ['a newer format version', file([], { version: 2 }), 'newer_version', 'Update the extension'],
    ['no templates list', file([], { templates: 'all' }), 'not_an_export', '"templates" list'],
    ['larger than 1 MB', file([], { padding: 'x'.repeat(1024 * 1024) }), 'too_large', 'larger than 1 MB'],
    [
      'more than 500 templates',
      file(Array.from({ length: 501 }, () => ({}))),
      'too_many',
      'holds 501 templates',
    ],
    [
      'a template that fails to parse',
      file([incoming('Fine', '00000000-0000-4000-8000-0000000000a1'), brokenTemplate]),
      'unknown_product',
      'Template 2 "Broken": product: "ssl_plus" is not a product',
    ],
    [
      'a card number inside',
      file([cardInside]),
      'card_number',
      'Template 1 "Card": fields[comments].value: looks like a card number',
    ],
    [
      'an API key inside',
      file([keyInside]),
      'secret_field',
      'Template 1 "Key": api_key: "api_key" would hold an API key',
    ],
    [
      'a fixed card code',
      file([fixedCvv]),
      'card_must_be_asked',
      'Template 1 "Cvv": fields[credit_card.cvv].source: card details can only be asked',
    ],
    ['a template that is not an object', file(['EV shop']), 'invalid_shape', 'Template 1: must be an object'],
  ])('%s', (_what, text, code, words) => {
    const list = existing();
    const before = structuredClone(list);
    const plan = planImport(list, text, options());
    expect(plan.ok).toBe(false);
    const problems = plan.ok ? [] : plan.problems;
    expect(problems[0]?.code).toBe(code);
    expect(problems[0]?.message).toContain(words);
    expect(JSON.stringify(problems)).not.toMatch(/4111111111111111|ABCDEF/);
    expect(list).toEqual(before);
  });

  it('reports every problem of every template at once, each with its template', () => {
    const plan = planImport(existing(), file([brokenTemplate, fixedCvv]), options());
    expect(plan.ok ? [] : plan.problems.map((p) => p.path)).toEqual([
      'templates[0].product',
      'templates[1].fields[credit_card.cvv].source',
    ]);
  });

  it('leaves storage as it was', async () => {
    await saveNewTemplate(evDraft('Kept'), NOW);
    const before = await listPrivate('');
    expect((await planTemplateImport(file([cardInside]))).ok).toBe(false);
    expect(await listPrivate('')).toEqual(before);
  });
});

describe('import: clashes, ids, hand-written files', () => {
  const text = file([
    incoming('ev shop', '00000000-0000-4000-8000-0000000000b1', { description: 'new version' }),
    incoming('OV intranet', '00000000-0000-4000-8000-0000000000b2'),
    incoming('Brand new', '00000000-0000-4000-8000-0000000000b3'),
  ]);

  it('reports name clashes for the person to decide, and applies replace, keep both and skip', () => {
    const plan = planned(planImport(existing(), text, options()));
    expect(plan.additions.map((t) => t.name)).toEqual(['Brand new']);
    expect(plan.clashes.map((c) => [c.incoming.name, c.existing.name])).toEqual([
      ['ev shop', 'EV shop'],
      ['OV intranet', 'OV intranet'],
    ]);

    const list = applyImport(existing(), plan, {
      '00000000-0000-4000-8000-0000000000b1': 'replace',
      '00000000-0000-4000-8000-0000000000b2': 'keep-both',
    });
    expect(list.map((t) => [t.name, t.id])).toEqual([
      ['ev shop', '00000000-0000-4000-8000-000000000001'],
      ['OV intranet', '00000000-0000-4000-8000-000000000002'],
      ['Brand new', '00000000-0000-4000-8000-0000000000b3'],
      ['OV intranet (2)', '00000000-0000-4000-8000-0000000000b2'],
    ]);
    expect(list[0]?.description).toBe('new version');

    const skipped = applyImport(existing(), plan, {
      '00000000-0000-4000-8000-0000000000b1': 'skip',
      '00000000-0000-4000-8000-0000000000b2': 'skip',
    });
    expect(skipped.map((t) => t.name)).toEqual(['EV shop', 'OV intranet', 'Brand new']);
    // No answer keeps both: nothing is lost.
    expect(applyImport(existing(), plan, {}).map((t) => t.name)).toEqual([
      'EV shop',
      'OV intranet',
      'Brand new',
      'ev shop (2)',
      'OV intranet (2)',
    ]);
  });

  it('gives a fresh id to an incoming template whose id is taken, and says so', () => {
    const plan = planned(
      planImport(existing(), file([incoming('Other', '00000000-0000-4000-8000-000000000001')]), options()),
    );
    expect(plan.additions[0]?.id).toBe('ffff0000-0000-4000-8000-000000000001');
    expect(plan.warnings.map((w) => w.code)).toEqual(['id_replaced']);
  });

  it('fills in a hand-written template’s id and dates, and moves a deprecated field with a warning', () => {
    const { 'order_validity.years': _, ...fields } = evDraft().fields;
    const hand = {
      name: 'By hand',
      product: 'ssl_basic',
      fields: { ...fields, validity_years: { source: 'fixed', value: 1 } },
    };
    const plan = planned(planImport([], file([hand]), options()));
    expect(plan.additions[0]).toMatchObject({
      id: 'ffff0000-0000-4000-8000-000000000001',
      createdAt: LATER.toISOString(),
      useCount: 0,
    });
    expect(plan.additions[0]?.fields['order_validity.years']).toEqual({ source: 'fixed', value: 1 });
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'Template 1 "By hand": fields[validity_years]: is deprecated (replaced by the order_validity object); its value now sits in order_validity.years. Check it there and save.',
    ]);
  });

  it('saves an applied import to storage', async () => {
    await saveNewTemplate(evDraft('EV shop'), NOW);
    const plan = planned(await planTemplateImport(text));
    await saveImport(plan, {});
    expect((await readTemplates()).templates.map((t) => t.name)).toEqual([
      'EV shop',
      'OV intranet',
      'Brand new',
      'ev shop (2)',
    ]);
  });
});
