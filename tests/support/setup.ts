/**
 * What most end-to-end tests start from, and the person's steps in the popup they share: a sandbox,
 * Chromium with the production build and the sandbox admin key saved, and templates in storage.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
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

/**
 * Brings the popup to its template list: waits until it knows whether an order from an earlier
 * opening is still open (its main element drops aria-busy; until then the list may still give way
 * to that order), and leaves that order if there is one.
 */
export async function leaveOpenOrder(popup: Page): Promise<void> {
  await popup.locator('main.popup:not([aria-busy])').waitFor();
  const leave = popup.getByRole('button', { name: /^(← Templates|New order)$/ });
  if (await leave.isVisible()) await leave.click();
}

/**
 * Opens an order's console page in a tab (what the content script reads) and waits until the
 * background holds the page's report of that order.
 */
export async function openConsoleOrder(browser: ExtensionBrowser, orderId: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://www.digicert.com/secure/orders/${orderId}`);
  await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
  await pageReported(browser, page, orderId);
  return page;
}

/**
 * Waits until the background keeps the content script's report of the console page in `page`'s
 * tab, naming `orderId` (or any order). The popup reads that report when it opens and, for a page
 * that has only just loaded, asks again for a few seconds only; the reader runs once the page is
 * idle, which on a busy machine can be later than that, and a popup opened before the report
 * rightly shows no order from the page.
 */
export async function pageReported(browser: ExtensionBrowser, page: Page, orderId?: number): Promise<void> {
  const url = page.url();
  const reported = async () => {
    // The worker that runs now: Chromium may have stopped and restarted it since the launch.
    const worker = browser.context
      .serviceWorkers()
      .find((w) => w.url() === browser.extensionUrl('background.js'));
    if (!worker) return false;
    const report = await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
        };
      };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) return null;
      // The key lib/renewal/page-orders.ts keeps each tab's report under.
      const key = `page-orders:${tab.id}`;
      return ((await chrome.storage.session.get(key))[key] ?? null) as {
        url: string;
        orderIds: number[];
      } | null;
    }, url);
    if (report?.url !== url) return false;
    return orderId === undefined ? report.orderIds.length > 0 : report.orderIds.includes(orderId);
  };
  await expect
    .poll(reported, { timeout: 30_000, interval: 100, message: `the background has the report of ${url}` })
    .toBe(true);
}

/**
 * Leaves the order open in the popup on purpose ("← Templates"), which deletes its draft, and waits
 * for the template list, which comes back once the draft is gone. A popup closed on an open order
 * keeps the draft (after a quarter of a second), and the next popup then opens on that order.
 */
export async function leaveOrder(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: '← Templates' }).click();
  await popup.getByRole('heading', { name: 'New order', exact: true }).waitFor();
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
