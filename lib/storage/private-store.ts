/**
 * Tiny key-value stores in the extension origin's IndexedDB.
 *
 * Why not `storage.local`: content scripts share `storage.local` with the extension, and a
 * content script runs inside CertCentral pages we do not control. IndexedDB belongs to the
 * origin that opens it, so records here (the API key, API answers, and everything that decides an
 * order: templates, preferences, drafts, the outbox) are out of a content script's reach: a content
 * script opening IndexedDB opens the page's database instead.
 *
 * The main store (`readPrivate` and friends) holds everything but the API key. The key has a
 * database of its own (`openPrivateStore('api-key', …)`, see lib/settings/api-key.ts) so that it
 * can be dropped whole with `destroy()` without touching drafts, the outbox or API answers.
 */
export type PrivateStore = {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /**
   * Reads `key` and, in the same transaction, writes what `decide` asks for (nothing when it returns
   * no `write`): no other context's write can fall between the read and the write. `decide` runs
   * inside the transaction, so it must be synchronous; if it throws, nothing is written.
   */
  update<T>(key: string, decide: (current: unknown) => Decision<T>): Promise<T>;
  /** Every record whose key starts with `prefix`, in key order, read in one transaction. */
  list(prefix: string): Promise<{ key: string; value: unknown }[]>;
  /** Closes this context's connection and deletes the whole database (`indexedDB.deleteDatabase`). */
  destroy(): Promise<void>;
  /** Tests only: forget the cached connection so a fresh fake IndexedDB is opened. */
  forget(): void;
};

/** What `update` does with a record it read: `write` replaces it; `result` is returned. */
export type Decision<T> = { result: T; write?: { value: unknown } };

const allStores = new Set<PrivateStore>();

/** A store of one object store (`storeName`) in a database of its own; version 1 creates it. */
export function openPrivateStore(dbName: string, storeName = 'private'): PrivateStore {
  let opening: Promise<IDBDatabase> | undefined;

  function open(): Promise<IDBDatabase> {
    opening ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => {
        // Version 1 creates the one object store; later versions add stores here, never rename.
        if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another context upgrading or deleting the database closes ours; reopen on next use.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        opening = undefined;
        reject(request.error ?? new Error('Could not open the extension database.'));
      };
    });
    return opening;
  }

  async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const request = act(tx.objectStore(storeName));
      // A read's result is final when its request succeeds; the transaction's completion comes a
      // round trip to the database later. A write is done only once its transaction completes.
      if (mode === 'readonly') request.onsuccess = () => resolve(request.result);
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('The extension database refused the change.'));
      tx.onabort = () => reject(tx.error ?? new Error('The extension database aborted the change.'));
    });
  }

  const store: PrivateStore = {
    read: (key) => run('readonly', (s) => s.get(key)),
    write: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    remove: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
    update: async <T>(key: string, decide: (current: unknown) => Decision<T>): Promise<T> => {
      const db = await open();
      return new Promise<T>((resolve, reject) => {
        const tx = db.transaction(storeName, 'readwrite');
        const objects = tx.objectStore(storeName);
        let decided: Decision<T> | undefined;
        let failure: unknown;
        const read = objects.get(key);
        read.onsuccess = () => {
          try {
            decided = decide(read.result);
            if (decided.write) objects.put(decided.write.value, key);
          } catch (error) {
            failure = error;
            tx.abort();
          }
        };
        tx.oncomplete = () => resolve((decided as Decision<T>).result);
        tx.onerror = () =>
          reject(failure ?? tx.error ?? new Error('The extension database refused the change.'));
        tx.onabort = () =>
          reject(failure ?? tx.error ?? new Error('The extension database aborted the change.'));
      });
    },
    list: async (prefix) => {
      const db = await open();
      return new Promise((resolve, reject) => {
        const tx = db.transaction(storeName, 'readonly');
        const found: { key: string; value: unknown }[] = [];
        const cursor = tx.objectStore(storeName).openCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          found.push({ key: String(at.key), value: at.value });
          at.continue();
        };
        tx.oncomplete = () => resolve(found);
        tx.onerror = () => reject(tx.error ?? new Error('The extension database could not be read.'));
      });
    },
    destroy: async () => {
      const current = opening;
      opening = undefined;
      if (current) (await current.catch(() => null))?.close();
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(dbName);
        // "blocked" only means another context still has it open: its onversionchange closes it,
        // then the deletion goes on and ends in success.
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('The extension database was not deleted.'));
      });
    },
    forget: () => {
      opening = undefined;
    },
  };
  allStores.add(store);
  return store;
}

/** The main database's name; its one object store is `private` (openPrivateStore's default). */
export const PRIVATE_DATABASE = 'certcentral-companion';

const main = openPrivateStore(PRIVATE_DATABASE);

export function readPrivate(key: string): Promise<unknown> {
  return main.read(key);
}

export function writePrivate(key: string, value: unknown): Promise<void> {
  return main.write(key, value);
}

/** Every record whose key starts with `prefix`, in key order, read in one transaction. */
export function listPrivate(prefix: string): Promise<{ key: string; value: unknown }[]> {
  return main.list(prefix);
}

export function deletePrivate(key: string): Promise<void> {
  return main.remove(key);
}

/** Read and write of one record in one transaction (PrivateStore.update). */
export function updatePrivate<T>(key: string, decide: (current: unknown) => Decision<T>): Promise<T> {
  return main.update(key, decide);
}

/** Tests only: forget every cached connection so a fresh fake IndexedDB is opened. */
export function closePrivateStoreForTests(): void {
  for (const store of allStores) store.forget();
}
