/**
 * The background's two scripts (docs/architecture.md): after the worker stops, the front answers the
 * pages' first question from the settings view the services kept, so every change to what that view
 * shows must reach it. Each step here changes something, stops the worker the way Chromium's idle
 * timeout does, and asks getSettings of the started-again worker: the answer must be the change,
 * never the view from before it. A message only the services answer must still be answered by a
 * worker that started again (they load from the copy the worker kept at install). A closed tab
 * does not wake a stopped worker (lib/background/events.ts): the services hear it while they run,
 * and a start forgets the page orders of a tab that closed while the worker was stopped.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../lib/messaging';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { callBackground } from '../support/extension-calls';

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let page: Page;

type Version = { versionId: string; scriptURL: string; runningStatus: string };

/**
 * Stops the extension's worker with DevTools' ServiceWorker.stopAllWorkers (the stop Chromium's
 * idle timeout makes) and waits until the browser reports it stopped.
 */
async function stopWorker(): Promise<void> {
  const script = browser.extensionUrl('background.js');
  const cdp = await browser.context.newCDPSession(page);
  const states = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
    for (const v of versions) if (v.scriptURL === script) states.set(v.versionId, v.runningStatus);
  });
  try {
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => states.size, { message: 'the worker is reported' }).toBeGreaterThan(0);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(() => [...states.values()].every((s) => s === 'stopped'), {
        timeout: 15_000,
        message: `the worker stopped (last states: ${[...states.values()].join(', ')})`,
      })
      .toBe(true);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function settings(): Promise<SettingsView> {
  const reply = await callBackground(page, 'getSettings', undefined);
  if (!reply.ok) throw new Error(`getSettings failed: ${reply.error.title}`);
  return reply.value;
}

/** The view after the worker stopped and started again for this very question. */
async function settingsAfterStop(): Promise<SettingsView> {
  await stopWorker();
  return settings();
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
  page = await browser.context.newPage();
  // A settings page whose timers never repeat: the real one asks the background for the order
  // history every 10 s while it is visible (components/useSubmissions.ts), and such an ask landing
  // between a stop and the step after it woke the worker now and then; a closed tab was then heard
  // by the running services, not forgotten at the next start as the last test checks.
  await page.addInitScript(() => {
    globalThis.setInterval = (() => 0) as unknown as typeof setInterval;
  });
  await page.goto(browser.extensionUrl('options.html'));
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('the settings view across a stopped worker', () => {
  it('shows a saved key after the stop as before it', async () => {
    expect((await settingsAfterStop()).apiKey.state).toBe('missing');
    const saved = await callBackground(page, 'saveApiKey', { apiKey: SANDBOX_KEYS.orders, region: 'us' });
    expect(saved.ok).toBe(true);
    const before = await settings();
    expect(before.apiKey).toMatchObject({ state: 'saved', hint: SANDBOX_KEYS.orders.slice(-4) });
    expect(await settingsAfterStop()).toEqual(before);
  });

  it('shows the connection test that ran before the stop', async () => {
    const tested = await callBackground(page, 'testConnection', undefined);
    expect(tested).toMatchObject({ ok: true, value: { state: 'connected' } });
    const after = await settingsAfterStop();
    expect(after.connection).toMatchObject({ state: 'connected', region: 'us' });
  });

  it('shows the replacing key, not the replaced one', async () => {
    const before = await settings();
    const replaced = await callBackground(page, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
    if (!replaced.ok) throw new Error(`saveApiKey failed: ${replaced.error.title}`);
    const after = await settingsAfterStop();
    // Both sandbox keys end alike ("-key"): the replacing one is told by when it was saved.
    expect(after.apiKey.state).toBe('saved');
    expect(after.apiKey).not.toEqual(before.apiKey);
    expect(after).toEqual(replaced.value);
  });

  it('answers what only the services answer, in a worker that started again', async () => {
    await stopWorker();
    const reply = await callBackground(page, 'listSubmissions', {});
    expect(reply).toMatchObject({ ok: true, value: { submissions: [] } });
  });

  it('shows no key after "Remove key" and a stop', async () => {
    const removed = await callBackground(page, 'removeApiKey', undefined);
    expect(removed.ok).toBe(true);
    const after = await settingsAfterStop();
    expect(after.apiKey.state).toBe('missing');
    expect(after.connection).toBeNull();
  });
});

describe('what the services hear themselves', () => {
  const CONSOLE = 'https://www.digicert.com/secure/orders/10000001';

  /** Every tab's page orders, read from the settings page (storage.session, which it may read). */
  async function pageOrderKeys(): Promise<string[]> {
    const all = (await page.evaluate('chrome.storage.session.get(null)')) as Record<string, unknown>;
    return Object.keys(all).filter((key) => key.startsWith('page-orders:'));
  }

  /** Opens the order's console page and waits until the background keeps what it reported. */
  async function consoleTab(): Promise<{ tab: Page; key: string }> {
    const tab = await browser.context.newPage();
    await tab.goto(CONSOLE);
    const tabId = (await page.evaluate(
      `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(CONSOLE)})?.id)`,
    )) as number;
    const key = `page-orders:${tabId}`;
    await expect.poll(pageOrderKeys, { message: 'the console page reported its order' }).toContain(key);
    return { tab, key };
  }

  it('forgets the page orders of a tab closed while the worker runs', async () => {
    const { tab, key } = await consoleTab();
    await tab.close();
    await expect.poll(pageOrderKeys, { message: 'the closed tab was forgotten' }).not.toContain(key);
  });

  it('forgets, when the worker starts again, a tab closed while it was stopped', async () => {
    const { tab, key } = await consoleTab();
    await stopWorker();
    await tab.close();
    // Nothing woke the worker: the closed tab's entry is still there.
    expect(await pageOrderKeys()).toContain(key);
    await settings();
    await expect.poll(pageOrderKeys, { message: 'the start forgot the closed tab' }).not.toContain(key);
  });
});
