import { describe, expect, it } from 'vitest';
import { addYears, daysBetween, formatIsoDay, parseIsoDay, utcDay } from './dates';
import { minimalBody, patch } from './testing/bodies';
import { validateOrderRequest } from './validate';
import {
  CERTIFICATE_VALIDITY_CAPS,
  capSource,
  decidingValidityField,
  firstCertificateEndDate,
  maxCertificateValidityDays,
  nextValidityCap,
  orderEndDate,
  validityEndDate,
} from './validity';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date | undefined) => (d ? formatIsoDay(d) : undefined);

describe('maxCertificateValidityDays', () => {
  it.each([
    ['2019-06-01T00:00:00Z', 397],
    ['2026-02-23T23:59:59Z', 397],
    ['2026-02-24T00:00:00Z', 199],
    ['2026-11-29T12:00:00Z', 199],
    ['2027-03-14T23:59:59Z', 199],
    ['2027-03-15T00:00:00Z', 100],
    ['2029-03-14T23:59:59Z', 100],
    ['2029-03-15T00:00:00Z', 47],
    ['2045-01-01T00:00:00Z', 47],
    // The UTC day decides: late evening on the 14th in Utah is already the 15th in UTC.
    ['2027-03-14T23:00:00-07:00', 100],
  ])('on %s is %i days', (when, days) => {
    expect(maxCertificateValidityDays(new Date(when))).toBe(days);
  });

  it('lists its caps in date order with a source for each', () => {
    const froms = CERTIFICATE_VALIDITY_CAPS.map((c) => c.from);
    expect(froms).toEqual([...froms].sort());
    for (const cap of CERTIFICATE_VALIDITY_CAPS) expect(capSource(cap)).toMatch(/DigiCert|SC-081/);
  });

  it('knows the next, lower cap', () => {
    expect(nextValidityCap(day('2026-06-01'))?.days).toBe(100);
    expect(nextValidityCap(day('2027-03-15'))?.days).toBe(47);
    expect(nextValidityCap(day('2029-03-15'))).toBeUndefined();
  });
});

describe('the cap in validateOrderRequest, moving the injected clock', () => {
  const codes = (certDays: number, today: string) => {
    const body = patch(minimalBody(), {
      order_validity: { years: 2 },
      certificate: { cert_validity: { days: certDays } },
    });
    const r = validateOrderRequest(body, {
      product: 'ssl_ev_securesite_pro',
      today: new Date(`${today}T12:00:00Z`),
    });
    return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`);
  };
  const over = ['certificate.cert_validity.days exceeds_maximum_validity'];

  it.each([
    [397, '2026-02-23', []],
    [398, '2026-02-23', over],
    [199, '2026-02-24', []],
    [200, '2026-02-24', over],
    [199, '2027-03-14', []],
    [200, '2027-03-14', over],
    [199, '2027-03-15', over],
    [100, '2027-03-15', []],
    [101, '2027-03-15', over],
    [100, '2029-03-14', []],
    [101, '2029-03-14', over],
    [100, '2029-03-15', over],
    [47, '2029-03-15', []],
    [48, '2029-03-15', over],
  ])('cert_validity.days %i ordered on %s', (certDays, today, expected) => {
    expect(codes(certDays, today)).toEqual(expected);
  });

  it.each([
    ['2027-03-14', 199, 'expires on Sep 29, 2027'],
    ['2027-03-15', 100, 'expires on Jun 23, 2027'],
    ['2029-03-15', 47, 'expires on May 1, 2029'],
  ])('warns on %s that certificates are capped at %i days', (today, max, expiry) => {
    const r = validateOrderRequest(minimalBody(), { product: 'ssl_ev_securesite_pro', today: day(today) });
    const capped = r.warnings.find((w) => w.code === 'validity_capped');
    expect(capped?.message).toContain(`at most ${max} days`);
    expect(capped?.message).toContain(expiry);
  });
});

describe('end dates', () => {
  const today = day('2026-06-01');

  it('lets custom_expiration_date win over days, and days over years (DigiCert order page)', () => {
    expect(decidingValidityField({ years: 1, days: 30, custom_expiration_date: '2026-07-15' })).toBe(
      'custom_expiration_date',
    );
    expect(decidingValidityField({ years: 1, days: 30 })).toBe('days');
    expect(decidingValidityField({ years: 1 })).toBe('years');
    expect(decidingValidityField({})).toBeUndefined();
    expect(iso(validityEndDate({ years: 1, days: 30, custom_expiration_date: '2026-07-15' }, today))).toBe(
      '2026-07-15',
    );
    expect(iso(validityEndDate({ years: 1, days: 30 }, today))).toBe('2026-07-01');
    expect(iso(validityEndDate({ years: 2 }, today))).toBe('2028-06-01');
    expect(validityEndDate({ custom_expiration_date: '2026-02-30' }, today)).toBeUndefined();
  });

  it('computes the order end from the ordering day, whatever its time', () => {
    expect(iso(orderEndDate({ years: 3 }, new Date('2026-06-01T23:59:00Z')))).toBe('2029-06-01');
  });

  it('caps the first certificate at the order end and the maximum in force', () => {
    expect(iso(firstCertificateEndDate({ order_validity: { years: 1 } }, today))).toBe('2026-12-17'); // +199
    expect(iso(firstCertificateEndDate({ order_validity: { days: 90 } }, today))).toBe('2026-08-30'); // order first
    expect(
      iso(firstCertificateEndDate({ order_validity: { years: 1 }, cert_validity: { days: 60 } }, today)),
    ).toBe('2026-07-31');
    expect(firstCertificateEndDate({}, today)).toBeUndefined();
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2028-02-29', '2028-02-29'],
    ['2027-02-29', undefined],
    ['2026-02-30', undefined],
    ['2026-13-01', undefined],
    ['2026-2-1', undefined],
    ['2026-02-01T00:00:00Z', undefined],
  ])('parseIsoDay(%s)', (text, expected) => {
    expect(iso(parseIsoDay(text))).toBe(expected);
  });

  it('adds years calendar-wise (29 February rolls to 1 March) and counts days', () => {
    expect(formatIsoDay(addYears(day('2028-02-29'), 1))).toBe('2029-03-01');
    expect(daysBetween(day('2026-06-01'), day('2029-06-01'))).toBe(1096);
    expect(formatIsoDay(utcDay(new Date('2026-06-01T23:59:59.999Z')))).toBe('2026-06-01');
    expect(() => utcDay(new Date('nope'))).toThrow(RangeError);
  });
});
