import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPrivate, writePrivate } from '../storage/private-store';
import { resetStorageForTests } from '../storage/testing';
import type { MigrationContext } from './migrations';
import {
  planTemplateImport,
  recordTemplateUse,
  removeTemplate,
  saveImport,
  saveNewTemplate,
  saveRename,
} from './saved';
import { createTemplateStore, settleRecord, TemplatesNewerError } from './storage';
import { readTemplateRowSummaries, readTemplateSummaries } from './summaries';
import { evDraft, idMaker, makeTemplate, NOW } from './testing';

beforeEach(resetStorageForTests);

const context = (): (() => MigrationContext) => {
  const newId = idMaker('eeee');
  return () => ({ now: NOW, newId });
};
const store = () => createTemplateStore({ context: context() });

const web = makeTemplate({ name: 'Web EV' }, '11111111-0000-4000-8000-000000000001');
/** What a version 2 build might write: a field this build does not know, which a rewrite would drop. */
const fromV2 = {
  ...makeTemplate({ name: 'Future EV' }, '22222222-0000-4000-8000-000000000002'),
  tags: ['x'],
};
const newerRecord = { version: 2, templates: [fromV2], keptAside: [], somethingNew: { a: 1 } };

const RECORD_MESSAGE =
  'The saved templates were saved by a newer version of the extension (version 2; this one reads version 1). Update the extension to use them. They are left as they are, and nothing can be saved until then.';
const NOT_SAVED =
  'Nothing was saved: the saved templates were saved by a newer version of the extension (version 2). Update the extension, then try again.';

describe('a record saved by a newer version of the extension', () => {
  beforeEach(() => writePrivate('templates', newerRecord));

  it('is not read: no templates, and a report saying what is wrong and what to do', async () => {
    const read = await store().read();
    expect(read.templates).toEqual([]);
    expect(read.keptAside).toEqual([]);
    expect(read.newerRecord).toBe(2);
    expect(read.newer).toEqual([
      {
        reason: RECORD_MESSAGE,
        problems: [{ path: '', code: 'newer_version', message: RECORD_MESSAGE }],
        value: newerRecord,
        keptAt: NOW.toISOString(),
        newerVersion: 2,
      },
    ]);
    expect(await readPrivate('templates')).toEqual(newerRecord);
  });

  it('is shown through the quarantine report, and dismissing it changes nothing', async () => {
    const s = store();
    const kept = await s.readQuarantine();
    expect(kept.map((k) => [k.reason, k.newerVersion])).toEqual([[RECORD_MESSAGE, 2]]);
    await s.dismissQuarantined(0);
    expect(await s.readQuarantine()).toEqual(kept);
    expect(await readPrivate('templates')).toEqual(newerRecord);
  });

  it('is never written over: every save refuses with the reason, and the record stays as it was', async () => {
    const s = store();
    await expect(s.update((list) => ({ list: [...list, web], result: 1 }))).rejects.toThrow(
      new TemplatesNewerError(2),
    );
    let ran = false;
    const change = () => {
      ran = true;
      return { result: 1 };
    };
    await expect(s.update(change)).rejects.toThrow(NOT_SAVED);
    // Not run: on the empty list this version reads, a change would refuse for the wrong reason.
    expect(ran).toBe(false);

    const refused = { ok: false, problems: [{ path: '', code: 'newer_version', message: NOT_SAVED }] };
    expect(await saveNewTemplate(evDraft('New one'), NOW, s)).toEqual(refused);
    expect(await saveRename(fromV2.id, 'Renamed', NOW, s)).toEqual(refused);
    expect(await removeTemplate(fromV2.id, NOW, s)).toEqual(refused);
    // After the order has gone, a use that cannot be counted is not an error.
    await expect(recordTemplateUse(fromV2.id, NOW, s)).resolves.toBeUndefined();
    expect(await readPrivate('templates')).toEqual(newerRecord);
  });

  it('refuses an import at once, and a plan made before still saves nothing', async () => {
    const s = store();
    const file = JSON.stringify({ format: 'x', version: 1, templates: [] });
    expect(await planTemplateImport(file, s)).toEqual({
      ok: false,
      problems: [{ path: '', code: 'newer_version', message: NOT_SAVED }],
    });
    const plan = { ok: true as const, additions: [web], clashes: [], warnings: [] };
    await expect(saveImport(plan, {}, s)).rejects.toThrow(NOT_SAVED);
    expect(await readPrivate('templates')).toEqual(newerRecord);
  });

  it('is not listed by the light readers (the full reader reports it)', async () => {
    expect(await readTemplateSummaries()).toEqual([]);
    expect(await readTemplateRowSummaries()).toBeNull();
  });

  it('found in storage.local with a newer marker, is moved as it was and reported', async () => {
    await resetStorageForTests();
    await fakeBrowser.storage.local.set({ templates: [fromV2], templates$: { v: 2 } });
    const read = await store().read();
    expect(read.newerRecord).toBe(2);
    expect(read.newer.map((k) => k.newerVersion)).toEqual([2]);
    expect(await readPrivate('templates')).toEqual({ version: 2, templates: [fromV2], keptAside: [] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('settles, pure, to the record as it was, marked never to write', () => {
    const settled = settleRecord(newerRecord, context()());
    expect(settled).toMatchObject({ record: newerRecord, changed: false, newer: 2 });
  });
});

describe('one template saved by a newer version, in a record this version reads', () => {
  const future = { ...fromV2, version: 2 };
  const earlierAside = {
    reason: 'kept earlier',
    problems: [{ path: '', code: 'unknown_product', message: 'gone' }],
    value: { name: 'Old' },
    keptAt: '2025-01-01T00:00:00.000Z',
  };
  const TEMPLATE_MESSAGE =
    'The template "Future EV" was saved by a newer version of the extension (version 2; this one reads version 1). Update the extension to use it. It is left as it is.';

  beforeEach(() =>
    writePrivate('templates', { version: 1, templates: [future, web], keptAside: [earlierAside] }),
  );

  it('is reported by name and left in place; the others are read', async () => {
    const read = await store().read();
    expect(read.templates).toEqual([web]);
    expect(read.keptAside).toEqual([]);
    expect(read.newerRecord).toBeUndefined();
    expect(read.newer.map((k) => [k.name, k.reason, k.newerVersion])).toEqual([
      ['Future EV', TEMPLATE_MESSAGE, 2],
    ]);
    expect((await readPrivate('templates')) as { templates: unknown[] }).toMatchObject({
      templates: [future, web],
    });
  });

  it('stays as it was when the others are saved (after them in the list)', async () => {
    const s = store();
    const saved = await saveNewTemplate(evDraft('Another'), NOW, s);
    expect(saved.ok).toBe(true);
    const stored = (await readPrivate('templates')) as { version: number; templates: unknown[] };
    expect(stored.version).toBe(1);
    expect(stored.templates).toHaveLength(3);
    expect(stored.templates.at(-1)).toEqual(future);
  });

  it('is shown after the kept-aside ones, and cannot be dismissed', async () => {
    const s = store();
    const kept = await s.readQuarantine();
    expect(kept.map((k) => k.reason)).toEqual(['kept earlier', TEMPLATE_MESSAGE]);
    await s.dismissQuarantined(1);
    expect((await s.readQuarantine()).map((k) => k.reason)).toEqual(['kept earlier', TEMPLATE_MESSAGE]);
    await s.dismissQuarantined(0);
    expect((await s.readQuarantine()).map((k) => k.reason)).toEqual([TEMPLATE_MESSAGE]);
    expect(((await readPrivate('templates')) as { templates: unknown[] }).templates).toContainEqual(future);
  });

  it('is kept even in a list stored bare, without its record (damaged, rewritten)', () => {
    const settled = settleRecord([future, web], context()());
    expect(settled.record.templates).toEqual([web, future]);
    expect(settled.changed).toBe(true);
  });

  it('is not listed by the light readers', async () => {
    expect((await readTemplateSummaries()).map((t) => t.name)).toEqual(['Web EV']);
    expect((await readTemplateRowSummaries())?.map((t) => t.name)).toEqual(['Web EV']);
  });
});
