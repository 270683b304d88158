/**
 * The per-tab toolbar badge: a calm blue count of the orders the tab's console page shows. The
 * global badge (red, lib/notify/notifications.ts) counts orders needing attention; a tab's own values
 * override it on that tab only, and clearing them must give the global ones back.
 *
 * Browsers differ in how a tab's values are cleared (checked in Chromium 14x and Firefox docs):
 * `setBadgeText({ tabId, text: null })` falls back to the global text in both; Firefox also takes
 * `null` for the title and the color, while Chrome refuses `null` there and has no way to clear them,
 * so on Chrome the tab gets a copy of the global color and title. Chrome clears all of a tab's
 * values itself when the tab loads a new document.
 */
import { browser } from 'wxt/browser';
import { tn } from '../i18n';

export const PAGE_BADGE_COLOR = '#1a73e8';

// MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods.
const toolbar = () => browser.action ?? browser.browserAction;

export function pageBadgeTitle(count: number): string {
  return tn(count, 'renewal_badge_title_one', 'renewal_badge_title_other');
}

/** A tab may close between a report and its badge; its badge then no longer matters. */
async function quietly(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch {
    // The tab is gone (or the badge API is missing): nothing to show.
  }
}

export function showTabBadge(tabId: number, count: number): Promise<void> {
  return quietly(async () => {
    const action = toolbar();
    await action.setBadgeBackgroundColor({ tabId, color: PAGE_BADGE_COLOR });
    await action.setBadgeText({ tabId, text: String(count) });
    await action.setTitle({ tabId, title: pageBadgeTitle(count) });
  });
}

// The typings say string; both browsers document `null` as "back to the global value" (see above).
type Resettable = {
  setBadgeText(details: { tabId: number; text: null }): Promise<void>;
  setTitle(details: { tabId: number; title: null }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: null }): Promise<void>;
};

export function clearTabBadge(tabId: number): Promise<void> {
  return quietly(async () => {
    const action = toolbar();
    const reset = action as unknown as Resettable;
    await reset.setBadgeText({ tabId, text: null });
    try {
      await reset.setTitle({ tabId, title: null });
      await reset.setBadgeBackgroundColor({ tabId, color: null });
    } catch {
      const [title, color] = await Promise.all([action.getTitle({}), action.getBadgeBackgroundColor({})]);
      await action.setTitle({ tabId, title });
      await action.setBadgeBackgroundColor({ tabId, color });
    }
  });
}
