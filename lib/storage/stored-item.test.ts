import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { defineStoredItem, readStored, stepProblems } from './stored-item';

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
});
