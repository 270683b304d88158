/** A notification the alerts decided to send: the wiring words it (messages.ts) and shows it. */
import type { AlertText } from './messages';
import type { NotificationKind } from './settings';

export interface AlertNotice {
  kind: NotificationKind;
  orderId: number;
  /** The domain it is about (validation and token notices). */
  domain?: string;
  /**
   * The browser notification's id: one per order and kind (and domain), so a newer notice about the
   * same thing replaces the older one in the notification centre instead of piling up beside it.
   */
  id: string;
  title: AlertText;
  message: AlertText;
}

/** Notification ids the alerts use start with this; the submission notices use `placed:` and the like. */
export const ALERT_NOTICE_PREFIX = 'alerts:';

export function noticeId(kind: NotificationKind, orderId: number, domain?: string): string {
  return `${ALERT_NOTICE_PREFIX}${kind}:${orderId}${domain === undefined ? '' : `:${domain}`}`;
}
