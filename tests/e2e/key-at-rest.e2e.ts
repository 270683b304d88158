/**
 * The API key at rest, read the way an attacker with the profile would: every file under
 * Chromium's user-data-dir, as raw bytes and in the encodings a string is commonly stored in.
 *
 * While a key is saved it must not be there in plain text (it is encrypted; docs/key-storage.md
 * says why that still does not stop someone with the profile). After "Replace key" the old key,
 * and after "Remove key" the last one, must be nowhere at all: not even in LevelDB's log, which
 * is what the key's own padded record and database are for (lib/settings/api-key-record.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { CHROMIUM, chromiumArgs } from './browser';
import { callBackground } from './extension-calls';
import { report, scanProfile } from './profile-scan';

let sandbox: Sandbox;
let profile: string;
let context: BrowserContext | undefined;
/** The admin key's record as saved by the first test, looked for again after removal. */
let savedRecord: Record<string, Buffer> = {};

/** Chromium on `profile`, kept between launches, so that what one run wrote the next can read. */
async function launch(): Promise<{ options: Page; worker: Worker }> {
  await closeBrowser();
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(sandbox.port),
  });
  // The build's worker (only the build is loaded, but be sure).
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
  const options = await context.newPage();
  const url = `chrome-extension://${new URL(worker.url()).host}/options.html`;
  // On the second launch Chromium may restore the last session's options tab at the same moment,
  // which interrupts this navigation: go again.
  await options.goto(url).catch(() => options.goto(url));
  await options.getByRole('heading', { name: 'CertCentral connection' }).waitFor();
  return { options, worker };
}

/**
 * The sealed record's own bytes, read in the background as stored. Found in the profile while
 * saved, they show the scan sees the record; gone after removal, nothing is left to decrypt,
 * whoever holds the wrapping key.
 */
async function sealedBytes(worker: Worker): Promise<Record<string, Buffer>> {
  const sealed = await worker.evaluate(
    () =>
      new Promise<{ ciphertext: number[]; keyId: string }>((resolve, reject) => {
        const open = indexedDB.open('api-key');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('key').objectStore('key').get('current');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            open.result.close();
            resolve({ ciphertext: [...new Uint8Array(get.result.ciphertext)], keyId: get.result.keyId });
          };
        };
      }),
  );
  return { ciphertext: Buffer.from(sealed.ciphertext), keyId: Buffer.from(sealed.keyId) };
}

/** Closing the browser is what an attacker copying the profile would wait for: everything is flushed. */
async function closeBrowser(): Promise<void> {
  await context?.close();
  context = undefined;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  profile = mkdtempSync(join(tmpdir(), 'certcentral-key-at-rest-'));
});

afterAll(async () => {
  await closeBrowser();
  await sandbox?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the API key at rest in the profile', () => {
  it('is not in plain text while saved, and a replaced key is gone', async () => {
    const { options, worker } = await launch();
    const first = await callBackground(options, 'saveApiKey', { apiKey: SANDBOX_KEYS.orders, region: 'us' });
    expect(first.ok).toBe(true);
    const replacedRecord = await sealedBytes(worker);
    await options.reload();
    // The admin key is typed into the page as a person would, and the connection test uses it.
    await options.getByRole('button', { name: 'Replace key' }).click();
    await options.getByLabel('API key').fill(SANDBOX_KEYS.admin);
    await options.getByRole('button', { name: 'Save key' }).click();
    await options.getByText('API key saved').waitFor();
    await options.getByText('Stored encrypted in this browser profile.').waitFor();
    await expect.poll(() => sandbox.requestLog.length).toBeGreaterThan(0);
    savedRecord = await sealedBytes(worker);
    await closeBrowser();

    const saved = scanProfile(profile, SANDBOX_KEYS.admin);
    const replaced = scanProfile(profile, SANDBOX_KEYS.orders);
    report('saved', 'admin key', saved);
    report('replaced', 'orders key', replaced);
    expect(saved.files).toBeGreaterThan(0);
    expect(saved.hits).toEqual([]);
    expect(replaced.hits).toEqual([]);
    const sealedSaved = scanProfile(profile, savedRecord);
    const sealedReplaced = scanProfile(profile, replacedRecord);
    report('saved', 'sealed record of the admin key', sealedSaved);
    report('replaced', 'sealed record of the orders key', sealedReplaced);
    // The scan does see the stored record: its ciphertext and id are in the profile...
    expect(sealedSaved.hits.some((hit) => hit.endsWith('(ciphertext)'))).toBe(true);
    // ...but the replaced key's record is gone with its file.
    expect(sealedReplaced.hits).toEqual([]);
  }, 120_000);

  it('is nowhere in the profile after "Remove key", which says it did not revoke it', async () => {
    const { options } = await launch();
    await options.getByText('API key saved').waitFor();
    await options.getByRole('button', { name: 'Remove key…' }).click();
    await options.getByText(/This does not\s+revoke the key/).waitFor();
    await options.getByRole('button', { name: 'Remove key', exact: true }).click();
    const result = options.getByRole('status').filter({ hasText: 'not revoked' });
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/Automation › API Keys/);
    await options.getByLabel('API key').waitFor();
    await closeBrowser();

    const removed = scanProfile(profile, SANDBOX_KEYS.admin);
    report('removed', 'admin key', removed);
    expect(removed.files).toBeGreaterThan(0);
    expect(removed.hits).toEqual([]);
    expect(scanProfile(profile, SANDBOX_KEYS.orders).hits).toEqual([]);
    const sealedRemoved = scanProfile(profile, savedRecord);
    report('removed', 'sealed record of the admin key', sealedRemoved);
    expect(sealedRemoved.hits).toEqual([]);
  }, 120_000);
});
