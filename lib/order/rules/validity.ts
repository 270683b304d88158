import { t } from '../../i18n';
import { formatDay, formatNumber } from '../../i18n/format';
import { addDays, addYears, daysBetween, formatIsoDay, parseIsoDay } from '../dates';
import {
  capSource,
  decidingValidityField,
  maxCertificateValidityDays,
  nextValidityCap,
  orderEndDate,
  type ValidityPeriod,
  validityCapOn,
  validityEndDate,
} from '../validity';
import type { Report, Rule, RuleContext } from './rule';

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
  empty: () => string,
): void {
  const path = parts.join('.');
  if (!FIELDS.some((key) => ctx.sent(...parts, key))) report.error(path, 'validity_empty', empty());
  const given = FIELDS.filter((key) => v[key] !== undefined);
  for (const ignored of given.slice(1))
    report.warn(
      `${path}.${ignored}`,
      'validity_overridden',
      t('common_check_validity_overridden', `${path}.${given[0]}`),
    );
}

/** Order dates: after today and "within three years of the date you request the order" (DigiCert's order page). */
function checkOrderDates(v: ValidityPeriod, path: string, ctx: RuleContext, report: Report): void {
  const limit = addYears(ctx.today, 3);
  const date = v.custom_expiration_date === undefined ? undefined : parseIsoDay(v.custom_expiration_date);
  const datePath = path === '' ? 'custom_expiration_date' : `${path}.custom_expiration_date`;
  const today = formatDay(formatIsoDay(ctx.today));
  if (date && date <= ctx.today)
    report.error(
      datePath,
      'date_not_in_future',
      t('common_check_date_not_future', [formatDay(formatIsoDay(date)), today]),
    );
  if (date && date > limit)
    report.error(
      datePath,
      'beyond_three_years',
      t('common_check_date_beyond_three_years', formatDay(formatIsoDay(limit))),
    );
  if (v.days !== undefined && addDays(ctx.today, v.days) > limit)
    report.error(
      `${path}.days`,
      'beyond_three_years',
      t('common_check_days_beyond_three_years', [formatNumber(daysBetween(ctx.today, limit)), today]),
    );
}

export const orderValidityRule: Rule = (req, ctx, report) => {
  const ov = req.order_validity;
  if (ov) {
    checkShape(ov, ['order_validity'], ctx, report, () => t('common_check_validity_empty_order'));
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
  checkShape(cv, ['certificate', 'cert_validity'], ctx, report, () =>
    t('common_check_validity_empty_certificate', formatNumber(max)),
  );
  const field = decidingValidityField(cv);
  const end = validityEndDate(cv, ctx.today);
  if (!field || !end) return;
  const at = `certificate.cert_validity.${field}`;
  const today = formatDay(formatIsoDay(ctx.today));
  const endDay = formatDay(formatIsoDay(end));
  if (end <= ctx.today)
    report.error(at, 'date_not_in_future', t('common_check_date_not_future', [endDay, today]));
  const orderEnd = req.order_validity ? orderEndDate(req.order_validity, ctx.today) : undefined;
  if (orderEnd && end > orderEnd)
    report.error(
      at,
      'exceeds_order_validity',
      t('common_check_exceeds_order', [endDay, formatDay(formatIsoDay(orderEnd))]),
    );
  const days = daysBetween(ctx.today, end);
  if (days > max)
    report.error(
      at,
      'exceeds_maximum_validity',
      t('common_check_exceeds_maximum', [
        formatNumber(days),
        today,
        formatNumber(max),
        capSource(validityCapOn(ctx.today)),
      ]),
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
      t('common_check_validity_capped', [
        formatDay(formatIsoDay(orderEnd)),
        formatNumber(max),
        capSource(validityCapOn(ctx.today)),
        formatDay(formatIsoDay(addDays(ctx.today, max))),
      ]),
    );
  const next = nextValidityCap(ctx.today);
  if (next && formatIsoDay(orderEnd) > next.from)
    report.warn(
      'order_validity',
      'cap_decreases',
      t('common_check_cap_decreases', [formatDay(next.from), formatNumber(next.days), capSource(next)]),
    );
};
