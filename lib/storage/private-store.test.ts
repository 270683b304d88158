import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  closePrivateStoreForTests,
  deletePrivate,
  listPrivate,
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
});
