import { describe, expect, it } from 'vitest';
import { statusChanged } from './handlers';
import type { ValidationSnapshot } from './snapshot';

const snap = (orderStatus: string, validated: boolean): ValidationSnapshot => ({
  orderId: 1,
  readAt: '2026-06-10T12:00:00Z',
  orderStatus,
  domains: [
    {
      name: 'example.com',
      method: 'dns-txt-token',
      status: validated ? 'approved' : 'pending',
      validated,
      dnsNames: [],
    },
  ],
  organization: [],
  approvers: [],
  unreadable: 0,
});

describe('statusChanged', () => {
  it('is true when a domain or the order changed, false otherwise or without a before', () => {
    expect(statusChanged(snap('pending', false), snap('pending', true))).toBe(true);
    expect(statusChanged(snap('pending', true), snap('issued', true))).toBe(true);
    expect(statusChanged(snap('pending', false), snap('pending', false))).toBe(false);
    expect(statusChanged(undefined, snap('pending', true))).toBe(false);
  });
});
