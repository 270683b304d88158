/**
 * What each tab's CertCentral page suggested, kept by the background in `storage.session`
 * (memory only, gone with the browser; trusted contexts only in Chrome). These ids are hints
 * from a hostile page: the renewal flow confirms each one with the API before use.
 */
import { browser } from 'wxt/browser';

export type PageOrders = { url: string; orderIds: number[]; seenAt: string };

const key = (tabId: number) => `page-orders:${tabId}`;

export async function rememberPageOrders(
  tabId: number,
  report: { url: string; orderIds: number[] } | null,
): Promise<void> {
  if (report === null || report.orderIds.length === 0) {
    await browser.storage.session.remove(key(tabId));
    return;
  }
  const value: PageOrders = { ...report, seenAt: new Date().toISOString() };
  await browser.storage.session.set({ [key(tabId)]: value });
}

export async function readPageOrders(tabId: number): Promise<PageOrders | null> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as PageOrders | undefined;
  return stored ?? null;
}
