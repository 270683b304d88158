/**
 * A tiny key-value store in the extension origin's IndexedDB.
 *
 * Why not `storage.local`: content scripts share `storage.local` with the extension, and a
 * content script runs inside CertCentral pages we do not control. IndexedDB belongs to the
 * origin that opens it, so records here (the API key, API answers) are out of a content
 * script's reach: a content script opening IndexedDB opens the page's database instead.
 */
const DB_NAME = 'certcentral-companion';
const DB_VERSION = 1;
const STORE = 'private';

let opening: Promise<IDBDatabase> | undefined;

function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      // Version 1 creates the one object store; later versions add stores here, never rename.
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context upgrading the database closes ours; reopen on next use.
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
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = act(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? new Error('The extension database refused the change.'));
    tx.onabort = () => reject(tx.error ?? new Error('The extension database aborted the change.'));
  });
}

export function readPrivate(key: string): Promise<unknown> {
  return run('readonly', (store) => store.get(key));
}

export async function writePrivate(key: string, value: unknown): Promise<void> {
  await run('readwrite', (store) => store.put(value, key));
}

/** Every record whose key starts with `prefix`, in key order, read in one transaction. */
export async function listPrivate(prefix: string): Promise<{ key: string; value: unknown }[]> {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readonly');
    const found: { key: string; value: unknown }[] = [];
    const cursor = tx.objectStore(STORE).openCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      found.push({ key: String(at.key), value: at.value });
      at.continue();
    };
    tx.oncomplete = () => resolve(found);
    tx.onerror = () => reject(tx.error ?? new Error('The extension database could not be read.'));
  });
}

export async function deletePrivate(key: string): Promise<void> {
  await run('readwrite', (store) => store.delete(key));
}

/** Tests only: forget the cached connection so a fresh fake IndexedDB is opened. */
export function closePrivateStoreForTests(): void {
  opening = undefined;
}
