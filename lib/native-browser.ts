/**
 * The browser's own extension API object, without webextension-polyfill. Only for the pages' first
 * screens, whose budgets (the popup within 1.2x the bench's floor page) the polyfill's parse time
 * would spend: Chrome MV3's `chrome.*` and Firefox's `browser.*` both return promises for the few
 * calls made through it (the page's words from i18n, the policy from storage.managed, tabs.query,
 * tabs.create, runtime.getURL). Everything else uses wxt/browser.
 */
import type { browser } from 'wxt/browser';

type Browser = typeof browser;

export function nativeBrowser(): Browser {
  const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('No extension API in this context.');
  return api;
}
