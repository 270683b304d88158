/**
 * The validity helper's facts: how long the order (the Multi-year Plan) runs, how long each
 * certificate can be today under the public maximum, when that maximum drops next, and how many
 * reissues the plan implies (each certificate is at most the maximum in force on its issue day).
 */
import {
  capSource,
  firstCertificateEndDate,
  formatIsoDay,
  maxCertificateValidityDays,
  nextValidityCap,
  orderEndDate,
  utcDay,
  type ValidityPeriod,
  validityCapOn,
} from '../../order';
import { addDays, daysBetween, minDate } from '../../order/dates';
import type { DraftFields } from './draft';

export interface ValidityPlan {
  orderEnd: string;
  orderDays: number;
  /** The order's length comes (at least in part) from an asked field's default. */
  fromDefaults: boolean;
  capDays: number;
  capSource: string;
  firstCertificateEnd: string;
  firstCertificateDays: number;
  nextCap?: { from: string; days: number };
  /** Certificates needed to cover the order, the first one included. */
  certificates: number;
  reissues: number;
}

function period(fields: DraftFields, prefix: string): { period: ValidityPeriod; fromDefaults: boolean } {
  const out: ValidityPeriod = {};
  let fromDefaults = false;
  for (const key of ['years', 'days', 'custom_expiration_date'] as const) {
    const value = fields[`${prefix}.${key}`];
    const given =
      value?.source === 'fixed' ? value.value : value?.source === 'asked' ? value.default : undefined;
    if (
      key === 'custom_expiration_date' ? typeof given !== 'string' || given === '' : !Number.isInteger(given)
    )
      continue;
    (out as Record<string, unknown>)[key] = given;
    if (value?.source === 'asked') fromDefaults = true;
  }
  return { period: out, fromDefaults };
}

export function validityPlan(fields: DraftFields, today: Date): ValidityPlan | undefined {
  const day = utcDay(today);
  const order = period(fields, 'order_validity');
  const cert = period(fields, 'certificate.cert_validity');
  const orderEnd = orderEndDate(order.period, day);
  if (!orderEnd || orderEnd <= day) return undefined;
  const certValidity = Object.keys(cert.period).length > 0 ? { cert_validity: cert.period } : {};
  const firstEnd =
    firstCertificateEndDate({ order_validity: order.period, ...certValidity }, day) ?? orderEnd;
  let certificates = 1;
  // Each reissue starts when the previous certificate ends and gets the maximum in force that day.
  for (let start = firstEnd; start < orderEnd && certificates < 1000; certificates++)
    start = minDate(orderEnd, addDays(start, maxCertificateValidityDays(start)));
  const cap = validityCapOn(day);
  const next = nextValidityCap(day);
  return {
    orderEnd: formatIsoDay(orderEnd),
    orderDays: daysBetween(day, orderEnd),
    fromDefaults: order.fromDefaults || cert.fromDefaults,
    capDays: cap.days,
    capSource: capSource(cap),
    firstCertificateEnd: formatIsoDay(firstEnd),
    firstCertificateDays: daysBetween(day, firstEnd),
    ...(next ? { nextCap: { from: next.from, days: next.days } } : {}),
    certificates,
    reissues: certificates - 1,
  };
}
