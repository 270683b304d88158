import { t, tn } from '../i18n';
import { formatDate } from '../i18n/format';

/**
 * "just now", "5 minutes ago", "3 hours ago", or the day ("on Nov 20, 2026", in the user's locale
 * and time zone): how the UI says when something happened.
 */
export function formatAgo(isoTime: string, now: Date): string {
  const then = new Date(isoTime);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) return t('common_time_unknown');
  if (seconds < 45) return t('common_time_just_now');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return tn(minutes, 'common_time_minutes_one', 'common_time_minutes_other');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return tn(hours, 'common_time_hours_one', 'common_time_hours_other');
  return t('common_time_on_day', formatDate(then));
}
