import { beforeEach, describe, expect, it } from 'vitest';
import { resetStorageForTests } from '../storage/testing';
import type { Template } from './model';
import {
  createTemplate,
  duplicateTemplate,
  editTemplate,
  markUsed,
  renameTemplate,
  uniqueName,
} from './operations';
import { removeTemplate, saveDuplicate, saveNewTemplate, saveRename, undoDelete } from './saved';
import { searchTemplates, sortByLastUse } from './search';
import { readTemplates } from './storage';
import { evDraft, idMaker, LATER, makeTemplate, NOW } from './testing';
import { deleteTemplate, restoreDeleted } from './undo';

const clock = () => ({ now: NOW, newId: idMaker('dddd') });
const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};
const three = (): Template[] => [
  makeTemplate({ name: 'EV shop' }, '00000000-0000-4000-8000-000000000001'),
  makeTemplate(
    { name: 'OV intranet', product: 'ssl_basic', organizationName: 'Intranet Ltd' },
    '00000000-0000-4000-8000-000000000002',
  ),
  makeTemplate({ name: 'EV www' }, '00000000-0000-4000-8000-000000000003'),
];

beforeEach(resetStorageForTests);

describe('create, edit, rename, duplicate', () => {
  it('creates with a fresh id, dates and no use yet', () => {
    const r = ok(createTemplate([], evDraft(), clock()));
    expect(r.template).toMatchObject({
      id: 'dddd0000-0000-4000-8000-000000000001',
      createdAt: NOW.toISOString(),
      useCount: 0,
    });
    expect(r.list).toEqual([r.template]);
  });

  it('refuses a draft with problems and a name that exists already', () => {
    const bad = createTemplate(
      [],
      { ...evDraft(), fields: { 'credit_card.cvv': { source: 'fixed', value: 123 } } },
      clock(),
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual(['card_must_be_asked']);
    const clash = createTemplate(three(), evDraft('ev SHOP '), clock());
    expect(clash.ok ? [] : clash.problems.map((p) => p.message)).toEqual([
      'name: "EV shop" already exists; choose another name.',
    ]);
  });

  it('edits what a person edits and keeps identity, creation and use', () => {
    const list = markUsed(three(), '00000000-0000-4000-8000-000000000001', NOW);
    const r = ok(
      editTemplate(list, '00000000-0000-4000-8000-000000000001', { description: 'Shop' }, { now: LATER }),
    );
    expect(r.template).toMatchObject({
      description: 'Shop',
      createdAt: NOW.toISOString(),
      updatedAt: LATER.toISOString(),
      useCount: 1,
    });
    expect(r.list.map((t) => t.name)).toEqual(['EV shop', 'OV intranet', 'EV www']);
    const missing = editTemplate(list, 'nope', {}, { now: LATER });
    expect(missing.ok ? [] : missing.problems.map((p) => p.code)).toEqual(['not_found']);
  });

  it('renames, trimming and refusing empty or taken names', () => {
    expect(
      ok(renameTemplate(three(), '00000000-0000-4000-8000-000000000003', '  EV www2 ', { now: LATER }))
        .template.name,
    ).toBe('EV www2');
    expect(renameTemplate(three(), '00000000-0000-4000-8000-000000000003', ' ', { now: LATER }).ok).toBe(
      false,
    );
    expect(
      renameTemplate(three(), '00000000-0000-4000-8000-000000000003', 'ov intranet', { now: LATER }).ok,
    ).toBe(false);
  });

  it('duplicates as "Copy of …" just after the original, with a fresh id and no use', () => {
    const list = markUsed(three(), '00000000-0000-4000-8000-000000000001', NOW);
    const first = ok(
      duplicateTemplate(list, '00000000-0000-4000-8000-000000000001', { now: LATER, newId: idMaker('eeee') }),
    );
    expect(first.list.map((t) => t.name)).toEqual(['EV shop', 'Copy of EV shop', 'OV intranet', 'EV www']);
    expect(first.template).toMatchObject({
      id: 'eeee0000-0000-4000-8000-000000000001',
      useCount: 0,
      createdAt: LATER.toISOString(),
    });
    expect(first.template.lastUsedAt).toBeUndefined();
    const second = ok(duplicateTemplate(first.list, '00000000-0000-4000-8000-000000000001', { now: LATER }));
    expect(second.template.name).toBe('Copy of EV shop (2)');
    expect(uniqueName([], 'x'.repeat(100))).toHaveLength(100);
  });
});

describe('delete with undo', () => {
  it('puts a deleted template back at its place within 30 seconds', () => {
    const del = ok(deleteTemplate(three(), '00000000-0000-4000-8000-000000000002', NOW, 'token'));
    expect(del.list.map((t) => t.name)).toEqual(['EV shop', 'EV www']);
    const back = ok(restoreDeleted(del.list, del.deleted, new Date(NOW.getTime() + 29_000)));
    expect(back.list.map((t) => t.name)).toEqual(['EV shop', 'OV intranet', 'EV www']);
    const late = restoreDeleted(del.list, del.deleted, new Date(NOW.getTime() + 31_000));
    expect(late.ok ? [] : late.problems.map((p) => p.message)).toEqual([
      '"OV intranet" was deleted too long ago to undo.',
    ]);
  });

  it('through storage: undo works for the latest deletion only', async () => {
    for (const name of ['A', 'B', 'C']) ok(await saveNewTemplate(evDraft(name), NOW));
    const ids = (await readTemplates()).templates.map((t) => t.id);
    const first = ok(await removeTemplate(ids[0] as string, NOW));
    const second = ok(await removeTemplate(ids[1] as string, NOW));
    expect((await undoDelete(first.undoToken, NOW)).ok).toBe(false);
    expect((await undoDelete(second.undoToken, NOW)).ok).toBe(true);
    expect((await undoDelete(second.undoToken, NOW)).ok).toBe(false);
    expect((await readTemplates()).templates.map((t) => t.name)).toEqual(['B', 'C']);
  });
});

describe('stored operations', () => {
  it('save, rename and duplicate go through storage one at a time', async () => {
    const created = ok(await saveNewTemplate(evDraft('Shop'), NOW));
    await Promise.all([
      saveRename(created.template.id, 'Shop EV', LATER),
      saveDuplicate(created.template.id, LATER),
    ]);
    expect((await readTemplates()).templates.map((t) => t.name)).toEqual(['Shop EV', 'Copy of Shop EV']);
  });
});

describe('search and sort', () => {
  it('finds by name, product (name_id or name) and organization (id or name), every word, any case or accent', () => {
    const names = (q: string) => searchTemplates(three(), q).map((t) => t.name);
    expect(names('www')).toEqual(['EV www']);
    expect(names('ssl_basic')).toEqual(['OV intranet']);
    expect(names('secure site pro ev')).toEqual(['EV shop', 'EV www']);
    expect(names('123456')).toEqual(['EV shop', 'OV intranet', 'EV www']);
    expect(names('INTRANÉT ltd')).toEqual(['OV intranet']);
    expect(names('  ')).toHaveLength(3);
    expect(names('example shop')).toEqual(['EV shop']);
  });

  it('sorts the most recently used first, then the never used by name', () => {
    let list = three();
    list = markUsed(list, '00000000-0000-4000-8000-000000000002', NOW);
    list = markUsed(list, '00000000-0000-4000-8000-000000000003', LATER);
    expect(sortByLastUse(list).map((t) => t.name)).toEqual(['EV www', 'OV intranet', 'EV shop']);
    expect(sortByLastUse(three()).map((t) => t.name)).toEqual(['EV shop', 'EV www', 'OV intranet']);
  });

  it('markUsed counts uses without touching updatedAt', () => {
    const list = markUsed(
      markUsed(three(), '00000000-0000-4000-8000-000000000001', NOW),
      '00000000-0000-4000-8000-000000000001',
      LATER,
    );
    expect(list[0]).toMatchObject({
      useCount: 2,
      lastUsedAt: LATER.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });
});
