import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { defineStoredItem, readStored, readStoredEntry, stepProblems, storedVersion } from './stored-item';

// A made-up item at version 3: v1 had `n` as text, v2 made it a number, v3 added `label`.
const counter = defineStoredItem({
  name: 'counter',
  where: { area: 'private', record: 'counter' },
  version: 3,
  schema: z.object({ version: z.literal(3), n: z.number(), label: z.string() }),
  migrations: [
    { from: 2, to: 3, step: (old) => ({ ...old, label: `n=${String(old.n)}` }) },
    {
      from: 1,
      to: 2,
      step: (old) => {
        if (typeof old.n !== 'string') throw new Error('n is not text');
        return { ...old, n: Number(old.n) };
      },
    },
  ],
});

describe('readStored', () => {
  it('reads a current record as it is', () => {
    expect(readStored(counter, { version: 3, n: 1, label: 'one' })).toEqual({
      value: { version: 3, n: 1, label: 'one' },
    });
  });

  it('runs the steps in order from the record’s own version, whatever order they are listed in', () => {
    expect(readStored(counter, { version: 1, n: '7' })).toEqual({
      value: { version: 3, n: 7, label: 'n=7' },
    });
    expect(readStored(counter, { version: 2, n: 7 })).toEqual({ value: { version: 3, n: 7, label: 'n=7' } });
  });

  it('gives null for an absent record', () => {
    expect(readStored(counter, undefined)).toBeNull();
    expect(readStored(counter, null)).toBeNull();
  });

  it.each([
    [
      'a newer version',
      { version: 4, n: 1, label: 'x' },
      'newer',
      /version 4; this extension reads version 3/,
    ],
    ['no version', { n: 1, label: 'x' }, 'no-version', /version none/],
    ['a version without a step', { version: 0, n: 1 }, 'no-step', /version 0/],
    [
      'a step that fails',
      { version: 1, n: 1 },
      'step-failed',
      /Version 1 could not be upgraded: n is not text/,
    ],
    ['a damaged record', { version: 3, n: 'x', label: 'x' }, 'damaged', /damaged: n:/],
    ['not an object', 'text', 'not-an-object', /not an object/],
    ['a list', [1], 'not-an-object', /not an object/],
  ])('reports %s as a problem, never guessing', (_name, raw, kind, reason) => {
    const read = readStored(counter, raw);
    expect(read && 'problem' in read && read.problem.kind).toBe(kind);
    expect(read && 'problem' in read && read.problem.reason).toMatch(reason);
  });

  it('checks an unversioned item with its schema alone', () => {
    const url = defineStoredItem({
      name: 'url',
      where: { area: 'session', prefix: 'url:' },
      version: null,
      schema: z.string(),
      migrations: [],
    });
    expect(readStored(url, 'https://example.com/')).toEqual({ value: 'https://example.com/' });
    expect(readStored(url, 7)).toMatchObject({ problem: { kind: 'damaged' } });
  });
});

// A made-up list at version 2: v0 entries were bare `{ label }` (recognised by shape), v1 added an id
// from the context, v2 renamed `label` to `name`.
const shelf = defineStoredItem<unknown, { newId: () => string }>({
  name: 'shelf',
  where: { area: 'private', record: 'shelf' },
  version: 2,
  schema: z.object({ version: z.literal(2), entries: z.array(z.unknown()) }),
  migrations: [{ from: 1, to: 2, step: (old) => old }],
  entries: {
    versionOf: (entry) => (!('id' in entry) ? 0 : undefined),
    migrations: [
      {
        from: 1,
        to: 2,
        step: ({ label, ...rest }) => {
          if (typeof label !== 'string') throw new Error('label is not text');
          return { ...rest, name: label };
        },
      },
      { from: 0, to: 1, step: (old, ctx) => ({ ...old, id: ctx.newId() }) },
    ],
  },
});
const ctx = { newId: () => 'new-id' };

describe('readStoredEntry', () => {
  it('reads an entry at the record’s version as it is', () => {
    const entry = { id: 'a', name: 'A' };
    expect(readStoredEntry(shelf, entry, 2, ctx)).toEqual({ value: entry });
  });

  it('runs the entries’ steps in order from the version of the record it was found in', () => {
    expect(readStoredEntry(shelf, { id: 'a', label: 'A' }, 1, ctx)).toEqual({
      value: { id: 'a', name: 'A' },
    });
  });

  it('recognises an older entry by its shape, and hands each step the context', () => {
    expect(readStoredEntry(shelf, { label: 'A' }, 2, ctx)).toEqual({ value: { id: 'new-id', name: 'A' } });
  });

  it('goes by an entry’s own version first, and keeps it up to date', () => {
    expect(readStoredEntry(shelf, { version: 1, id: 'a', label: 'A' }, 2, ctx)).toEqual({
      value: { version: 2, id: 'a', name: 'A' },
    });
  });

  it.each([
    [
      'an entry of a newer version',
      { version: 3, id: 'a' },
      2,
      'newer',
      /version 3; this extension reads version 2/,
    ],
    ['a version that is not a number', { version: 'x', id: 'a' }, 2, 'no-version', /version "x"/],
    ['a version without a step', { version: -1, id: 'a' }, 2, 'no-step', /version -1/],
    ['a step that fails', { id: 'a', label: 7 }, 1, 'step-failed', /^label is not text$/],
    ['not an object', 'text', 2, 'not-an-object', /not an object/],
  ])('reports %s as a problem, never guessing', (_name, entry, recordVersion, kind, reason) => {
    const read = readStoredEntry(shelf, entry, recordVersion, ctx);
    expect(read && 'problem' in read && read.problem.kind).toBe(kind);
    expect(read && 'problem' in read && read.problem.reason).toMatch(reason);
  });

  it('refuses an item that declares no entries', () => {
    expect(() => readStoredEntry(counter, {}, 3, ctx)).toThrow('counter declares no versioned entries');
  });
});

describe('storedVersion', () => {
  it('gives the whole-number version a record carries, and nothing otherwise', () => {
    expect(storedVersion({ version: 2 })).toBe(2);
    expect(storedVersion({ version: 1.5 })).toBeUndefined();
    expect(storedVersion({})).toBeUndefined();
    expect(storedVersion([2])).toBeUndefined();
    expect(storedVersion(null)).toBeUndefined();
  });
});

describe('stepProblems', () => {
  it('accepts contiguous steps ending at the version', () => {
    expect(stepProblems(counter)).toEqual([]);
  });

  it('names a gap, a skipped version and steps that stop short', () => {
    const step = (from: number, to: number) => ({ from, to, step: (old: Record<string, unknown>) => old });
    expect(stepProblems({ ...counter, migrations: [step(1, 2)] })).toEqual([
      'counter: steps end at 2, the item is at 3',
    ]);
    expect(stepProblems({ ...counter, migrations: [step(0, 1), step(2, 3)] })).toEqual([
      'counter: no step from 1',
    ]);
    expect(stepProblems({ ...counter, migrations: [step(1, 3)] })).toEqual([
      'counter: step 1→3 skips a version',
    ]);
    expect(stepProblems({ ...counter, version: null, migrations: [step(1, 2)] })).toEqual([
      'counter: an unversioned item has steps',
    ]);
  });

  it('checks the entries’ steps the same way, against the item’s version', () => {
    expect(stepProblems(shelf)).toEqual([]);
    const entries = (migrations: ReturnType<typeof step>[]) => ({ ...shelf, entries: { migrations } });
    const step = (from: number, to: number) => ({ from, to, step: (old: Record<string, unknown>) => old });
    expect(stepProblems(entries([step(0, 1)]))).toEqual(['shelf entries: steps end at 1, the item is at 2']);
    expect(stepProblems(entries([step(0, 2)]))).toEqual(['shelf entries: step 0→2 skips a version']);
    expect(stepProblems({ ...shelf, version: null, migrations: [] })).toEqual([
      'shelf: an unversioned item has versioned entries',
    ]);
  });
});
