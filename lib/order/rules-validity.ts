import { addDays, addYears, daysBetween, formatIsoDay, parseIsoDay } from './dates';
import type { Report, Rule, RuleContext } from './rule';
import {
  decidingValidityField,
  maxCertificateValidityDays,
  nextValidityCap,
  orderEndDate,
  type ValidityPeriod,
  validityCapOn,
  validityEndDate,
} from './validity';

const FIELDS = ['custom_expiration_date', 'days', 'years'] as const; // in order of precedence (DigiCert's order page)

/**
 * An empty validity object is refused (nothing says how long); several fields at once are allowed
 * but only the strongest counts, so the others get a warning. Emptiness looks at the raw body, so a
 * field that is present but malformed is reported once, by the schema.
 */
function checkShape(
  v: ValidityPeriod,
  parts: string[],
  ctx: RuleContext,
  report: Report,
  fill: string,
): void {
  const path = parts.join('.');
  if (!FIELDS.some((key) => ctx.sent(...parts, key)))
    report.error(path, 'validity_empty', `is empty; ${fill}.`);
  const given = FIELDS.filter((key) => v[key] !== undefined);
  for (const ignored of given.slice(1))
    report.warn(
      `${path}.${ignored}`,
      'validity_overridden',
      `is ignored because ${path}.${given[0]} is also set; remove one of them.`,
    );
}

/** Order dates: after today and "within three years of the date you request the order" (DigiCert's order page). */
function checkOrderDates(v: ValidityPeriod, path: string, ctx: RuleContext, report: Report): void {
  const limit = addYears(ctx.today, 3);
  const date = v.custom_expiration_date === undefined ? undefined : parseIsoDay(v.custom_expiration_date);
  const datePath = path === '' ? 'custom_expiration_date' : `${path}.custom_expiration_date`;
  if (date && date <= ctx.today)
    report.error(
      datePath,
      'date_not_in_future',
      `${v.custom_expiration_date} is not after today (${formatIsoDay(ctx.today)}); pick a later date.`,
    );
  if (date && date > limit)
    report.error(
      datePath,
      'beyond_three_years',
      `must be within three years of the order date (on or before ${formatIsoDay(limit)}).`,
    );
  if (v.days !== undefined && addDays(ctx.today, v.days) > limit)
    report.error(
      `${path}.days`,
      'beyond_three_years',
      `must be at most ${daysBetween(ctx.today, limit)} (three years from ${formatIsoDay(ctx.today)}).`,
    );
}

export const orderValidityRule: Rule = (req, ctx, report) => {
  const ov = req.order_validity;
  if (ov) {
    checkShape(ov, ['order_validity'], ctx, report, 'set years (1 to 3), days or custom_expiration_date');
    checkOrderDates(ov, 'order_validity', ctx, report);
  }
  // The deprecated root date follows the same rule as order_validity.custom_expiration_date.
  checkOrderDates({ custom_expiration_date: req.custom_expiration_date }, '', ctx, report);
};

/**
 * The first certificate: never beyond the order ("Cannot exceed order validity period", DigiCert's order page;
 * API code cert_validity_exceeds_order_validity) and never beyond the public TLS maximum in force on
 * the ordering day (validity.ts: 199 days from 2026-02-24, 100 from 2027-03-15, 47 from 2029-03-15).
 */
export const certificateValidityRule: Rule = (req, ctx, report) => {
  const cv = req.certificate?.cert_validity;
  if (!cv) return;
  const max = maxCertificateValidityDays(ctx.today);
  checkShape(cv, ['certificate', 'cert_validity'], ctx, report, `set days (at most ${max}) or remove it`);
  const field = decidingValidityField(cv);
  const end = validityEndDate(cv, ctx.today);
  if (!field || !end) return;
  const at = `certificate.cert_validity.${field}`;
  const today = formatIsoDay(ctx.today);
  if (end <= ctx.today)
    report.error(
      at,
      'date_not_in_future',
      `${formatIsoDay(end)} is not after today (${today}); pick a later date.`,
    );
  const orderEnd = req.order_validity ? orderEndDate(req.order_validity, ctx.today) : undefined;
  if (orderEnd && end > orderEnd)
    report.error(
      at,
      'exceeds_order_validity',
      `ends the certificate on ${formatIsoDay(end)}, after the order ends (${formatIsoDay(orderEnd)}); shorten it or lengthen order_validity.`,
    );
  const days = daysBetween(ctx.today, end);
  if (days > max)
    report.error(
      at,
      'exceeds_maximum_validity',
      `gives ${days} days, but a certificate ordered on ${today} may be valid at most ${max} days (${validityCapOn(ctx.today).source}); use days: ${max} or less, or remove cert_validity to get the longest allowed.`,
    );
};

/**
 * Warnings about caps a person paying for "1 year" should know: without cert_validity the first
 * certificate is cut to the maximum in force (DigiCert's order page: "defaults to the validity period of the
 * order or the maximum ... whichever is shorter"), and reissues after the next SC-081 step are shorter.
 */
export const validityCapWarningsRule: Rule = (req, ctx, report) => {
  const orderEnd = req.order_validity ? orderEndDate(req.order_validity, ctx.today) : undefined;
  if (!orderEnd || orderEnd <= ctx.today) return;
  const max = maxCertificateValidityDays(ctx.today);
  const orderDays = daysBetween(ctx.today, orderEnd);
  if (orderDays <= max) return;
  if (!req.certificate?.cert_validity)
    report.warn(
      'order_validity',
      'validity_capped',
      `runs until ${formatIsoDay(orderEnd)}, but each certificate is valid at most ${max} days (${validityCapOn(ctx.today).source}); the first one expires on ${formatIsoDay(addDays(ctx.today, max))} and DigiCert reissues within the order.`,
    );
  const next = nextValidityCap(ctx.today);
  if (next && formatIsoDay(orderEnd) > next.from)
    report.warn(
      'order_validity',
      'cap_decreases',
      `outlasts ${next.from}: certificates reissued from then on are valid at most ${next.days} days (${next.source}).`,
    );
};
