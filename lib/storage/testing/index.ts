// Shared by tests (not used by the extension itself): a clean slate before each test.
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closePrivateStoreForTests } from '../private-store';

/** Empty extension storage areas and an empty IndexedDB, with no connection left from the last test. */
export function resetStorageForTests(): void {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
}
