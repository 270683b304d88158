/**
 * Where a passphrase-protected API key is kept once unlocked (lib/settings/api-key.ts decides when).
 *
 * It lives only in `storage.session`: in memory, emptied when the browser
 * closes, out of content scripts' reach (the background sets TRUSTED_CONTEXTS), and it survives
 * the service worker being stopped between two API calls.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';

export const UNLOCKED = 'apiKeyUnlocked';
type Unlocked = { keyId: string; key: string; idleMs: number; expiresAt: number };

export async function readUnlocked(keyId: string, now: Date, touch: boolean): Promise<string | null> {
  const stored = (await browser.storage.session.get(UNLOCKED))[UNLOCKED] as Unlocked | undefined;
  if (!stored) return null;
  if (stored.keyId !== keyId || stored.expiresAt <= now.getTime()) {
    await forgetUnlocked();
    return null;
  }
  // Using the key pushes the lock back: it locks after `idleMs` without a call to CertCentral.
  if (touch)
    await browser.storage.session.set({
      [UNLOCKED]: { ...stored, expiresAt: now.getTime() + stored.idleMs },
    });
  return stored.key;
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
  const unlocked: Unlocked = { keyId, key, idleMs, expiresAt: now.getTime() + idleMs };
  await browser.storage.session.set({ [UNLOCKED]: unlocked });
}

export function forgetUnlocked(): Promise<void> {
  return browser.storage.session.remove(UNLOCKED);
}
