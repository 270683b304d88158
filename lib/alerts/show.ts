/**
 * Showing the alerts' notifications, and where a click on one leads. The notification's id is the
 * notice's (notice.ts `noticeId`: kind and order), so a newer notice about the same order replaces
 * the older one in the notification centre, and the id alone says where it leads: nothing has to be
 * kept for the click, which may come after the service worker was stopped and started again.
 */
import { browser } from 'wxt/browser';
import { ALERT_NOTICE_PREFIX, type AlertNotice } from './notice';
import { NOTIFICATION_KINDS, type NotificationKind } from './settings';
import { alertWords } from './words';

/**
 * The settings page's views the alerts lead to, as the page's URL hash: ExpiringSection reads
 * `#renew=` (those orders selected); OrderHistorySection brings `#order-<id>` into view.
 */
export const renewTarget = (orderIds: readonly number[]) => `#renew=${orderIds.join(',')}`;
export const orderTarget = (orderId: number) => `#order-${orderId}`;

/**
 * Pure: the settings page's view (its hash) a notification leads to, from its id; undefined for an id that is not
 * an alert's. An expiry reminder opens the Expiring view with its order selected, ready to renew;
 * the validation notices open the order in the history, where its validation panel is.
 */
export function alertTarget(notificationId: string): string | undefined {
  if (!notificationId.startsWith(ALERT_NOTICE_PREFIX)) return undefined;
  const [kind, order] = notificationId.slice(ALERT_NOTICE_PREFIX.length).split(':');
  if (!NOTIFICATION_KINDS.includes(kind as NotificationKind)) return undefined;
  const orderId = Number(order);
  if (!Number.isSafeInteger(orderId) || orderId < 1) return undefined;
  return kind === 'expiring' ? renewTarget([orderId]) : orderTarget(orderId);
}

export async function showAlertNotice(notice: AlertNotice): Promise<void> {
  await browser.notifications.create(notice.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: alertWords(notice.title),
    message: alertWords(notice.message),
  });
}

export async function showAlertNotices(notices: readonly AlertNotice[]): Promise<void> {
  for (const notice of notices) await showAlertNotice(notice);
}

/** A click on an alert's notification (background's notifications.onClicked, ids starting with ALERT_NOTICE_PREFIX). */
export async function openAlertTarget(notificationId: string): Promise<void> {
  const target = alertTarget(notificationId);
  if (target) await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${target}` });
  else await browser.runtime.openOptionsPage();
  await browser.notifications.clear(notificationId);
}
