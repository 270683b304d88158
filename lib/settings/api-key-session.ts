/**
 * Where a passphrase-protected API key is kept once unlocked (lib/settings/api-key.ts decides when).
 *
 * It lives only in `storage.session`: in memory, emptied when the browser
 * closes, out of content scripts' reach (the background sets TRUSTED_CONTEXTS), and it survives
 * the service worker being stopped between two API calls.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { readStored } from '../storage/stored-item';
import { UNLOCKED, type UnlockedKey, unlockedKeyItem } from './api-key-items';
import { changingSettings } from './view-cache';

export { UNLOCKED } from './api-key-items';

/**
 * Pure: the unlocked key for the record `keyId`, or null when there is none, it belongs to another
 * save, it has passed its idle time or it cannot be read. `forget` says whether what is stored
 * should go (anything but nothing at all): a value that cannot be read is never used, only dropped.
 */
export function unlockedFor(
  raw: unknown,
  keyId: string,
  now: Date,
): { unlocked: UnlockedKey | null; forget: boolean } {
  const read = readStored(unlockedKeyItem, raw);
  if (read === null) return { unlocked: null, forget: false };
  if (!('value' in read)) return { unlocked: null, forget: true };
  const stored = read.value;
  if (stored.keyId !== keyId || stored.expiresAt <= now.getTime()) return { unlocked: null, forget: true };
  return { unlocked: stored, forget: false };
}

export async function readUnlocked(keyId: string, now: Date, touch: boolean): Promise<string | null> {
  const { unlocked, forget } = unlockedFor(
    (await browser.storage.session.get(UNLOCKED))[UNLOCKED],
    keyId,
    now,
  );
  if (forget) await forgetUnlocked();
  if (!unlocked) return null;
  // Using the key pushes the lock back: it locks after `idleMs` without a call to CertCentral.
  if (touch)
    await browser.storage.session.set({
      [UNLOCKED]: { ...unlocked, expiresAt: now.getTime() + unlocked.idleMs },
    });
  return unlocked.key;
}

export async function keepUnlocked(
  keyId: string,
  key: string,
  idleMinutes: number,
  now: Date,
): Promise<void> {
  if (!Number.isInteger(idleMinutes) || idleMinutes < 1 || idleMinutes > 24 * 60)
    throw new Error(t('settings_lock_idle_bounds'));
  const idleMs = idleMinutes * 60_000;
  const unlocked: UnlockedKey = { keyId, key, idleMs, expiresAt: now.getTime() + idleMs };
  await changingSettings(() => browser.storage.session.set({ [UNLOCKED]: unlocked }));
}

export function forgetUnlocked(): Promise<void> {
  return changingSettings(() => browser.storage.session.remove(UNLOCKED));
}

/**
 * When the unlocked key locks by itself if it is not used (ms since the epoch), or undefined when
 * none is unlocked: the settings view that shows it unlocked holds until then (view-cache.ts).
 */
export async function unlockedUntil(): Promise<number | undefined> {
  const read = readStored(unlockedKeyItem, (await browser.storage.session.get(UNLOCKED))[UNLOCKED]);
  return read !== null && 'value' in read ? read.value.expiresAt : undefined;
}
