import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  closePrivateStoreForTests,
  deletePrivate,
  listPrivate,
  openPrivateStore,
  readPrivate,
  updatePrivate,
  writePrivate,
} from './private-store';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
});

describe('private store', () => {
  it('writes, reads and deletes records', async () => {
    await writePrivate('a', { n: 1 });
    expect(await readPrivate('a')).toEqual({ n: 1 });
    await deletePrivate('a');
    expect(await readPrivate('a')).toBeUndefined();
  });

  it('gives a read once its request succeeds, and a write once its transaction completes', async () => {
    const events: string[] = [];
    const transaction = IDBDatabase.prototype.transaction;
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<typeof transaction>
    ) {
      const tx = transaction.apply(this, args);
      if (tx.mode !== 'versionchange')
        tx.addEventListener('complete', () => events.push(`${tx.mode} complete`));
      return tx;
    });
    try {
      await writePrivate('a', { n: 1 });
      events.push('written');
      await readPrivate('a');
      events.push('read');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(events).toEqual(['readwrite complete', 'written', 'read', 'readonly complete']);
    } finally {
      spy.mockRestore();
    }
  });

  it('lists records by key prefix, in key order', async () => {
    await writePrivate('outbox:2', 'two');
    await writePrivate('outbox:1', 'one');
    await writePrivate('other', 'x');
    expect(await listPrivate('outbox:')).toEqual([
      { key: 'outbox:1', value: 'one' },
      { key: 'outbox:2', value: 'two' },
    ]);
  });

  it('updates a record in one transaction: concurrent changes are applied one after the other', async () => {
    await writePrivate('count', 0);
    const add = () =>
      updatePrivate('count', (n) => ({ write: { value: (n as number) + 1 }, result: (n as number) + 1 }));
    // Each reads inside its own transaction, so no change is lost to a read made before another's write.
    expect((await Promise.all([add(), add(), add()])).sort()).toEqual([1, 2, 3]);
    expect(await readPrivate('count')).toBe(3);
  });

  it('writes nothing when the decision has no write, or when it throws', async () => {
    expect(await updatePrivate('absent', (v) => ({ result: v === undefined }))).toBe(true);
    expect(await listPrivate('absent')).toEqual([]);
    await writePrivate('kept', 'as it was');
    await expect(
      updatePrivate('kept', () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await readPrivate('kept')).toBe('as it was');
  });

  it('keeps a store of its own in a separate database, which destroy() deletes whole', async () => {
    await writePrivate('shared', 'stays');
    const own = openPrivateStore('own-db', 'things');
    await own.write('secret', { n: 2 });
    expect(await own.read('secret')).toEqual({ n: 2 });
    expect(await readPrivate('secret')).toBeUndefined();
    await own.destroy();
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).not.toContain('own-db');
    expect(names).toContain('certcentral-companion');
    expect(await readPrivate('shared')).toBe('stays');
    // The store opens (and recreates) its database again on next use.
    expect(await own.read('secret')).toBeUndefined();
  });

  it('deletes a database another connection still holds open', async () => {
    const first = openPrivateStore('held-db');
    const second = openPrivateStore('held-db');
    await first.write('a', 1);
    expect(await second.read('a')).toBe(1);
    // `second` keeps its connection: its versionchange handler must close it so the deletion ends.
    await first.destroy();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain('held-db');
  });
});
