/**
 * Settings end to end: the production build in Chromium against the sandbox. Saving a key,
 * testing the connection (right key, wrong key, View Only key), and the key staying out of
 * reach of content scripts, logs and the pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { contentScriptWorld } from '../support/content-world';

let sandbox: Sandbox;
let browser: ExtensionBrowser;
const workerLogs: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
  browser.worker.on('console', (message) => workerLogs.push(message.text()));
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (message) => workerLogs.push(message.text()));
  await page.goto(browser.extensionUrl('options.html'));
  await page.getByRole('heading', { name: 'CertCentral connection' }).waitFor();
  return page;
}

async function saveKey(page: Page, key: string): Promise<void> {
  const replace = page.getByRole('button', { name: 'Replace key' });
  if (await replace.isVisible()) await replace.click();
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
}

describe('settings', () => {
  it('opens the options page when the extension is installed', async () => {
    const deadline = Date.now() + 10_000;
    while (!browser.context.pages().some((p) => p.url() === browser.extensionUrl('options.html'))) {
      if (Date.now() > deadline) throw new Error('the options page did not open on install');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('shows the way to the settings in the popup when no key is saved', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByText('Connect your CertCentral account').waitFor();
    // With no template yet, the popup says what a template is and leads to the editor.
    await popup.getByRole('button', { name: 'Create a template' }).waitFor();
    await popup.getByRole('button', { name: 'Open settings' }).waitFor();
    await popup.close();
  });

  it('refuses malformed input at the field, saving nothing', async () => {
    const page = await openOptions();
    await saveKey(page, 'two words');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/no spaces/);
    await page.close();
    expect(sandbox.requestLog.length).toBe(0);
  });

  it('reports a wrong key as not valid, with DigiCert’s own code, never as a restricted key', async () => {
    const page = await openOptions();
    await saveKey(page, 'wrong-key-0000000000');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toMatch(/This API key is not valid/);
    expect(text).toContain('access_denied|access_denied_invalid_key');
    expect(text).toMatch(/US region/);
    expect(text).not.toMatch(/restrict|Orders role/i);
    await page.close();
  });

  it('saves the admin key, tests it and shows who it belongs to', async () => {
    const page = await openOptions();
    await saveKey(page, SANDBOX_KEYS.admin);
    await page.getByText('Connected as Ada Admin').waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('#5550001');
    expect(text).toContain('Sandbox Corp');
    expect(text).toContain('Administrator');
    expect(text).toContain('••••-key');
    // The field is emptied once the background has stored the key; the page keeps no copy.
    expect(await page.locator('input[type=password]').count()).toBe(0);
    expect(await page.content()).not.toContain(SANDBOX_KEYS.admin);
    const me = sandbox.requestLog.filter((entry) => entry.path === '/services/v2/user/me');
    expect(me.at(-1)?.status).toBe(200);
    await page.close();
  });

  it('shows the connection in the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByText('Ada Admin · account #5550001 · US (www.digicert.com)').waitFor();
    await popup.close();
  });

  it('keeps the key out of reach of a content script on a CertCentral page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.digicert.com/secure/orders/10000001');
    await page.getByRole('heading', { name: 'Order #10000001' }).waitFor();
    const world = await contentScriptWorld(page, 'CertCentral Companion');
    const local = await world.evaluate('chrome.storage.local.get(null).then((all) => JSON.stringify(all))');
    expect(local).not.toContain(SANDBOX_KEYS.admin);
    expect(local).not.toContain('5550001');
    const session = await world.evaluate(
      'chrome.storage.session.get(null).then((all) => JSON.stringify(all), (error) => "refused: " + error.message)',
    );
    expect(session).toMatch(/^refused: /);
    const databases = await world.evaluate(
      'indexedDB.databases().then((dbs) => JSON.stringify(dbs.map((db) => db.name)))',
    );
    expect(databases).not.toContain('certcentral-companion');
    // Positive control: the extension's own pages do see that database.
    const options = await openOptions();
    const ownDatabases = await options.evaluate(() =>
      indexedDB.databases().then((dbs) => dbs.map((db) => db.name)),
    );
    expect(ownDatabases).toContain('certcentral-companion');
    await options.close();
    // Asking the background for the settings from the content script is refused.
    const asked = await world.evaluate(
      `chrome.runtime.sendMessage({ id: 1, type: 'getSettings', timestamp: Date.now() }).then((reply) => JSON.stringify(reply))`,
    );
    expect(asked).toMatch(/Refused \\?"getSettings\\?"/);
    expect(asked).not.toContain(SANDBOX_KEYS.admin);
    // What the page suggested reached the background, for that tab only.
    const reported = await browser.worker.evaluate('chrome.storage.session.get(null)');
    expect(Object.values(reported as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ orderIds: [10000001] }),
    );
    await page.close();
  });

  it('explains that a View Only key cannot place orders', async () => {
    const page = await openOptions();
    await saveKey(page, SANDBOX_KEYS.viewOnly);
    await page.getByText('This key cannot place orders').waitFor();
    await expect(page.locator('main').textContent()).resolves.toMatch(/View Only \(role 102\)/);
    await page.close();
  });

  it('removes the key', async () => {
    const page = await openOptions();
    await page.getByRole('button', { name: 'Remove key…' }).click();
    await page.getByRole('button', { name: 'Remove key', exact: true }).click();
    await page.getByLabel('API key').waitFor();
    await page.close();
  });

  it('never wrote a key to a log', () => {
    const everything = workerLogs.join('\n');
    for (const key of Object.values(SANDBOX_KEYS)) expect(everything).not.toContain(key);
    const logged = JSON.stringify(sandbox.requestLog);
    for (const key of Object.values(SANDBOX_KEYS)) expect(logged).not.toContain(key);
  });
});
