/**
 * Calendar-day arithmetic in UTC. Orders are dated by day (`YYYY-MM-DD` in the API), so every date here
 * is a UTC midnight; the time of day of the injected clock is dropped. Using UTC everywhere keeps the
 * result independent of the browser's time zone (a rule must not change its mind when the user travels).
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of an instant. Throws on an invalid Date: that is a programming error. */
export function utcDay(instant: Date): Date {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('utcDay: invalid Date');
  return new Date(Math.floor(t / DAY_MS) * DAY_MS);
}

/** `2026-02-24` → that UTC day; undefined for a malformed or impossible date such as `2026-02-30`. */
export function parseIsoDay(text: string): Date | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2026-02-30 over to 2026-03-02; a real date survives the round trip unchanged.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return date;
}

export function formatIsoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** Same month and day N years later; 29 February lands on 1 March in a common year. */
export function addYears(day: Date, years: number): Date {
  const out = new Date(day.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function minDate(...days: Date[]): Date {
  return new Date(Math.min(...days.map((d) => d.getTime())));
}
