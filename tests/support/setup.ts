/**
 * What most end-to-end tests start from, and the person's steps in the popup they share: a sandbox,
 * Chromium with the production build and the sandbox admin key saved, and templates in storage.
 */
import type { Page } from 'playwright-core';
import { SANDBOX_KEYS, SEED_IDS } from '../sandbox/seed';
import { addIssuedOrders } from '../sandbox/seed/bulk';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from './browser';
import { callBackground } from './extension-calls';
import { storeTemplates } from './stored-templates';

// Many end-to-end files import these from here.
export { EV_ORDER_PATH, expectSentAsReviewed } from './sandbox-orders';

/** An expiring order of the deactivated organization: CertCentral refuses to renew it. */
export const REFUSED_RENEWAL = 10000099;

export type Connected = { sandbox: Sandbox; browser: ExtensionBrowser; driver: Page };

export async function startConnected(
  options: { templates?: object[]; prepare?: (sandbox: Sandbox) => void } = {},
): Promise<Connected> {
  const sandbox = await startSandbox({ port: 0 });
  options.prepare?.(sandbox);
  const browser = await launchExtension(sandbox.port);
  const driver = await browser.context.newPage();
  await driver.goto(browser.extensionUrl('options.html'));
  const saved = await callBackground(driver, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  if (!saved.ok) throw new Error(`the sandbox key was not saved: ${saved.error.title}`);
  if (options.templates) await storeTemplates(driver, options.templates);
  return { sandbox, browser, driver };
}

export async function stopConnected(run: Partial<Connected>): Promise<void> {
  await run.browser?.close();
  await run.sandbox?.close();
}

/** Adds REFUSED_RENEWAL, expiring in 20 days, to the sandbox. */
export function addRefusedRenewal(sandbox: Sandbox): void {
  addIssuedOrders(sandbox.state, new Date(), {
    count: 1,
    firstId: REFUSED_RENEWAL,
    daysLeft: 20,
    organizationId: SEED_IDS.organizations.inactive,
  });
}

/** The popup, opened as a page of the popup's size. */
export async function openPopup(browser: ExtensionBrowser, height = 600): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height });
  await popup.goto(browser.extensionUrl('popup.html'));
  return popup;
}

/** Opens an order's console page in a tab (what the content script reads). */
export async function openConsoleOrder(browser: ExtensionBrowser, orderId: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://www.digicert.com/secure/orders/${orderId}`);
  await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
  return page;
}

/** Pastes a CSR into the popup's form and waits until it has been checked. */
export async function pasteCsr(popup: Page, csrPem: string): Promise<void> {
  await popup.getByLabel('Paste the CSR, or drop its file here').fill(csrPem);
  await popup.locator('.csr-facts').waitFor();
}

/** "Review order": the body the review shows, parsed. */
export async function reviewedBody(popup: Page): Promise<Record<string, unknown>> {
  await popup.getByRole('button', { name: 'Review order' }).click();
  return JSON.parse(await popup.getByLabel('Request body').inputValue());
}
