import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPrivate, writePrivate } from '../storage/private-store';
import { readStoredEntry } from '../storage/stored-item';
import { resetStorageForTests } from '../storage/testing';
import { type MigrationContext, TEMPLATE_STEPS } from './migrations';
import { createTemplateStore, type TemplatesRecord } from './storage';
import { defineTemplatesItem, templatesItem } from './templates-item';
import { idMaker, makeTemplate, NOW } from './testing';

const context = (): (() => MigrationContext) => {
  const newId = idMaker('aaaa');
  return () => ({ now: NOW, newId });
};
const at = NOW.toISOString();
const legacy = {
  name: 'Old EV',
  product: 'ssl_ev_securesite_pro',
  fields: {
    'certificate.signature_hash': 'sha256',
    'organization.id': 7,
    'credit_card.number': '4111111111111111',
  },
};

beforeEach(resetStorageForTests);

/** The private store's templates record, as the extension writes it. */
const record = (templates: unknown, version = 1) => ({ version, templates, keptAside: [] });
const stored = async () => (await readPrivate('templates')) as TemplatesRecord;

describe('migrations: v0 (unversioned prototype) → v1', () => {
  it('makes every value fixed, gives identity and dates, and never carries card data over', () => {
    // Found in a version 1 record, it is recognised as v0 by its shape.
    const up = readStoredEntry(templatesItem, legacy, 1, context()());
    expect(up).toEqual({
      value: {
        id: 'aaaa0000-0000-4000-8000-000000000001',
        name: 'Old EV',
        product: 'ssl_ev_securesite_pro',
        fields: {
          'certificate.signature_hash': { source: 'fixed', value: 'sha256' },
          'organization.id': { source: 'fixed', value: 7 },
          'credit_card.number': { source: 'asked' },
        },
        createdAt: at,
        updatedAt: at,
        useCount: 0,
      },
    });
  });

  it('says which step failed and why', () => {
    // A template that says it is v0 but is not the prototype's shape.
    expect(readStoredEntry(templatesItem, { version: 0, name: 'x' }, 1, context()())).toEqual({
      problem: {
        kind: 'step-failed',
        version: 0,
        reason: 'it is not a v0 template ({ name, product, fields })',
      },
    });
  });

  it('leaves a v1 template in a v1 record as it is (no step runs)', () => {
    const current = makeTemplate({ name: 'Current' });
    expect(readStoredEntry(templatesItem, current, 1, context()())).toEqual({ value: current });
  });

  it.each([
    [
      'in the private store',
      () => writePrivate('templates', record([legacy, makeTemplate({ name: 'Current' })])),
    ],
    [
      'left in storage.local by an older version (no version marker)',
      () => fakeBrowser.storage.local.set({ templates: [legacy, makeTemplate({ name: 'Current' })] }),
    ],
  ])('upgrades v0 templates found %s and writes them back, keeping v1 ones as they are', async (_, seed) => {
    await seed();
    const store = createTemplateStore({ context: context() });
    const read = await store.read();
    expect(read.templates.map((t) => t.name)).toEqual(['Old EV', 'Current']);
    expect(read.keptAside).toEqual([]);
    const { templates } = await stored();
    // The id the context made, the same as read (a read that must write back settles again).
    expect(read.templates[0]?.id).toMatch(/^aaaa0000-0000-4000-8000-00000000000\d$/);
    expect(templates[0]).toMatchObject({
      id: read.templates[0]?.id,
      fields: { 'organization.id': { source: 'fixed', value: 7 } },
    });
    expect(JSON.stringify(templates)).not.toContain('4111111111111111');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('quarantine: a template that cannot be read is kept aside with the reason', () => {
  it('keeps the good ones, puts the broken ones aside (secrets removed), and reports them once', async () => {
    const good = makeTemplate({ name: 'Good' });
    const badProduct = {
      ...makeTemplate({ name: 'Gone product' }, 'bbbb0000-0000-4000-8000-000000000002'),
      product: 'ssl_plus',
    };
    const withCard = makeTemplate(
      { name: 'Card', description: 'card 4111 1111 1111 1111' },
      'bbbb0000-0000-4000-8000-000000000003',
    );
    await writePrivate('templates', record([good, badProduct, withCard]));
    const store = createTemplateStore({ context: context() });

    const read = await store.read();
    expect(read.templates.map((t) => t.name)).toEqual(['Good']);
    expect(read.keptAside.map((q) => [q.name, q.problems.map((p) => p.code)])).toEqual([
      ['Gone product', ['unknown_product']],
      ['Card', ['card_number']],
    ]);
    expect(read.keptAside[0]?.reason).toBe(
      'The template "Gone product" could not be read and was kept aside: product: "ssl_plus" is not a product this extension can order; use one of ssl_ev_securesite_pro, ssl_basic, ssl_ev_basic, ssl_securesite_flex, ssl_ev_securesite_flex, ssl_securesite_pro. Fix it in an exported copy and import it, or dismiss it.',
    );
    expect(read.keptAside[1]?.value).toMatchObject({ description: '[removed: looked like a card number]' });

    const raw = await stored();
    expect(raw.templates.length).toBe(1);
    expect(raw.keptAside).toEqual(read.keptAside);
    expect(JSON.stringify(raw)).not.toContain('4111');

    const again = await store.read();
    expect(again.keptAside).toEqual([]);
    expect(await store.readQuarantine()).toHaveLength(2);
    await store.dismissQuarantined(0);
    expect((await store.readQuarantine()).map((q) => q.name)).toEqual(['Card']);
  });

  it('keeps a stored value that is not a list aside instead of losing it', async () => {
    await writePrivate('templates', record({ name: 'not a list' }));
    const read = await createTemplateStore({ context: context() }).read();
    expect(read.templates).toEqual([]);
    expect(read.keptAside[0]?.value).toEqual({ name: 'not a list' });
  });

  it('keeps a damaged record aside whole, and a damaged kept-aside entry as what is left of it', async () => {
    await writePrivate('templates', { templates: 'no version, no kept-aside list' });
    const store = createTemplateStore({ context: context() });
    expect((await store.read()).keptAside.map((q) => q.value)).toEqual([
      { templates: 'no version, no kept-aside list' },
    ]);
    expect(await stored()).toMatchObject({ version: 1, templates: [] });

    await writePrivate('templates', { ...record([]), keptAside: [{ name: 'no reason' }] });
    const [entry] = await store.readQuarantine();
    expect(entry).toMatchObject({ problems: [{ code: 'invalid_shape' }], value: { name: 'no reason' } });
    expect(entry?.reason).toMatch(/^A template kept aside earlier was stored damaged/);
  });
});

describe('a future version 2, through the entries’ steps', () => {
  // A made-up v1 → v2 step: the organization hint, once `orgHint`, becomes `organizationName`.
  const step = (old: Record<string, unknown>) => {
    const { orgHint, ...rest } = old as { orgHint?: string; name: string };
    if (rest.name.startsWith('Broken')) throw new Error('its organization hint is unreadable');
    return { ...rest, organizationName: orgHint };
  };
  // The record itself does not change shape from 1 to 2: its step only moves the version.
  const v2 = defineTemplatesItem(
    2,
    [...TEMPLATE_STEPS, { from: 1, to: 2, step }],
    [{ from: 1, to: 2, step: (old) => old }],
  );

  it('upgrades each template alone and keeps the one that fails aside with the step and reason', async () => {
    const ok = { ...makeTemplate({ name: 'Fine' }), orgHint: 'Example Corp' };
    const broken = {
      ...makeTemplate({ name: 'Broken one' }, 'cccc0000-0000-4000-8000-000000000002'),
      orgHint: 'x',
    };
    await writePrivate('templates', record([ok, broken], 1));
    const store = createTemplateStore({ item: v2, context: context() });

    const read = await store.read();
    expect(read.templates.map((t) => [t.name, t.organizationName])).toEqual([['Fine', 'Example Corp']]);
    expect(read.keptAside.map((q) => q.reason)).toEqual([
      'The template "Broken one" could not be read and was kept aside: it could not be upgraded to version 2: its organization hint is unreadable. Fix it in an exported copy and import it, or dismiss it.',
    ]);
    expect(read.keptAside[0]?.value).toMatchObject({ name: 'Broken one', orgHint: 'x' });
    expect((await stored()).version).toBe(2);
    expect((await stored()).keptAside).toEqual(read.keptAside);
  });

  it('brings a prototype (v0) template through both steps, in order', async () => {
    await writePrivate('templates', record([legacy], 1));
    const read = await createTemplateStore({ item: v2, context: context() }).read();
    // The v1 → v2 step alone would have failed the check: the prototype has no id.
    expect(read.keptAside).toEqual([]);
    expect(read.templates.map((t) => [t.name, t.id])).toEqual([
      ['Old EV', 'aaaa0000-0000-4000-8000-000000000001'],
    ]);
  });

  it('upgrades a version 1 list an older version left in storage.local (WXT marker) while moving it', async () => {
    const ok = { ...makeTemplate({ name: 'Fine' }), orgHint: 'Example Corp' };
    await fakeBrowser.storage.local.set({ templates: [ok], templates$: { v: 1 } });
    const store = createTemplateStore({ item: v2, context: context() });
    expect((await store.read()).templates.map((t) => t.organizationName)).toEqual(['Example Corp']);
    expect(await stored()).toMatchObject({ version: 2, templates: [{ organizationName: 'Example Corp' }] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
