/**
 * What each tab's CertCentral page suggested, kept by the background in `storage.session`
 * (memory only, gone with the browser; trusted contexts only in Chrome), and the toolbar badge
 * that shows that tab's page has orders. These ids are hints from a hostile page: the renewal flow
 * confirms each one with the API before use.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { isConsolePage } from '../console-page/read-page';
import { lazySchema } from '../lazy-schema';
import type { Sender } from '../messaging';
import { defineStoredItem, readStored } from '../storage/stored-item';
import { clearTabBadge, showTabBadge } from './tab-badge';

export type PageOrders = { url: string; orderIds: number[]; seenAt: string };

const PREFIX = 'page-orders:';
const key = (tabId: number) => `${PREFIX}${tabId}`;

/** One value per tab; only this module writes them, so a value that does not parse reads as none. */
export const pageOrdersItem = defineStoredItem<PageOrders>({
  name: 'page orders',
  where: { area: 'session', prefix: PREFIX },
  version: null,
  schema: lazySchema(() => z.object({ url: z.string(), orderIds: z.array(z.number()), seenAt: z.string() })),
  migrations: [],
});

// Reports from one tab are applied in order (a later "none" must not be overtaken by an earlier
// "3 orders" still writing).
const queues = new Map<number, Promise<void>>();

/**
 * The background's handler for `reportPageOrders`. The tab and URL are the browser's account of
 * the sender (a top frame showing a console page), never anything the message says: a content
 * script in a hijacked page must not file ids under another tab or URL. handleMessage has already
 * checked the sender; this checks again so the handler is safe on its own.
 */
export function receivePageReport(data: { orderIds: number[] }, sender: Sender): Promise<void> {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (typeof tabId !== 'number' || sender.frameId !== 0 || url === undefined || !isConsolePage(url)) {
    return Promise.reject(new Error('Refused "reportPageOrders": not from a console page’s top frame.'));
  }
  return rememberPageOrders(tabId, { url, orderIds: data.orderIds });
}

/**
 * Called for each report of a tab's page, and with `null` when the tab closes. A report with no
 * order forgets the tab's entry and clears its badge; a report with orders (re)sets both, even if
 * unchanged, because Chrome drops a tab's badge when the tab loads a new document.
 */
export function rememberPageOrders(
  tabId: number,
  report: { url: string; orderIds: number[] } | null,
): Promise<void> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(() => apply(tabId, report));
  const settled = run.catch(() => {});
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return run;
}

async function apply(tabId: number, report: { url: string; orderIds: number[] } | null): Promise<void> {
  if (report === null || report.orderIds.length === 0) {
    const had = (await readPageOrders(tabId)) !== null;
    await browser.storage.session.remove(key(tabId));
    // Only a badge this tab was given needs clearing; a closed tab has none left to clear.
    if (report !== null && had) await clearTabBadge(tabId);
    return;
  }
  const value: PageOrders = { ...report, seenAt: new Date().toISOString() };
  await browser.storage.session.set({ [key(tabId)]: value });
  await showTabBadge(tabId, report.orderIds.length);
}

/** The ids of the tabs open now (tabs.query needs no permission for ids). */
async function openTabIds(): Promise<number[]> {
  return (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
}

/**
 * Forgets the page orders of every tab not open (`openTabIds`, the tabs open now unless given). A
 * tab closed while the background was stopped is not reported to it (its services listen for
 * closed tabs only while they run), so each start calls this. Tab ids are not reused within a browser session, and
 * `storage.session` ends with it, so a leftover entry was never shown for another tab: this only
 * keeps the area from collecting them. Goes through rememberPageOrders, so a report from a tab
 * that is still open is never overtaken.
 */
export async function forgetClosedTabs(open?: Iterable<number>): Promise<void> {
  const openIds = new Set(open ?? (await openTabIds()));
  const stored = await browser.storage.session.get(null);
  const closed = Object.keys(stored)
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => Number(name.slice(PREFIX.length)))
    .filter((tabId) => Number.isInteger(tabId) && !openIds.has(tabId));
  await Promise.all(closed.map((tabId) => rememberPageOrders(tabId, null)));
}

/**
 * The tab's last report. Pass the tab's current URL when known: a tab that has left the console
 * (its content script no longer runs, so it cannot report "none") then has no page orders.
 */
export async function readPageOrders(tabId: number, tabUrl?: string): Promise<PageOrders | null> {
  const read = readStored(pageOrdersItem, (await browser.storage.session.get(key(tabId)))[key(tabId)]);
  if (read === null || !('value' in read) || (tabUrl !== undefined && !isConsolePage(tabUrl))) return null;
  return read.value;
}
