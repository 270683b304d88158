/**
 * The API key at rest, read the way an attacker with the profile would: every file under
 * Chromium's user-data-dir, as raw bytes and in the encodings a string is commonly stored in.
 *
 * While a key is saved it must not be there in plain text (it is encrypted; docs/key-storage.md
 * says why that still does not stop someone with the profile). After "Replace key" the old key,
 * and after "Remove key" the last one, must be nowhere at all: not even in LevelDB's log, which
 * is what the key's own padded record and database are for (lib/settings/api-key-record.ts).
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { callBackground } from '../support/extension-calls';
import { ProfileBrowser } from '../support/profile-browser';
import { report, scanProfile, storedKeyRecord } from '../support/profile-scan';

let sandbox: Sandbox;
let browser: ProfileBrowser;
/** The admin key's record as saved by the first test, looked for again after removal. */
let savedRecord: Record<string, Buffer> = {};

/** Chromium on the kept profile, so that what one run wrote the next can read. */
async function launch(): Promise<{ options: Page; worker: Worker }> {
  const options = await browser.launch();
  await options.getByRole('heading', { name: 'CertCentral connection' }).waitFor();
  if (!browser.worker) throw new Error('the extension did not start');
  return { options, worker: browser.worker };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = new ProfileBrowser(sandbox.port, 'key-at-rest');
});

afterAll(async () => {
  await browser?.dispose();
  await sandbox?.close();
});

describe('the API key at rest in the profile', () => {
  it('is not in plain text while saved, and a replaced key is gone', async () => {
    const { options, worker } = await launch();
    const first = await callBackground(options, 'saveApiKey', { apiKey: SANDBOX_KEYS.orders, region: 'us' });
    expect(first.ok).toBe(true);
    const replacedRecord = await storedKeyRecord(worker);
    await options.reload();
    // The admin key is typed into the page as a person would, and the connection test uses it.
    await options.getByRole('button', { name: 'Replace key' }).click();
    await options.getByLabel('API key').fill(SANDBOX_KEYS.admin);
    await options.getByRole('button', { name: 'Save key' }).click();
    await options.getByText('API key saved').waitFor();
    await options.getByText('Stored encrypted in this browser profile.').waitFor();
    await expect.poll(() => sandbox.requestLog.length).toBeGreaterThan(0);
    savedRecord = await storedKeyRecord(worker);
    await browser.close();

    const saved = scanProfile(browser.profile, SANDBOX_KEYS.admin);
    const replaced = scanProfile(browser.profile, SANDBOX_KEYS.orders);
    report('saved', 'admin key', saved);
    report('replaced', 'orders key', replaced);
    expect(saved.files).toBeGreaterThan(0);
    expect(saved.hits).toEqual([]);
    expect(replaced.hits).toEqual([]);
    const sealedSaved = scanProfile(browser.profile, savedRecord);
    const sealedReplaced = scanProfile(browser.profile, replacedRecord);
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
    await browser.close();

    const removed = scanProfile(browser.profile, SANDBOX_KEYS.admin);
    report('removed', 'admin key', removed);
    expect(removed.files).toBeGreaterThan(0);
    expect(removed.hits).toEqual([]);
    expect(scanProfile(browser.profile, SANDBOX_KEYS.orders).hits).toEqual([]);
    const sealedRemoved = scanProfile(browser.profile, savedRecord);
    report('removed', 'sealed record of the admin key', sealedRemoved);
    expect(sealedRemoved.hits).toEqual([]);
  }, 120_000);
});
