import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPrivate, writePrivate } from '../storage/private-store';
import { resetStorageForTests } from '../storage/testing';
import type { MigrationContext } from './migrations';
import { createTemplateStore, type TemplatesRecord } from './storage';
import type { QuarantinedTemplate } from './stored-list';
import { readTemplateSummaries } from './summaries';
import { idMaker, makeTemplate, NOW } from './testing';

beforeEach(resetStorageForTests);

const context = (prefix = 'eeee'): (() => MigrationContext) => {
  const newId = idMaker(prefix);
  return () => ({ now: NOW, newId });
};
const stored = async () => (await readPrivate('templates')) as TemplatesRecord | undefined;
const local = () => fakeBrowser.storage.local.get(null);

const web = makeTemplate({ name: 'Web EV' }, '11111111-0000-4000-8000-000000000001');
const mail = makeTemplate({ name: 'Mail EV' }, '11111111-0000-4000-8000-000000000002');
/** The prototype's shape: its id is made when it is moved. */
const prototype = { name: 'Prototype', product: 'ssl_ev_securesite_pro', fields: { dcv_method: 'email' } };
const earlierAside: QuarantinedTemplate = {
  name: 'Old one',
  reason: 'The template "Old one" could not be read and was kept aside: …',
  problems: [{ path: '', code: 'unknown_product', message: 'product: gone.' }],
  value: { name: 'Old one' },
  keptAt: '2025-01-01T00:00:00.000Z',
};

/** What an older version left in storage.local: both WXT items with their version markers. */
const legacyLocal = (templates: unknown[]) =>
  fakeBrowser.storage.local.set({
    templates,
    templates$: { v: 1 },
    'templates-quarantine': [earlierAside],
    'templates-quarantine$': { v: 1 },
  });

describe('moving templates out of storage.local', () => {
  it('storage.local has templates and the private store is empty: moved, checked, then removed', async () => {
    const damaged = {
      ...makeTemplate({ name: 'Gone product' }, '11111111-0000-4000-8000-000000000009'),
      product: 'x',
    };
    await legacyLocal([web, damaged, mail]);
    const read = await createTemplateStore({ context: context() }).read();
    expect(read.templates.map((t) => t.name)).toEqual(['Web EV', 'Mail EV']);
    // The read that moved them reports what the move kept aside; the earlier quarantine came along.
    expect(read.keptAside.map((q) => q.name)).toEqual(['Gone product']);
    expect(await stored()).toEqual({
      version: 1,
      templates: [web, mail],
      keptAside: [earlierAside, read.keptAside[0]],
    });
    expect(await local()).toEqual({});
  });

  it('both have templates: the private store wins and the stale copy is removed', async () => {
    await writePrivate('templates', { version: 1, templates: [web], keptAside: [] });
    await legacyLocal([mail]);
    const store = createTemplateStore({ context: context() });
    expect((await store.read()).templates.map((t) => t.name)).toEqual(['Web EV']);
    // The background's run at start removes what a read no longer looks at.
    await store.moveOutOfLocal();
    expect(await local()).toEqual({});
    expect((await store.read()).templates.map((t) => t.name)).toEqual(['Web EV']);
    expect(await store.readQuarantine()).toEqual([]);
  });

  it('a move cut short after writing is harmless to run again: nothing doubled, ids kept', async () => {
    await legacyLocal([prototype, web]);
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('closed'));
    await expect(createTemplateStore({ context: context('aaaa') }).read()).rejects.toThrow('closed');
    remove.mockRestore();
    const first = await stored();
    expect(first?.templates.map((t) => t.name)).toEqual(['Prototype', 'Web EV']);
    expect(Object.keys(await local())).toContain('templates');

    // Run again, as a new page would (another id maker: the prototype's id must not change).
    const store = createTemplateStore({ context: context('bbbb') });
    await store.moveOutOfLocal();
    const read = await store.read();
    expect(read.templates).toEqual(first?.templates);
    expect(await store.readQuarantine()).toEqual([earlierAside]);
    expect(await local()).toEqual({});
  });

  it('a new install writes an empty record, so templates written to storage.local later are never read', async () => {
    const store = createTemplateStore({ context: context() });
    expect((await store.read()).templates).toEqual([]);
    expect(await stored()).toEqual({ version: 1, templates: [], keptAside: [] });
    // What a content script could do in Firefox, where storage.local has no access switch.
    await legacyLocal([{ ...web, name: 'Injected' }]);
    expect((await store.read()).templates).toEqual([]);
    expect(await readTemplateSummaries()).toEqual([]);
    expect(await createTemplateStore({ context: context() }).readQuarantine()).toEqual([]);
  });

  it('after the move, storage.local written again changes no template', async () => {
    await legacyLocal([web]);
    const store = createTemplateStore({ context: context() });
    await store.read();
    await fakeBrowser.storage.local.set({ templates: [{ ...web, name: 'Injected' }], templates$: { v: 1 } });
    expect((await store.read()).templates).toEqual([web]);
    await store.moveOutOfLocal();
    expect(await local()).toEqual({});
    expect((await store.read()).templates).toEqual([web]);
  });

  it('two pages moving at once agree on one list (a prototype gets one id)', async () => {
    await legacyLocal([prototype]);
    const [a, b] = await Promise.all([
      createTemplateStore({ context: context('aaaa') }).read(),
      createTemplateStore({ context: context('bbbb') }).read(),
    ]);
    expect(a.templates).toEqual(b.templates);
    expect((await stored())?.templates).toEqual(a.templates);
  });

  it('the popup’s quick list moves them too when it reads first', async () => {
    await legacyLocal([web, mail]);
    expect((await readTemplateSummaries()).map((t) => t.name)).toEqual(['Mail EV', 'Web EV']);
    expect((await stored())?.templates).toEqual([web, mail]);
    expect(await local()).toEqual({});
  });
});

describe('changes', () => {
  it('two pages saving at once lose neither change (read and write share one transaction)', async () => {
    await writePrivate('templates', { version: 1, templates: [], keptAside: [] });
    const add = (template: typeof web) =>
      createTemplateStore({ context: context() }).update((list) => ({
        list: [...list, template],
        result: 1,
      }));
    await Promise.all([add(web), add(mail)]);
    expect((await stored())?.templates.map((t) => t.name).sort()).toEqual(['Mail EV', 'Web EV']);
  });

  it('a change that throws saves nothing', async () => {
    await writePrivate('templates', { version: 1, templates: [web], keptAside: [] });
    const store = createTemplateStore({ context: context() });
    await expect(
      store.update(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await stored())?.templates).toEqual([web]);
  });

  it('dismisses one kept-aside template and keeps the list', async () => {
    await writePrivate('templates', {
      version: 1,
      templates: [web],
      keptAside: [earlierAside, earlierAside],
    });
    const store = createTemplateStore({ context: context() });
    await store.dismissQuarantined(0);
    expect(await stored()).toEqual({ version: 1, templates: [web], keptAside: [earlierAside] });
  });
});
