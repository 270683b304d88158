import { describe, expect, it } from 'vitest';
import { entryIn } from '../outbox/testing/entries';
import {
  needsYouFromState,
  needsYouView,
  pendingOrderIds,
  renewalSubmissions,
  waitingSubmissions,
} from './from-outbox';
import { badgeCount } from './needs-you';
import { DEFAULT_ALERT_SETTINGS } from './settings';

const NOW = new Date('2026-12-03T09:00:00Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const snapshot = {
  readAt: NOW.toISOString(),
  orders: [
    { id: 11, commonName: 'a.example', validTill: day(13) },
    { id: 12, commonName: 'b.example', validTill: day(29) },
    { id: 13, commonName: 'c.example', validTill: day(5) },
  ],
};

describe('needsYouFromState', () => {
  it('lists a failed submission, then the certificates to renew; a renewal on its way is not asked again', () => {
    const failed = entryIn('failed', { id: 'f1', commonName: 'failed.example' });
    const renewing = entryIn('sending', { id: 'r1', request: { renewal_of_order_id: 13 } });
    const items = needsYouFromState({
      entries: [failed, renewing],
      snapshot,
      settings: DEFAULT_ALERT_SETTINGS,
      now: NOW,
    });
    expect(items.map((i) => [i.kind, i.orderId ?? i.submissionId])).toEqual([
      ['open-submission', 'f1'],
      ['renew', 11],
      ['renew', 12],
    ]);
    expect(badgeCount(items)).toBe(3);
    expect(renewalSubmissions([failed, renewing])).toEqual([{ renewalOf: 13, state: 'sending' }]);
    expect(waitingSubmissions([failed, renewing])).toBe(1);
  });

  it('keeps a snoozed order listed last and out of the count', () => {
    const settings = { ...DEFAULT_ALERT_SETTINGS, snoozed: { '11': day(3).concat('T00:00:00.000Z') } };
    const items = needsYouFromState({ entries: [], snapshot, settings, now: NOW });
    expect(items.map((i) => [i.orderId, i.snoozed])).toEqual([
      [13, false],
      [12, false],
      [11, true],
    ]);
    expect(badgeCount(items)).toBe(2);
  });

  it('words each item with the page its action opens', () => {
    const [first] = needsYouFromState({ entries: [], snapshot, settings: DEFAULT_ALERT_SETTINGS, now: NOW });
    if (!first) throw new Error('no item');
    expect(needsYouView(first)).toEqual({
      kind: 'renew',
      orderId: 13,
      message: '5 days left on the certificate for c.example (order 13).',
      action: 'Renew',
      target: '#renew=13',
      snoozed: false,
    });
  });

  it('lists nothing to renew before the first check has read the account', () => {
    expect(
      needsYouFromState({ entries: [], snapshot: undefined, settings: DEFAULT_ALERT_SETTINGS, now: NOW }),
    ).toEqual([]);
  });

  it('asks for the domain the last validation read found waiting; an order never read can only be stuck', () => {
    const placed = (id: string, orderId: number) =>
      entryIn('placed', { id, orderId, orderStatus: 'pending', commonName: `o${orderId}.example` });
    const entries = [placed('p1', 501), placed('p2', 502)];
    expect(pendingOrderIds(entries)).toEqual([501, 502]);
    const validations = new Map([
      [
        501,
        {
          domains: [
            { name: 'www.o501.example', validated: true, method: 'dns-txt-token' },
            { name: 'o501.example', validated: false, method: 'dns-txt-token' },
          ],
          token: {
            method: 'dns-txt-token',
            expiresAt: new Date(NOW.getTime() + 2 * 86_400_000).toISOString(),
          },
        },
      ],
    ]);
    const items = needsYouFromState({
      entries,
      snapshot: undefined,
      settings: DEFAULT_ALERT_SETTINGS,
      now: NOW,
      validations,
    });
    // 502's validation was never read: all that is known is how long it has waited.
    expect(items.map((i) => [i.kind, i.orderId, i.domain])).toEqual([
      ['validate-domain', 501, 'o501.example'],
      ['check-validation', 502, undefined],
    ]);
    expect(items[0]?.message).toMatchObject({ one: 'alerts_token_expiring_one', count: 2 });
    expect(needsYouView(items[0] as (typeof items)[number]).target).toBe('#order-501');
  });
});
