import { type MessageKey, t } from '../i18n';
import { formatDay, formatNumber } from '../i18n/format';
import { addDays, addYears, formatIsoDay, minDate, parseIsoDay, utcDay } from './dates';

/**
 * The longest validity a publicly trusted TLS certificate may have, by the day the order is placed.
 * A multi-year order (up to three years of `order_validity`) is served by reissues, each certificate
 * at most this long. Rows are in date order; the last row whose `from` is on or before the day applies.
 */
export interface ValidityCap {
  /** First day (UTC) on which the cap applies. */
  from: string;
  days: number;
  /** Where the cap comes from: a message of the catalogue, given the cap's days and first day (capSource). */
  source: MessageKey;
}

export const CERTIFICATE_VALIDITY_CAPS: readonly ValidityCap[] = [
  { from: '2020-09-01', days: 397, source: 'common_cap_source_2020' },
  { from: '2026-02-24', days: 199, source: 'common_cap_source_2026' },
  { from: '2027-03-15', days: 100, source: 'common_cap_source_sc081' },
  { from: '2029-03-15', days: 47, source: 'common_cap_source_sc081' },
];

/** "CA/B Forum ballot SC-081: 100 days from Mar 15, 2027": where a cap comes from, in words. */
export function capSource(cap: ValidityCap): string {
  const day = formatDay(cap.from);
  return cap.source === 'common_cap_source_sc081'
    ? t(cap.source, [formatNumber(cap.days), day])
    : t(cap.source, day);
}

/** The cap in force on a day. Days before the first row get the first row (nobody orders in the past). */
export function validityCapOn(onDate: Date): ValidityCap {
  const day = formatIsoDay(utcDay(onDate));
  let current = CERTIFICATE_VALIDITY_CAPS[0] as ValidityCap;
  for (const cap of CERTIFICATE_VALIDITY_CAPS) if (cap.from <= day) current = cap;
  return current;
}

export function maxCertificateValidityDays(onDate: Date): number {
  return validityCapOn(onDate).days;
}

/** The next, lower cap after `onDate`, if one is scheduled: reissues after that day will be shorter. */
export function nextValidityCap(onDate: Date): ValidityCap | undefined {
  const day = formatIsoDay(utcDay(onDate));
  return CERTIFICATE_VALIDITY_CAPS.find((cap) => cap.from > day);
}

/** The shape shared by `order_validity`, `certificate.cert_validity` (and the deprecated root fields). */
export interface ValidityPeriod {
  years?: number | undefined;
  days?: number | undefined;
  custom_expiration_date?: string | undefined;
}

export type ValidityField = 'custom_expiration_date' | 'days' | 'years';

/**
 * Which field decides the end date. The API documents the precedence: `custom_expiration_date`
 * overrides `days`, which overrides `years` (DigiCert's order page, order_validity and cert_validity rows).
 */
export function decidingValidityField(v: ValidityPeriod): ValidityField | undefined {
  if (v.custom_expiration_date !== undefined) return 'custom_expiration_date';
  if (v.days !== undefined) return 'days';
  if (v.years !== undefined) return 'years';
  return undefined;
}

/** End date of a validity period starting on `from`; undefined when empty or the date is malformed. */
export function validityEndDate(v: ValidityPeriod, from: Date): Date | undefined {
  const start = utcDay(from);
  switch (decidingValidityField(v)) {
    case 'custom_expiration_date':
      return parseIsoDay(v.custom_expiration_date ?? '');
    case 'days':
      return addDays(start, v.days ?? 0);
    case 'years':
      return addYears(start, v.years ?? 0);
    default:
      return undefined;
  }
}

/** Last day of the order (the Multi-year Plan), counted from the day it is placed. */
export function orderEndDate(orderValidity: ValidityPeriod, today: Date): Date | undefined {
  return validityEndDate(orderValidity, today);
}

/**
 * Expiry of the first certificate, assuming it is issued on the day of ordering. Without
 * `cert_validity` the API uses "the validity period of the order or the maximum certificate validity
 * period defined by CA/B Forum baseline requirements, whichever is shorter" (DigiCert's order page); with it, the
 * same limits still bound the result (validation refuses values beyond them).
 */
export function firstCertificateEndDate(
  validity: { order_validity?: ValidityPeriod | undefined; cert_validity?: ValidityPeriod | undefined },
  today: Date,
): Date | undefined {
  const day = utcDay(today);
  const orderEnd = validity.order_validity ? orderEndDate(validity.order_validity, day) : undefined;
  if (!orderEnd) return undefined;
  const limits = [orderEnd, addDays(day, maxCertificateValidityDays(day))];
  const certEnd = validity.cert_validity ? validityEndDate(validity.cert_validity, day) : undefined;
  return minDate(...limits, ...(certEnd ? [certEnd] : []));
}
