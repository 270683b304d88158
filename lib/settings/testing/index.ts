// Shared by the settings tests (not used by the extension itself): a transport that answers every
// call the same way, a clean slate of browser storage before each test, and a key saved with the
// passphrase lock.
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRateLimiter } from '../../certcentral/rate-limit';
import { createTransport } from '../../certcentral/transport';
import { closePrivateStoreForTests, openPrivateStore } from '../../storage/private-store';
import { API_KEY_DATABASE, protectApiKey, saveApiKey } from '../api-key';
import { CURRENT } from '../api-key-items';
import type { SettingsDeps } from '../service';

export const CHECKED = new Date('2026-11-29T10:00:00Z');

/** Settings dependencies whose CertCentral answers every call with `status` and `body`; `seen` records each call. */
export function depsAnswering(
  answer: { status: number; body: unknown },
  seen: { url: string; headers: Record<string, string> }[] = [],
): SettingsDeps {
  return {
    now: () => CHECKED,
    makeTransport: (apiKey, region) =>
      createTransport({
        apiKey,
        region,
        limiter: createRateLimiter({ sleep: async () => {} }),
        sleep: async () => {},
        maxGetRetries: 0,
        fetch: async (url, init) => {
          seen.push({ url, headers: init.headers as Record<string, string> });
          return new Response(JSON.stringify(answer.body), { status: answer.status });
        },
      }),
  };
}

/** Fresh storage for each test; the Europe host (an optional permission) counts as granted. */
export function resetSettingsStorage(): void {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
}

/** A passphrase long enough for the lock (checkPassphrase), shared by the lock's tests. */
export const PASSPHRASE = 'correct horse battery staple';
export const WRONG_PASSPHRASE = 'wrong passphrase, long enough';

/** What is at rest in the key's own database (lib/settings/api-key.ts keeps one record there). */
export function keyAtRest(): Promise<unknown> {
  return openPrivateStore(API_KEY_DATABASE, 'key').read(CURRENT);
}

/** Saves `key` at `at` and puts the passphrase lock on it, as the settings page does in two steps. */
export async function saveProtectedKey(key: string, idleMinutes: number, at: Date): Promise<void> {
  await saveApiKey(key, at);
  await protectApiKey(PASSPHRASE, idleMinutes, at);
}
