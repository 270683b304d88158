import { describe, expect, it } from 'vitest';
import { noticeId } from './notice';
import { alertTarget, orderTarget, renewTarget } from './show';

describe('alertTarget', () => {
  it('opens the Expiring view with the order selected for an expiry reminder', () => {
    expect(alertTarget(noticeId('expiring', 10000004))).toBe('#renew=10000004');
    expect(renewTarget([1, 2, 3])).toBe('#renew=1,2,3');
  });

  it('opens the order history for a validation notice, with or without a domain', () => {
    expect(alertTarget(noticeId('stuck', 5))).toBe('#order-5');
    expect(alertTarget(noticeId('tokenExpiring', 5, 'a.example'))).toBe(orderTarget(5));
  });

  it('knows no target for ids that are not an alert', () => {
    for (const id of ['placed:abc', 'alerts:nonsense:5', 'alerts:expiring:0', 'alerts:expiring:x'])
      expect(alertTarget(id)).toBeUndefined();
  });
});
