/**
 * The first opening after a browser start. `storage.managed` answers only once the browser's policy
 * service is ready, seconds after a start (lib/policy/seen.ts); here the popup's managed read is
 * held back for longer than the test waits, as on a just-started browser: in a page by an init
 * script, in the background by replacing the call in the running worker. With the policy last seen
 * kept by the background (no policy, as in most browsers), neither the popup's template list nor the
 * settings page's connection waits for it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_SEEN_RECORD } from '../../lib/policy/seen';
import { SEED_IDS } from '../sandbox/seed';
import { type Connected, startConnected, stopConnected } from '../support/setup';
import { evTemplate, readPrivateRecord } from '../support/stored-templates';

let run: Connected;

beforeAll(async () => {
  run = await startConnected({ templates: [evTemplate(SEED_IDS.organizations.ev)] });
});

afterAll(async () => stopConnected(run));

/** The policy last seen, as the background kept it in the private store (null when none yet). */
async function policySeen(page: Page): Promise<unknown> {
  return (await readPrivateRecord(page, POLICY_SEEN_RECORD)) ?? null;
}

/** A page of the extension with its managed read held back: it answers `{}` only after `heldMs`. */
async function pageOnStartingBrowser(path: string, heldMs: number): Promise<Page> {
  const page = await run.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.addInitScript((ms: number) => {
    const managed = (globalThis as unknown as { chrome: { storage: { managed: { get: unknown } } } }).chrome
      .storage.managed;
    managed.get = () => new Promise((resolve) => setTimeout(() => resolve({}), ms));
  }, heldMs);
  await page.goto(run.browser.extensionUrl(path));
  return page;
}

type WorkerScope = {
  chrome: { storage: { managed: { get: unknown }; session: { remove(key: string): Promise<void> } } };
  browser?: { storage?: { managed?: { get: unknown } } };
  heldManagedGet?: unknown;
};

/**
 * The running worker as right after a browser start: its managed read held back (until `release`),
 * and no settings view kept in storage.session (emptied when the browser closes).
 */
async function backgroundOnStartingBrowser(): Promise<{ release(): Promise<void> }> {
  const worker = run.browser.context
    .serviceWorkers()
    .find((w) => w.url() === run.browser.extensionUrl('background.js'));
  if (!worker) throw new Error('The background is not running.');
  await worker.evaluate(async () => {
    const scope = globalThis as unknown as WorkerScope;
    scope.heldManagedGet = scope.chrome.storage.managed.get;
    const held = () => new Promise(() => undefined);
    scope.chrome.storage.managed.get = held;
    if (scope.browser?.storage?.managed) scope.browser.storage.managed.get = held;
    // The key lib/settings/view-cache.ts keeps the view under.
    await scope.chrome.storage.session.remove('settingsView');
  });
  return {
    release: () =>
      worker.evaluate(() => {
        const scope = globalThis as unknown as WorkerScope;
        scope.chrome.storage.managed.get = scope.heldManagedGet;
        if (scope.browser?.storage?.managed) scope.browser.storage.managed.get = scope.heldManagedGet;
      }),
  };
}

describe('right after the browser starts', () => {
  it('the background keeps the policy it last saw', async () => {
    await expect
      .poll(() => policySeen(run.driver), { message: 'the background kept the policy last seen' })
      .toMatchObject({ version: 1, raw: {} });
  });

  it('the popup lists the templates without waiting for the browser’s policy service', async () => {
    await expect.poll(() => policySeen(run.driver)).not.toBeNull();
    const opened = Date.now();
    const popup = await pageOnStartingBrowser('popup.html', 30_000);
    const template = popup.locator('#template-list strong').first();
    await template.waitFor({ timeout: 5_000 });
    // Well inside the 30 s the browser is made to take: the list came from the policy last seen.
    expect(Date.now() - opened).toBeLessThan(5_000);
    await popup.close();
  });

  it('the settings page shows the connection without waiting for the browser’s policy service', async () => {
    await expect.poll(() => policySeen(run.driver)).not.toBeNull();
    const background = await backgroundOnStartingBrowser();
    try {
      const opened = Date.now();
      const settings = await pageOnStartingBrowser('options.html', 30_000);
      await settings.getByText(/API key saved:/).waitFor({ timeout: 5_000 });
      // Well inside the 30 s: the background showed the region under the policy last seen.
      expect(Date.now() - opened).toBeLessThan(5_000);
      await settings.close();
    } finally {
      await background.release();
    }
  });
});
