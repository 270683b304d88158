// Order and certificate validity rules, from DigiCert's public order page
// (POST /order/certificate/ssl_ev_securesite_pro) and docs/certcentral-api.md. Written independently
// of lib/: the sandbox must catch the client's mistakes.
import type { ApiError } from './http-util';
import { isRecord } from './http-util';
import { addDays, addYears, daysUntil, isoDate, utcDay } from './state';

/**
 * Longest public TLS certificate DigiCert issues on `day` (docs/certcentral-api.md "Certificate
 * validity"): 199 days since 24 Feb 2026; CA/B Forum ballot SC-081 then 100 days from 15 Mar 2027 and
 * 47 days from 15 Mar 2029. Before 24 Feb 2026: 397 days (DigiCert's order page,
 * cert_validity.custom_expiration_date).
 */
export function maxCertDaysOn(day: Date): number {
  const d = isoDate(day);
  if (d >= '2029-03-15') return 47;
  if (d >= '2027-03-15') return 100;
  if (d >= '2026-02-24') return 199;
  return 397;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` (docs/certcentral-api.md "custom_expiration_date") and a real calendar date. */
export function parseDate(v: unknown): Date | undefined {
  if (typeof v !== 'string') return undefined;
  const m = DATE_RE.exec(v);
  if (!m) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoDate(d) !== v ? undefined : d;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export interface ValidityFacts {
  orderYears: number;
  orderValidTill: string;
  certDays: number;
}

/**
 * Reads one validity object: `custom_expiration_date` wins over `days`, which wins over `years`
 * (docs/certcentral-api.md). Every field present is checked, so all mistakes are reported at once.
 */
function readValidity(
  obj: Record<string, unknown>,
  path: string,
  today: Date,
  maxEnd: Date,
  errors: ApiError[],
): Date | undefined {
  const ends: Date[] = [];
  if (obj.custom_expiration_date !== undefined) {
    const d = parseDate(obj.custom_expiration_date);
    if (!d || d <= today || d > maxEnd) {
      errors.push({
        code: `invalid_value:${path}.custom_expiration_date`,
        message: `${path}.custom_expiration_date must be a YYYY-MM-DD date after today and no later than ${isoDate(maxEnd)}.`,
      });
    } else ends.push(d);
  }
  if (obj.days !== undefined) {
    const max = daysUntil(today, isoDate(maxEnd));
    if (!isInt(obj.days) || obj.days < 1 || obj.days > max) {
      errors.push({
        code: `invalid_value:${path}.days`,
        message: `${path}.days must be an integer from 1 to ${max}.`,
      });
    } else ends.push(addDays(today, obj.days));
  }
  if (obj.years !== undefined) {
    // order_validity.years: 1 to 3 (docs/certcentral-api.md; 4-6 year plans ended 31 Oct 2023,
    // DigiCert's order page).
    if (!isInt(obj.years) || obj.years < 1 || obj.years > 3) {
      errors.push({ code: `invalid_value:${path}.years`, message: `${path}.years must be 1, 2 or 3.` });
    } else ends.push(addYears(today, obj.years));
  }
  return ends[0];
}

export function checkValidity(
  body: Record<string, unknown>,
  certificate: Record<string, unknown> | undefined,
  now: Date,
  errors: ApiError[],
): ValidityFacts | undefined {
  const today = utcDay(now);
  const threeYears = addYears(today, 3);
  const ov = body.order_validity;
  let orderEnd: Date | undefined;
  let orderYears = 1;
  // Vendor page: order_validity is required; years is required unless days or a date replaces it.
  if (ov === undefined) {
    errors.push({ code: 'missing_param:order_validity', message: 'order_validity is required.' });
  } else if (!isRecord(ov)) {
    errors.push({ code: 'invalid_value:order_validity', message: 'order_validity must be an object.' });
  } else {
    const before = errors.length;
    orderEnd = readValidity(ov, 'order_validity', today, threeYears, errors);
    if (!orderEnd && errors.length === before) {
      errors.push({
        code: 'missing_param:order_validity.years',
        message: 'order_validity needs years, days or custom_expiration_date.',
      });
    }
    if (isInt(ov.years)) orderYears = ov.years;
    else if (orderEnd) orderYears = Math.max(1, Math.ceil(daysUntil(today, isoDate(orderEnd)) / 366));
  }

  const maxDays = maxCertDaysOn(today);
  const cv = certificate?.cert_validity;
  let certEnd: Date | undefined;
  if (cv !== undefined) {
    if (!isRecord(cv)) {
      errors.push({
        code: 'invalid_value:certificate.cert_validity',
        message: 'cert_validity must be an object.',
      });
    } else {
      certEnd = readValidity(cv, 'certificate.cert_validity', today, addYears(today, 3), errors);
    }
  }
  if (certEnd && orderEnd && certEnd > orderEnd) {
    // Vendor page, cert_validity: "Cannot exceed order validity period."
    errors.push({
      code: 'cert_validity_exceeds_order_validity',
      message: `Certificate validity (until ${isoDate(certEnd)}) exceeds the order validity (until ${isoDate(orderEnd)}).`,
    });
  }
  if (certEnd && daysUntil(today, isoDate(certEnd)) > maxDays) {
    // docs/certcentral-api.md: the public TLS maximum on the day (199 / 100 / 47 days). The code is an
    // assumption.
    errors.push({
      code: 'cert_validity_exceeds_max_validity',
      message: `Public TLS certificates issued on ${isoDate(today)} are valid for at most ${maxDays} days.`,
    });
  }
  if (!orderEnd) return undefined;
  const orderDays = daysUntil(today, isoDate(orderEnd));
  // Without cert_validity: the order's validity or the CA/B maximum, whichever is shorter (DigiCert's
  // order page).
  const certDays = certEnd ? daysUntil(today, isoDate(certEnd)) : Math.min(orderDays, maxDays);
  return { orderYears, orderValidTill: isoDate(orderEnd), certDays };
}
