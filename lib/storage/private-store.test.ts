import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  closePrivateStoreForTests,
  deletePrivate,
  listPrivate,
  openPrivateStore,
  readPrivate,
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

  it('lists records by key prefix, in key order', async () => {
    await writePrivate('outbox:2', 'two');
    await writePrivate('outbox:1', 'one');
    await writePrivate('other', 'x');
    expect(await listPrivate('outbox:')).toEqual([
      { key: 'outbox:1', value: 'one' },
      { key: 'outbox:2', value: 'two' },
    ]);
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
