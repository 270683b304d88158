import { describe, expect, it } from 'vitest';
import { renewalAlternativeId } from './renewal-guard';
import { firstLiveOrder, placerOf, renewedElsewhere, renewedElsewhereNote } from './renewed-elsewhere';

describe('renewals placed elsewhere, in words', () => {
  it('the renewal that counts is the live one stored first; canceled and rejected ones do not count', () => {
    const found = [
      { order_id: 7, status: 'canceled' },
      { order_id: 9, status: 'needs_approval' },
      { order_id: 8, status: 'pending' },
      { order_id: 6, status: 'rejected' },
    ];
    expect(firstLiveOrder(found)?.order_id).toBe(8);
    expect(firstLiveOrder([{ order_id: 7, status: 'canceled' }])).toBeUndefined();
  });

  it("who placed it: the order's user by name and e-mail, either alone, or nobody", () => {
    expect(placerOf({ user: { first_name: 'Ada', last_name: 'Admin', email: 'ada@example.com' } })).toBe(
      'Ada Admin (ada@example.com)',
    );
    expect(placerOf({ user: { first_name: ' Ada ', last_name: null } as never })).toBe('Ada');
    expect(placerOf({ user: { email: 'ada@example.com' } })).toBe('ada@example.com');
    expect(placerOf({ user: {} })).toBeUndefined();
    expect(placerOf({})).toBeUndefined();
    expect(placerOf(undefined)).toBeUndefined();
  });

  it('what the history says, with and without a user, a date, and an own order canceled', () => {
    expect(renewedElsewhereNote(renewedElsewhere(950, undefined))).toBe(
      'Already being renewed by another user, order #950. Nothing was ordered.',
    );
    const full = renewedElsewhere(
      950,
      {
        id: 950,
        status: 'pending',
        date_created: '2026-06-01T12:00:00+00:00',
        user: { first_name: 'Olivia', last_name: 'Orders', email: 'olivia@example.com' },
      } as never,
      1002,
    );
    expect(full).toEqual({
      orderId: 950,
      by: 'Olivia Orders (olivia@example.com)',
      placedAt: '2026-06-01T12:00:00+00:00',
      ownCanceled: 1002,
    });
    expect(renewedElsewhereNote(full)).toMatch(
      /^Already being renewed by Olivia Orders \(olivia@example\.com\), order #950, placed on Jun 1, 2026, .+\. Nothing was ordered\. The order this browser placed at the same moment \(#1002\) was canceled while pending, so one renewal remains\.$/,
    );
    // A date CertCentral sent in a form that cannot be read is shown as sent.
    expect(renewedElsewhereNote({ orderId: 950, placedAt: 'yesterday' })).toBe(
      'Already being renewed by another user, order #950, placed on yesterday. Nothing was ordered.',
    );
  });

  it('the ids every browser derives for a renewal stay within the documented 64 characters', () => {
    expect(renewalAlternativeId(10000001, 1)).toBe('renewal-of-10000001');
    expect(renewalAlternativeId(10000001, 2)).toBe('renewal-of-10000001-2');
    expect(renewalAlternativeId(Number.MAX_SAFE_INTEGER, 5).length).toBeLessThanOrEqual(64);
  });
});
