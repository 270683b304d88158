/**
 * The first opening after a browser start. `storage.managed` answers only once the browser's policy
 * service is ready, seconds after a start (lib/policy/seen.ts); here the popup's managed read is
 * held back by an init script for longer than the test waits, as on a just-started browser. With the
 * policy last seen kept by the background (no policy, as in most browsers), the popup's template
 * list does not wait for it.
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

/** The popup with its managed read held back: it answers `{}` only after `heldMs`. */
async function popupOnStartingBrowser(heldMs: number): Promise<Page> {
  const popup = await run.browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.addInitScript((ms: number) => {
    const managed = (globalThis as unknown as { chrome: { storage: { managed: { get: unknown } } } }).chrome
      .storage.managed;
    managed.get = () => new Promise((resolve) => setTimeout(() => resolve({}), ms));
  }, heldMs);
  await popup.goto(run.browser.extensionUrl('popup.html'));
  return popup;
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
    const popup = await popupOnStartingBrowser(30_000);
    const template = popup.locator('#template-list strong').first();
    await template.waitFor({ timeout: 5_000 });
    // Well inside the 30 s the browser is made to take: the list came from the policy last seen.
    expect(Date.now() - opened).toBeLessThan(5_000);
    await popup.close();
  });
});
