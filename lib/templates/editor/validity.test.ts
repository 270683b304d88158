import { describe, expect, it } from 'vitest';
import { validityPlan } from './validity';

describe('validityPlan', () => {
  it('a one-year order today: certificates of 199 days, one reissue', () => {
    const plan = validityPlan(
      { 'order_validity.years': { source: 'fixed', value: 1 } },
      new Date('2026-11-29T10:00:00Z'),
    );
    expect(plan).toMatchObject({
      orderEnd: '2027-11-29',
      orderDays: 365,
      capDays: 199,
      firstCertificateEnd: '2027-06-16',
      nextCap: { from: '2027-03-15', days: 100 },
      // 2026-11-29 +199 → 2027-06-16, then +100 (the cap in force then) → 2027-09-24, then → 2027-11-29.
      certificates: 3,
      reissues: 2,
      fromDefaults: false,
    });
  });

  it('uses an asked default and says so; nothing without an order length', () => {
    const today = new Date('2025-06-01T00:00:00Z');
    const plan = validityPlan({ 'order_validity.years': { source: 'asked', default: 1 } }, today);
    expect(plan).toMatchObject({ capDays: 397, certificates: 1, reissues: 0, fromDefaults: true });
    expect(validityPlan({ 'order_validity.years': { source: 'asked' } }, today)).toBeUndefined();
    expect(validityPlan({ 'order_validity.years': { source: 'fixed', value: 'x' } }, today)).toBeUndefined();
  });

  it('respects a shorter certificate validity for the first certificate', () => {
    const plan = validityPlan(
      {
        'order_validity.years': { source: 'fixed', value: 1 },
        'certificate.cert_validity.days': { source: 'fixed', value: 90 },
      },
      new Date('2025-06-01T00:00:00Z'),
    );
    expect(plan).toMatchObject({ firstCertificateDays: 90, certificates: 2, reissues: 1 });
  });
});
