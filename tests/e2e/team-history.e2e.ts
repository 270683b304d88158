/**
 * The history's "Team's recent orders": the account's recent orders from CertCentral, whoever placed
 * them, beside this browser's own submissions. A colleague's order (placed with their own key, or
 * seeded) shows who placed it; this browser's own order says so; a wrong key says what to do.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCsr, ORDERS, sandboxRequest, validEvOrderBody } from '../sandbox/client';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { addColleagueOrders } from '../sandbox/seed/colleagues';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { violationsWithin } from '../support/axe-within';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { callBackground, waitForSubmission } from '../support/extension-calls';
import { submitEvOrder } from '../support/submit-order';

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  addColleagueOrders(sandbox.state, new Date());
  // Olivia places an order with her own key, the way a colleague's tooling would.
  const colleague = await sandboxRequest(
    sandbox.port,
    'POST',
    '/services/v2/order/certificate/ssl_ev_securesite_pro',
    {
      key: ORDERS,
      body: validEvOrderBody(await makeTestCsr('shared.example.com'), 'shared.example.com'),
    },
  );
  expect(colleague.status, colleague.text).toBe(201);
  browser = await launchExtension(sandbox.port);
  page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  const saved = await callBackground(page, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  if (!saved.ok) throw new Error(saved.error.title);
  const mine = await submitEvOrder(page, await makeTestCsr('mine.example.com'), 'mine.example.com');
  await waitForSubmission(page, mine.id, (s) => s.state === 'placed');
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** The settings page's history, with the team's view opened by its tab. */
async function openTeamView(): Promise<void> {
  await page.goto(browser.extensionUrl('options.html#orders'));
  await page.getByRole('tab', { name: "This browser's submissions" }).waitFor();
  await page.getByRole('tab', { name: "Team's recent orders" }).click();
}

const teamItem = (name: string) =>
  page
    .getByRole('list', { name: "The account's recent orders" })
    .getByRole('listitem', { name: new RegExp(`^${name.replace('.', '\\.')}:`) });

describe("team's recent orders", () => {
  it("shows colleagues' orders with who placed them, and this browser's own as such", async () => {
    await openTeamView();
    await expect.poll(() => teamItem('shared.example.com').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => teamItem('shared.example.com').textContent())
      .toContain('Placed by Olivia Orders (olivia.orders@example.com)');
    expect(await teamItem('docs.example.com').textContent()).toContain(
      'Placed by Tess Tech (tess.tech@example.com)',
    );
    expect(await teamItem('intranet.example.com').textContent()).toContain(
      'CertCentral does not say who placed it',
    );
    expect(await teamItem('mine.example.com').textContent()).toContain('Placed from this browser');
    // The seed's pending order was placed with the admin key, but not from this browser.
    expect(await teamItem('login.example.com').textContent()).toContain('Placed by Ada Admin');
    // Placed 45 days ago: outside the 30 days shown.
    expect(await teamItem('archive.example.com').count()).toBe(0);
    const names = await page
      .getByRole('list', { name: "The account's recent orders" })
      .locator(':scope > li strong')
      .allTextContents();
    // Newest first: this browser's order and Olivia's were placed during this run, the rest days ago.
    expect(names).toEqual([
      'mine.example.com',
      'shared.example.com',
      'login.example.com',
      'docs.example.com',
      'status.example.com',
      'old.example.com',
      'intranet.example.com',
    ]);
    expect(await page.getByRole('status').filter({ hasText: 'Read from CertCentral at' }).count()).toBe(1);
  });

  it('passes axe in both schemes, and the tabs work from the keyboard', async () => {
    const found = await violationsWithin(page, '#orders');
    expect(found.join('\n')).toBe('');
    await page.getByRole('tab', { name: "Team's recent orders" }).focus();
    await page.keyboard.press('ArrowLeft');
    const browserTab = page.getByRole('tab', { name: "This browser's submissions" });
    await expect.poll(() => browserTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-tab-browser');
    await expect.poll(() => page.getByLabel('Search orders').isVisible()).toBe(true);
    await page.keyboard.press('End');
    await expect
      .poll(() => page.getByRole('tab', { name: "Team's recent orders" }).getAttribute('aria-selected'))
      .toBe('true');
    // The team's list was kept while the other tab was shown.
    expect(await teamItem('shared.example.com').count()).toBe(1);
  });

  it('says what happened and what to do when the key is wrong, and keeps the last list', async () => {
    const saved = await callBackground(page, 'saveApiKey', { apiKey: 'mistyped-sandbox-key', region: 'us' });
    expect(saved.ok).toBe(true);
    await page.getByRole('button', { name: 'Refresh' }).click();
    const alert = page.locator('#orders').getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.textContent();
    expect(text).toContain('This API key is not valid.');
    expect(text).toContain('Paste it again');
    expect(text).toContain('then press Refresh');
    // What was read before stays on screen under the error.
    expect(await teamItem('shared.example.com').count()).toBe(1);
    expect(await violationsWithin(page, '#orders')).toEqual([]);
  });
});
