import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { idMaker, makeTemplate, NOW } from './fixtures';
import { type MigrationContext, TEMPLATE_MIGRATIONS, upgradeTemplate } from './migrations';
import { createTemplateStore } from './storage';

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

beforeEach(() => {
  fakeBrowser.reset();
});

describe('migrations: v0 (unversioned prototype) → v1', () => {
  it('makes every value fixed, gives identity and dates, and never carries card data over', () => {
    const up = upgradeTemplate(legacy, 0, 1, context()());
    expect(up).toEqual({
      ok: true,
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
    expect(upgradeTemplate('nonsense', 0, 1, context()())).toEqual({
      ok: false,
      version: 1,
      reason: 'it is not a v0 template ({ name, product, fields })',
    });
  });

  it('upgrades v0 templates found in storage and writes them back, keeping v1 ones as they are', async () => {
    const current = makeTemplate({ name: 'Current' });
    await fakeBrowser.storage.local.set({ templates: [legacy, current] });
    const store = createTemplateStore({ context: context() });
    const read = await store.read();
    expect(read.templates.map((t) => t.name)).toEqual(['Old EV', 'Current']);
    expect(read.keptAside).toEqual([]);
    const stored = (await fakeBrowser.storage.local.get('templates')).templates as unknown[];
    expect(stored[0]).toMatchObject({
      id: 'aaaa0000-0000-4000-8000-000000000001',
      fields: { 'organization.id': { source: 'fixed', value: 7 } },
    });
    expect(JSON.stringify(stored)).not.toContain('4111111111111111');
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
    await fakeBrowser.storage.local.set({ templates: [good, badProduct, withCard] });
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

    const raw = await fakeBrowser.storage.local.get(['templates', 'templates-quarantine']);
    expect((raw.templates as unknown[]).length).toBe(1);
    expect(raw['templates-quarantine']).toEqual(read.keptAside);
    expect(JSON.stringify(raw)).not.toContain('4111');

    const again = await store.read();
    expect(again.keptAside).toEqual([]);
    expect(await store.readQuarantine()).toHaveLength(2);
    await store.dismissQuarantined(0);
    expect((await store.readQuarantine()).map((q) => q.name)).toEqual(['Card']);
  });

  it('keeps a stored value that is not a list aside instead of losing it', async () => {
    await fakeBrowser.storage.local.set({ templates: { name: 'not a list' } });
    const read = await createTemplateStore({ context: context() }).read();
    expect(read.templates).toEqual([]);
    expect(read.keptAside[0]?.value).toEqual({ name: 'not a list' });
  });
});

describe('a future version 2, through WXT storage item migrations', () => {
  // A made-up v1 → v2 step: the organization hint, once `orgHint`, becomes `organizationName`.
  const step = (old: unknown) => {
    const { orgHint, ...rest } = old as { orgHint?: string; name: string };
    if (rest.name.startsWith('Broken')) throw new Error('its organization hint is unreadable');
    return { ...rest, organizationName: orgHint };
  };

  it('upgrades each template alone and keeps the one that fails aside with the step and reason', async () => {
    const ok = { ...makeTemplate({ name: 'Fine' }), orgHint: 'Example Corp' };
    const broken = {
      ...makeTemplate({ name: 'Broken one' }, 'cccc0000-0000-4000-8000-000000000002'),
      orgHint: 'x',
    };
    await fakeBrowser.storage.local.set({ templates: [ok, broken], templates$: { v: 1 } });
    const store = createTemplateStore({
      version: 2,
      table: { ...TEMPLATE_MIGRATIONS, 2: step },
      context: context(),
    });

    const read = await store.read();
    expect(read.templates.map((t) => [t.name, t.organizationName])).toEqual([['Fine', 'Example Corp']]);
    expect(read.keptAside.map((q) => q.reason)).toEqual([
      'The template "Broken one" could not be read and was kept aside: it could not be upgraded to version 2: its organization hint is unreadable. Fix it in an exported copy and import it, or dismiss it.',
    ]);
    expect(read.keptAside[0]?.value).toMatchObject({ name: 'Broken one', orgHint: 'x' });
    expect((await fakeBrowser.storage.local.get('templates$')).templates$).toEqual({ v: 2 });
  });
});
