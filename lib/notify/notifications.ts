/**
 * Browser notifications and the toolbar badge for submissions. Clicking a notification opens the
 * order in the CertCentral console of its region; which URL belongs to which notification is kept
 * in `storage.session` because the service worker may be restarted between the two events.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { t, tn } from '../i18n';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem, readStored } from '../storage/stored-item';

export type NoticeKind = 'placed' | 'issued' | 'attention' | 'duplicate';

export type Notice = { kind: NoticeKind; submissionId: string; title: string; message: string; url?: string };

const URL_PREFIX = 'notification-url:';
const urlKey = (notificationId: string) => `${URL_PREFIX}${notificationId}`;

/** Where a notification leads, by notification id. */
export const notificationUrlItem = defineStoredItem({
  name: 'notification target',
  where: { area: 'session', prefix: URL_PREFIX },
  version: null,
  schema: lazySchema(() => z.string()),
  migrations: [],
});

export async function showNotice(notice: Notice): Promise<void> {
  const id = `${notice.kind}:${notice.submissionId}`;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notice.title,
    message: notice.message,
  });
  if (notice.url) await browser.storage.session.set({ [urlKey(id)]: notice.url });
}

export async function openNoticeTarget(notificationId: string): Promise<void> {
  const stored = await browser.storage.session.get(urlKey(notificationId));
  const read = readStored(notificationUrlItem, stored[urlKey(notificationId)]);
  if (read !== null && 'value' in read) await browser.tabs.create({ url: read.value });
  else await browser.runtime.openOptionsPage();
  await browser.notifications.clear(notificationId);
}

/** The badge counts submissions that need the user's attention; empty when none do. */
export async function showAttentionCount(count: number): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
  await action.setBadgeText({ text: count > 0 ? String(Math.min(count, 99)) : '' });
  await action.setTitle({
    title:
      count > 0
        ? tn(count, 'history_badge_title_one', 'history_badge_title_other')
        : t('common_extension_name'),
  });
}
