/**
 * Numbers, days and times as the user's locale writes them (Intl, in the browser's UI language).
 * Order numbers and other ids are not numbers to format: they stay as CertCentral writes them.
 */
import { intl, uiLocale } from './index';

/** 1234 → "1,234" in English, "1 234" in French. */
export function formatNumber(n: number, locale = uiLocale()): string {
  return intl(Intl.NumberFormat, locale).format(n);
}

/**
 * A calendar day given as `YYYY-MM-DD` (an expiry date, a validity end): "Jan 31, 2027". Read and
 * written in UTC, so no time zone moves it to the day before. Anything else is returned as given.
 */
export function formatDay(isoDay: string, locale = uiLocale()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  if (!match) return isoDay;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(at)) return isoDay;
  return intl(Intl.DateTimeFormat, locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

/** The day of a moment, in the user's time zone. */
export function formatDate(at: string | Date, locale = uiLocale()): string {
  return intl(Intl.DateTimeFormat, locale, { dateStyle: 'medium' }).format(new Date(at));
}

/** A moment with its day and time, in the user's time zone: "Nov 29, 2026, 10:00 AM". */
export function formatDateTime(at: string | Date, locale = uiLocale()): string {
  return intl(Intl.DateTimeFormat, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** The time of day of a moment, in the user's time zone: "10:00:00 AM". */
export function formatTime(at: string | Date, locale = uiLocale()): string {
  return intl(Intl.DateTimeFormat, locale, { timeStyle: 'medium' }).format(new Date(at));
}

/** Names in a list as the locale joins them: "a.example, b.example, c.example" in English. */
export function formatList(items: readonly string[], locale = uiLocale()): string {
  return intl(Intl.ListFormat, locale, { type: 'unit', style: 'short' }).format(items);
}

/** "first name, last name and email" as the locale joins the last item with "and". */
export function formatAnd(items: readonly string[], locale = uiLocale()): string {
  return intl(Intl.ListFormat, locale, { type: 'conjunction', style: 'long' }).format(items);
}
