import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type LocalMove, moveFromLocal, wxtVersion } from './local-move';
import { readPrivate, updatePrivate, writePrivate } from './private-store';
import { resetStorageForTests } from './testing';

beforeEach(resetStorageForTests);

// A made-up item: a number kept in storage.local as `count` (WXT marker `count$`), moved as `{ n }`.
const counter: LocalMove<{ n: number }> = {
  record: 'counter',
  localKeys: ['count', 'count$'],
  convert: (found) => ({ n: typeof found.count === 'number' ? found.count : 0 }),
};
const local = () => fakeBrowser.storage.local.get(null);

describe('moving an item out of storage.local', () => {
  it('storage.local has it, the private store is empty: written there, then removed here', async () => {
    await fakeBrowser.storage.local.set({ count: 7, count$: { v: 1 }, unrelated: 'stays' });
    const moved = await moveFromLocal(counter);
    expect(moved).toEqual({ record: { n: 7 }, written: { n: 7 } });
    expect(await readPrivate('counter')).toEqual({ n: 7 });
    expect(await local()).toEqual({ unrelated: 'stays' });
  });

  it('nothing anywhere (a new install): the record is made from nothing, so a later write here is never read', async () => {
    await moveFromLocal(counter);
    expect(await readPrivate('counter')).toEqual({ n: 0 });
    await fakeBrowser.storage.local.set({ count: 666 });
    expect(await moveFromLocal(counter)).toEqual({ record: { n: 0 } });
    expect(await readPrivate('counter')).toEqual({ n: 0 });
    expect(await local()).toEqual({});
  });

  it('once moved, a start with nothing left in storage.local only reads: no read-write transaction', async () => {
    await moveFromLocal(counter);
    let updates = 0;
    const update: typeof updatePrivate = (key, decide) => {
      updates++;
      return updatePrivate(key, decide);
    };
    const moved = await moveFromLocal(counter, fakeBrowser.storage.local, { read: readPrivate, update });
    expect(moved).toEqual({ record: { n: 0 } });
    expect(updates).toBe(0);
  });

  it('both have it: the private store wins and the stale copy is removed', async () => {
    await writePrivate('counter', { n: 1 });
    await fakeBrowser.storage.local.set({ count: 2, count$: { v: 1 } });
    expect(await moveFromLocal(counter)).toEqual({ record: { n: 1 } });
    expect(await readPrivate('counter')).toEqual({ n: 1 });
    expect(await local()).toEqual({});
  });

  it('a move cut short after writing (the old keys still there) is harmless to run again', async () => {
    await fakeBrowser.storage.local.set({ count: 5 });
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('closed'));
    await expect(moveFromLocal(counter)).rejects.toThrow('closed');
    expect(await readPrivate('counter')).toEqual({ n: 5 });
    expect(await local()).toEqual({ count: 5 });
    remove.mockRestore();
    // Meanwhile the extension changed the record; running again keeps that and only cleans up.
    await writePrivate('counter', { n: 6 });
    expect(await moveFromLocal(counter)).toEqual({ record: { n: 6 } });
    expect(await readPrivate('counter')).toEqual({ n: 6 });
    expect(await local()).toEqual({});
  });

  it('two pages moving at once write one record', async () => {
    await fakeBrowser.storage.local.set({ count: 3 });
    let made = 0;
    const numbered: LocalMove<{ n: number; made: number }> = {
      ...counter,
      convert: (found) => ({ n: found.count as number, made: ++made }),
    };
    const [a, b] = await Promise.all([moveFromLocal(numbered), moveFromLocal(numbered)]);
    expect([a.written, b.written].filter(Boolean)).toHaveLength(1);
    expect(a.record).toEqual(b.record);
    expect(await readPrivate('counter')).toEqual(a.record);
  });

  it('reads the version WXT storage gave a value (none means version 1)', () => {
    expect(wxtVersion({ count: 1, count$: { v: 3 } }, 'count')).toBe(3);
    expect(wxtVersion({ count: 1 }, 'count')).toBe(1);
    expect(wxtVersion({ count: 1, count$: { v: 'x' } }, 'count')).toBe(1);
    expect(wxtVersion({ count: 1, count$: null }, 'count')).toBe(1);
  });
});
