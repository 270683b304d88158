/**
 * The user's CertCentral API key: stored once, encrypted, readable only by the background.
 *
 * What this protects and what it does not is in docs/key-storage.md. In short: the key is
 * encrypted with AES-GCM under a non-extractable CryptoKey, but that CryptoKey is stored beside it
 * in the same profile, so anyone who can read the profile's files can decrypt the key. The origin
 * boundary keeps both out of web pages, content scripts and other extensions (see private-store).
 *
 * Layout: one record in a database of its own (`api-key`), holding a wrapping key made for that
 * save alone, the ciphertext, and padding that makes Chromium keep the record in a file of its own
 * (see PADDING_BYTES). Replacing the key replaces that file; removing it deletes the database.
 * Optionally (protectApiKey) the record holds no wrapping key but PBKDF2 parameters instead, and
 * the key is usable only once unlocked with the passphrase (lib/settings/api-key-passphrase.ts).
 */
import { t } from '../i18n';
import {
  deletePrivate,
  openPrivateStore,
  type PrivateStore,
  readPrivate,
  writePrivate,
} from '../storage/private-store';
import { readStored } from '../storage/stored-item';
import {
  CURRENT,
  LEGACY_KEY_RECORD,
  LEGACY_WRAPPING_KEY_RECORD,
  legacyApiKeyItem,
  legacyWrappingKeyItem,
  readKeyRecord,
} from './api-key-items';
import {
  checkPassphrase,
  type LockedApiKeyRecord,
  openWithPassphrase,
  sealWithPassphrase,
} from './api-key-passphrase';
import {
  type ApiKeyState,
  type ApiKeyStatus,
  checkApiKeyInput,
  damaged,
  openSealed,
  sealApiKey,
} from './api-key-record';
import { forgetUnlocked, keepUnlocked, readUnlocked } from './api-key-session';
import { changingSettings } from './view-cache';

export type { ApiKeyRecord, ApiKeyState, ApiKeyStatus } from './api-key-record';
export { API_KEY_RECORD_VERSION, checkApiKeyInput } from './api-key-record';

export const API_KEY_DATABASE = 'api-key';
const store = openPrivateStore(API_KEY_DATABASE, 'key');
// Every change to the record changes what the settings view shows: the kept view is forgotten
// around each one (view-cache.ts).
const keyStore: PrivateStore = {
  ...store,
  write: (key, value) => changingSettings(() => store.write(key, value)),
  remove: (key) => changingSettings(() => store.remove(key)),
  update: (key, decide) => changingSettings(() => store.update(key, decide)),
  destroy: () => changingSettings(() => store.destroy()),
};

export { CURRENT, LEGACY_KEY_RECORD, LEGACY_WRAPPING_KEY_RECORD } from './api-key-items';

const undecryptable = (): string => t('settings_key_undecryptable');

// One change at a time: a read that migrates, a save and a removal must not interleave.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

function savedStatus(record: { hint: string; savedAt: string }): ApiKeyStatus & { state: 'saved' } {
  return { state: 'saved', hint: record.hint, savedAt: record.savedAt };
}

export function saveApiKey(input: string, now: Date = new Date()): Promise<ApiKeyStatus> {
  const problem = checkApiKeyInput(input);
  if (problem) return Promise.reject(new Error(problem));
  return serial(async () => {
    const record = await sealApiKey(input.trim(), now.toISOString());
    // `put` replaces the previous record, and with it the file holding the old wrapping key.
    await keyStore.write(CURRENT, record);
    await purgeLegacy();
    await forgetUnlocked();
    return savedStatus(record);
  });
}

type StoredKey = { status: ApiKeyState; key: string | null };

async function readStoredKey(now = new Date(), touch = false): Promise<StoredKey> {
  const read = readKeyRecord(await keyStore.read(CURRENT));
  if (read === null) return moveLegacyKey();
  if ('problem' in read) return { status: { state: 'unreadable', reason: read.problem }, key: null };
  const { record } = read;
  if (record.version === 3) {
    const key = await readUnlocked(record.keyId, now, touch);
    const status: ApiKeyState = key
      ? { ...savedStatus(record), protected: true }
      : { state: 'locked', hint: record.hint, savedAt: record.savedAt };
    return { status, key };
  }
  const key = await openSealed(record, record.wrappingKey);
  if (key === null) return { status: { state: 'unreadable', reason: undecryptable() }, key: null };
  return { status: savedStatus(record), key };
}

/**
 * A key saved by an earlier version sits in the main private store with one wrapping key shared by
 * every save. It is re-encrypted under a fresh wrapping key into the `api-key` database and the old
 * records are overwritten, then deleted. Their old bytes may stay in the main database's LevelDB
 * files until Chromium compacts them (docs/key-storage.md says so).
 */
async function moveLegacyKey(): Promise<StoredKey> {
  const legacy = readStored(legacyApiKeyItem, await readPrivate(LEGACY_KEY_RECORD));
  if (legacy === null) return { status: { state: 'missing' }, key: null };
  if (!('value' in legacy)) return { status: { state: 'unreadable', reason: damaged() }, key: null };
  const wrappingKey = readStored(legacyWrappingKeyItem, await readPrivate(LEGACY_WRAPPING_KEY_RECORD));
  const key =
    wrappingKey && 'value' in wrappingKey ? await openSealed(legacy.value, wrappingKey.value) : null;
  if (key === null) return { status: { state: 'unreadable', reason: undecryptable() }, key: null };
  const record = await sealApiKey(key, legacy.value.savedAt);
  await keyStore.write(CURRENT, record);
  await purgeLegacy();
  return { status: savedStatus(record), key };
}

/** Overwrites, then deletes, the records of the old layout (a no-op when there are none). */
async function purgeLegacy(): Promise<void> {
  for (const name of [LEGACY_KEY_RECORD, LEGACY_WRAPPING_KEY_RECORD]) {
    if ((await readPrivate(name)) === undefined) continue;
    await writePrivate(name, null);
    await deletePrivate(name);
  }
}

/** What the pages may know, "locked" included (the settings view carries it). */
export function getApiKeyState(now = new Date()): Promise<ApiKeyState> {
  return serial(async () => (await readStoredKey(now)).status);
}

/** The three older states only: a locked key reads as unreadable, with what to do (for callers without "locked"). */
export async function getApiKeyStatus(): Promise<ApiKeyStatus> {
  const state = await getApiKeyState();
  if (state.state !== 'locked') return state;
  return {
    state: 'unreadable',
    reason: t('settings_key_locked_reason'),
  };
}

/** The plain key, for the background's API client only. Null when none is saved, it is locked or unreadable. */
export function loadApiKey(now = new Date()): Promise<string | null> {
  return serial(async () => (await readStoredKey(now, true)).key);
}

/**
 * Protects the saved key with a passphrase: re-encrypted under a key derived from it, replacing
 * the record that held a wrapping key (and so deleting its file). It stays unlocked until it has
 * not been used for `idleMinutes` or the browser closes.
 */
export function protectApiKey(
  passphrase: string,
  idleMinutes: number,
  now = new Date(),
): Promise<ApiKeyState> {
  const problem = checkPassphrase(passphrase);
  if (problem) return Promise.reject(new Error(problem));
  return serial(async () => {
    const { status, key } = await readStoredKey(now);
    if (key === null || status.state !== 'saved') throw new Error(t('settings_key_save_first'));
    const record = await sealWithPassphrase(key, passphrase, status.savedAt);
    await keyStore.write(CURRENT, record);
    await keepUnlocked(record.keyId, key, idleMinutes, now);
    return { ...savedStatus(record), protected: true };
  });
}

/** The passphrase-protected record at rest; throws, in words, when there is none that can be read. */
async function readLockedRecord(): Promise<LockedApiKeyRecord> {
  const read = readKeyRecord(await keyStore.read(CURRENT));
  if (read === null || 'problem' in read || read.record.version !== 3)
    throw new Error(t('settings_no_protected_key'));
  return read.record;
}

/** Unlocks a passphrase-protected key into `storage.session`; false when the passphrase is wrong. */
export function unlockApiKey(passphrase: string, idleMinutes: number, now = new Date()): Promise<boolean> {
  return serial(async () => {
    const locked = await readLockedRecord();
    const key = await openWithPassphrase(locked, passphrase);
    if (key === null) return false;
    await keepUnlocked(locked.keyId, key, idleMinutes, now);
    return true;
  });
}

/** Takes the passphrase off: back to a fresh wrapping key on disk. False when the passphrase is wrong. */
export function unprotectApiKey(passphrase: string): Promise<boolean> {
  return serial(async () => {
    const locked = await readLockedRecord();
    const key = await openWithPassphrase(locked, passphrase);
    if (key === null) return false;
    await keyStore.write(CURRENT, await sealApiKey(key, locked.savedAt));
    await forgetUnlocked();
    return true;
  });
}

/** Locks now: the plain key leaves `storage.session`; the encrypted record stays. */
export function lockApiKey(): Promise<void> {
  return serial(forgetUnlocked);
}

/**
 * Forgets the key here: the record (ciphertext and wrapping key together) is overwritten, which
 * deletes the file Chromium kept it in, then the whole `api-key` database is deleted. This does
 * not revoke the key in CertCentral; only CertCentral can do that.
 */
export function removeApiKey(): Promise<void> {
  return serial(async () => {
    await keyStore.write(CURRENT, null);
    await keyStore.destroy();
    await purgeLegacy();
    await forgetUnlocked();
  });
}
