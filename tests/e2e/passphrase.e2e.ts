/**
 * The optional passphrase lock, as a person uses it: set in the options page, locked, unlocked in
 * the popup. While locked an order waits in the outbox (CertCentral gets nothing); once unlocked it
 * is sent. A locked profile, read file by file after the browser closed, holds neither the key nor
 * the record that carried a wrapping key beside the ciphertext (docs/key-storage.md).
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCsr, validEvOrderBody } from '../sandbox/client';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { callBackground, submissions, waitForSubmission } from '../support/extension-calls';
import { ProfileBrowser } from '../support/profile-browser';
import { report, scanProfile, storedKeyRecord } from '../support/profile-scan';
import { EV_ORDER_PATH } from '../support/setup';

const PASSPHRASE = 'correct horse battery staple';
let sandbox: Sandbox;
let browser: ProfileBrowser;
/** The record as saved before the lock: its ciphertext sat beside the wrapping key that opens it. */
let unlockedRecord: Record<string, Buffer> = {};
/** The passphrase-sealed record, looked for to show the scan does see the key's file. */
let lockedRecord: Record<string, Buffer> = {};

/** Chromium on the kept profile; returns the options page. */
async function launch(): Promise<{ options: Page; worker: Worker }> {
  const options = await browser.launch();
  await options.getByRole('heading', { name: 'CertCentral connection' }).waitFor();
  if (!browser.worker) throw new Error('the extension did not start');
  return { options, worker: browser.worker };
}

/** Only the ciphertext: the key id stays the same when the record is sealed under a passphrase. */
const ciphertextOf = async (worker: Worker) => ({ ciphertext: (await storedKeyRecord(worker)).ciphertext });

const orderPosts = () => sandbox.requestLog.filter((e) => e.method === 'POST' && e.path === EV_ORDER_PATH);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = new ProfileBrowser(sandbox.port, 'passphrase');
});

afterAll(async () => {
  await browser?.dispose();
  await sandbox?.close();
});

describe('the passphrase lock', () => {
  it('is set in the options page; while locked the popup asks for it and an order waits', async () => {
    const { options, worker } = await launch();
    const saved = await callBackground(options, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
    expect(saved.ok).toBe(true);
    unlockedRecord = await ciphertextOf(worker);
    await options.reload();
    await options.getByRole('button', { name: 'Set a passphrase…' }).click();
    await options.getByLabel('New passphrase').fill(PASSPHRASE);
    await options.getByLabel('Passphrase again').fill(PASSPHRASE);
    await options.getByLabel('Lock again after this many minutes without use').fill('5');
    await options.getByRole('button', { name: 'Set passphrase' }).click();
    await options.getByRole('button', { name: 'Lock now' }).click();
    await options.getByText('locked with a passphrase').waitFor();
    lockedRecord = await ciphertextOf(worker);

    const popup = await options.context().newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('heading', { name: 'The API key is locked' }).waitFor();

    const csr = await makeTestCsr('locked.example.com');
    const body = validEvOrderBody(csr, 'locked.example.com');
    const reply = await callBackground(options, 'submitOrder', {
      product: 'ssl_ev_securesite_pro',
      request: body,
    });
    if (!reply.ok || !reply.value.accepted) throw new Error(`not accepted: ${JSON.stringify(reply)}`);
    const id = reply.value.submission.id;
    // Even asked to send now, a locked key sends nothing and fails nothing.
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await submissions(options, true)).find((s) => s.id === id)?.state).toBe('queued');
    expect(orderPosts()).toEqual([]);

    // A wrong passphrase is announced; the right one unlocks and the order goes out.
    await popup.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/does not unlock/);
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup.getByRole('heading', { name: 'The API key is locked' }).waitFor({ state: 'detached' });
    // Unlocking sends waiting orders at once (the outbox's own sweep would within a minute).
    await waitForSubmission(options, id, (s) => s.state === 'placed', { timeoutMs: 20_000 });
    expect(orderPosts()).toHaveLength(1);
  }, 180_000);

  it('leaves neither the key nor its old wrapped record in the profile once locked and closed', async () => {
    const { options } = await launch();
    // A new browser session: storage.session was emptied, so the key is locked again.
    await options.getByText('locked with a passphrase').waitFor();
    await browser.close();

    const key = scanProfile(browser.profile, SANDBOX_KEYS.admin);
    report('locked', 'admin key', key);
    expect(key.files).toBeGreaterThan(0);
    expect(key.hits).toEqual([]);
    const old = scanProfile(browser.profile, unlockedRecord);
    report('locked', 'record sealed under a stored wrapping key', old);
    expect(old.hits).toEqual([]);
    // The scan does see the key's file: the passphrase-sealed ciphertext is there.
    expect(scanProfile(browser.profile, lockedRecord).hits.length).toBeGreaterThan(0);
  }, 120_000);

  it('is removed only with the passphrase; the key then works without unlocking, also after a restart', async () => {
    const { options } = await launch();
    await options.getByText('locked with a passphrase').waitFor();
    await options.getByRole('button', { name: 'Remove passphrase…' }).click();
    await options.getByLabel('Passphrase, to remove the lock').fill('not the passphrase at all');
    await options.getByRole('button', { name: 'Remove passphrase', exact: true }).click();
    await expect.poll(() => options.getByRole('alert').first().textContent()).toMatch(/\S/);
    const stillLocked = await callBackground(options, 'getSettings', undefined);
    expect(stillLocked.ok && stillLocked.value.apiKey.state).toBe('locked');

    await options.getByLabel('Passphrase, to remove the lock').fill(PASSPHRASE);
    await options.getByRole('button', { name: 'Remove passphrase', exact: true }).click();
    await options.getByRole('button', { name: 'Set a passphrase…' }).waitFor();
    const removed = await callBackground(options, 'getSettings', undefined);
    expect(removed.ok && removed.value.apiKey).toMatchObject({ state: 'saved' });
    expect(
      removed.ok && removed.value.apiKey.state === 'saved' && removed.value.apiKey.protected,
    ).toBeFalsy();
    await browser.close();

    // A new session: no unlock is asked, and an order goes out at once.
    const again = await launch();
    const settings = await callBackground(again.options, 'getSettings', undefined);
    expect(settings.ok && settings.value.apiKey.state).toBe('saved');
    const csr = await makeTestCsr('unlocked.example.com');
    const reply = await callBackground(again.options, 'submitOrder', {
      product: 'ssl_ev_securesite_pro',
      request: validEvOrderBody(csr, 'unlocked.example.com'),
    });
    if (!reply.ok || !reply.value.accepted) throw new Error(`not accepted: ${JSON.stringify(reply)}`);
    await waitForSubmission(again.options, reply.value.submission.id, (s) => s.state === 'placed');
    expect(orderPosts()).toHaveLength(2);
  }, 120_000);
});
