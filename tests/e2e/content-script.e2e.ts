/**
 * The content script end to end: the production build in Chromium on the sandbox's console pages.
 * What each page reports is read where the background keeps it (storage.session, per tab), and
 * the tab's badge from the action API, both through the service worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from '../support/browser';

const ORIGIN = 'https://www.digicert.com';
const HOSTILE = readFileSync(
  join(import.meta.dirname, '../../lib/console-page/testing/hostile.html'),
  'utf8',
);

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let page: Page;
let tabId: number;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
  // A hostile page on a console URL: Playwright answers it, so the sandbox stays as it is.
  await browser.context.route(`${ORIGIN}/secure/hostile-page`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: HOSTILE }),
  );
  page = await browser.context.newPage();
  await page.goto(`${ORIGIN}/secure/`);
  tabId = (await browser.worker.evaluate(
    `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(page.url())})?.id ?? -1)`,
  )) as number;
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

type Stored = { url: string; orderIds: number[] } | null;

async function stored(): Promise<Stored> {
  const all = (await browser.worker.evaluate('chrome.storage.session.get(null)')) as Record<string, Stored>;
  return all[`page-orders:${tabId}`] ?? null;
}

/**
 * The tab's badge. Set after the report is stored, and a navigation's earlier report (the list before
 * its rows) may still be clearing it: callers poll until it settles.
 */
async function badge(): Promise<{ text: string; title: string }> {
  return (await browser.worker.evaluate(`(async () => ({
    text: await chrome.action.getBadgeText({ tabId: ${tabId} }),
    title: await chrome.action.getTitle({ tabId: ${tabId} }),
  }))()`)) as { text: string; title: string };
}

/** Waits until what the tab reported matches (the watcher scans at most every 500 ms). */
async function reported(ids: number[] | null): Promise<Stored> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const now = await stored();
    if (JSON.stringify(now?.orderIds ?? null) === JSON.stringify(ids)) return now;
    if (Date.now() > deadline) throw new Error(`tab reported ${JSON.stringify(now)}, expected ${ids}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('content script', () => {
  it('reports the order of an order page and shows it on the tab’s badge', async () => {
    await page.goto(`${ORIGIN}/secure/orders/10000001`);
    const report = await reported([10000001]);
    expect(report?.url).toBe(`${ORIGIN}/secure/orders/10000001`);
    await expect.poll(badge).toEqual({ text: '1', title: '1 order on this page' });
  });

  it('reports the ids of the orders list’s rows', async () => {
    await page.goto(`${ORIGIN}/secure/orders/`);
    const ids = sandbox.state.orders.map((o) => o.id).sort((a, b) => a - b);
    await reported(ids);
    await expect
      .poll(badge)
      .toEqual({ text: String(ids.length), title: `${ids.length} orders on this page` });
  });

  it('follows hash and history navigation, and rows that load later', async () => {
    await page.goto(`${ORIGIN}/secure/orders/?rows=0`);
    await reported(null);
    await page.evaluate(() => {
      location.hash = '#10000003';
    });
    await reported([10000003]);
    // pushState fires no event a content script sees: WXT's location watcher (Navigation API) does.
    await page.evaluate(() => history.pushState({}, '', '/secure/orders/10000004'));
    await reported([10000004]);
    await page.evaluate(() => history.replaceState({}, '', '/secure/orders/'));
    await reported(null);
    await page.evaluate(() => {
      const body = document.querySelector<HTMLTableSectionElement>('table.orders tbody');
      for (const id of [90000002, 90000001]) {
        const row = body?.insertRow();
        const link = document.createElement('a');
        link.href = `/secure/orders/${id}`;
        link.textContent = String(id);
        row?.insertCell().append(link);
      }
    });
    await reported([90000001, 90000002]);
    expect((await badge()).text).toBe('2');
  });

  it('clears the report and gives the tab the global badge back on a page with no order', async () => {
    await browser.worker.evaluate(`chrome.action.setBadgeText({ text: '7' })`);
    await page.goto(`${ORIGIN}/secure/orders/10000002`);
    await reported([10000002]);
    expect((await badge()).text).toBe('1');
    // A single-page route change: new URL, then the app renders the new view.
    await page.evaluate(() => {
      history.pushState({}, '', '/secure/reports/');
      const heading = document.querySelector('h1');
      if (heading) heading.textContent = 'Reports';
    });
    await reported(null);
    expect((await badge()).text).toBe('7');
    await browser.worker.evaluate(`chrome.action.setBadgeText({ text: '' })`);
  });

  it('reports nothing from a 404 page whose URL carries markup', async () => {
    await page.goto(`${ORIGIN}/secure/orders/10000001`);
    await reported([10000001]);
    await page.goto(`${ORIGIN}/secure/orders/%3Cimg%20src=x%20onerror=alert(1)%3E`);
    await reported(null);
  });

  it('reads only real order ids from a hostile page and changes nothing in it', async () => {
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto(`${ORIGIN}/secure/hostile-page`);
    await reported([20000001, 20000002]);
    // The page's DOM is what its own parser and scripts made of it: the same element count as an
    // inert parse of the same HTML (the content script inserts nothing).
    const counts = await page.evaluate((html) => {
      const inert = new DOMParser().parseFromString(html, 'text/html');
      return [document.querySelectorAll('*').length, inert.querySelectorAll('*').length];
    }, HOSTILE);
    expect(counts[0]).toBe(counts[1]);
  });
});
