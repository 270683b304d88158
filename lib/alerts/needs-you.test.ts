import { describe, expect, it } from 'vitest';
import { expiringOrders, type IssuedOrder } from './expiry';
import type { FollowedOrder } from './follow-up';
import { badgeCount, badgeText, type NeedsYouInput, needsYou } from './needs-you';
import { DEFAULT_ALERT_SETTINGS } from './settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-12-03T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

const issued = (id: number, validTill: string, extra: Partial<IssuedOrder> = {}): IssuedOrder => ({
  id,
  commonName: `site${id}.example`,
  validTill,
  ...extra,
});
const pending = (id: number, extra: Partial<FollowedOrder> = {}): FollowedOrder => ({
  id,
  commonName: `new${id}.example`,
  status: 'pending',
  createdAt: at(-DAY),
  domains: [],
  ...extra,
});

function list(input: Partial<NeedsYouInput> & { orders?: IssuedOrder[] }) {
  const { orders = [], ...rest } = input;
  return needsYou({
    submissions: [],
    expiring: expiringOrders(orders, [], DEFAULT_ALERT_SETTINGS.thresholds, now),
    pending: [],
    settings: DEFAULT_ALERT_SETTINGS,
    now,
    ...rest,
  });
}

describe('the "needs you" list', () => {
  it('puts failed submissions first, then deadlines soonest first, then stuck orders longest waiting first', () => {
    const items = list({
      submissions: [{ submissionId: 's1', commonName: 'x.example', updatedAt: at(-HOUR) }],
      orders: [issued(1, '2026-12-20'), issued(2, '2026-12-05'), issued(3, '2027-06-01')],
      pending: [
        pending(10, {
          domains: [{ name: 'a.example', validated: false, tokenExpiresAt: at(3 * DAY - HOUR) }],
        }),
        pending(11, { createdAt: at(-5 * DAY) }),
        pending(12, { createdAt: at(-9 * DAY) }),
        pending(13),
      ],
    });
    expect(items.map((i) => [i.kind, i.orderId ?? i.submissionId])).toEqual([
      ['open-submission', 's1'],
      ['renew', 2],
      ['validate-domain', 10],
      ['renew', 1],
      ['check-validation', 12],
      ['check-validation', 11],
    ]);
  });

  it('gives each item one next action and what to show', () => {
    const [renew] = list({ orders: [issued(2, '2026-12-05')] });
    expect(renew).toEqual({
      kind: 'renew',
      orderId: 2,
      message: {
        count: 2,
        one: 'alerts_expiring_one',
        other: 'alerts_expiring_other',
        args: [{ text: 'site2.example' }, { text: '2' }],
      },
      action: { key: 'alerts_action_renew', args: [] },
      snoozed: false,
    });
    const [submission] = list({
      submissions: [{ submissionId: 's1', commonName: 'x.example', orderId: 8, updatedAt: at(0) }],
    });
    expect(submission).toEqual({
      kind: 'open-submission',
      orderId: 8,
      submissionId: 's1',
      message: { key: 'alerts_submission_needs_you', args: [{ text: 'x.example' }] },
      action: { key: 'alerts_action_open_submission', args: [] },
      snoozed: false,
    });
  });

  it('names the domain whose token ends first, over a stuck wait', () => {
    const [item] = list({
      pending: [
        pending(10, {
          createdAt: at(-20 * DAY),
          domains: [
            { name: 'late.example', validated: false, tokenExpiresAt: at(2 * DAY) },
            { name: 'first.example', validated: false, tokenExpiresAt: at(-HOUR) },
            { name: 'done.example', validated: true, tokenExpiresAt: at(-2 * DAY) },
          ],
        }),
      ],
    });
    expect(item).toMatchObject({
      kind: 'validate-domain',
      domain: 'first.example',
      message: { key: 'alerts_token_expires_today' },
      action: { key: 'alerts_action_validate_domain' },
    });
  });

  it('asks for the step each method needs when no token is about to run out, after the dated deadlines', () => {
    const open = (id: number, method: string, tokenExpiresAt?: string) =>
      pending(id, {
        createdAt: at(-HOUR),
        domains: [
          { name: `done${id}.example`, validated: true, method },
          { name: `d${id}.example`, validated: false, method, ...(tokenExpiresAt ? { tokenExpiresAt } : {}) },
        ],
      });
    const items = list({
      orders: [issued(2, '2026-12-20')],
      pending: [
        open(20, 'dns-txt-token', at(20 * DAY)),
        open(21, 'dns-cname-token'),
        open(22, 'http-token'),
        open(23, 'email'),
        open(24, 'file-upload-someday'),
      ],
    });
    expect(items.map((i) => [i.kind, i.orderId, i.domain, 'key' in i.message ? i.message.key : ''])).toEqual([
      ['renew', 2, undefined, ''],
      ['validate-domain', 20, 'd20.example', 'alerts_validate_dns_txt'],
      ['validate-domain', 21, 'd21.example', 'alerts_validate_dns_cname'],
      ['validate-domain', 22, 'd22.example', 'alerts_validate_http'],
      ['validate-domain', 23, 'd23.example', 'alerts_validate_email'],
      ['validate-domain', 24, 'd24.example', 'alerts_validate_any_method'],
    ]);
    expect(items[1]?.message).toEqual({
      key: 'alerts_validate_dns_txt',
      args: [{ text: 'd20.example' }, { text: '20' }],
    });
    expect(badgeCount(items)).toBe(6);
  });

  it('has nothing to ask of an order whose domains are all validated until it counts as stuck', () => {
    const validated = [{ name: 'a.example', validated: true, method: 'email' }];
    expect(list({ pending: [pending(30, { createdAt: at(-HOUR), domains: validated })] })).toEqual([]);
    const [stuck] = list({ pending: [pending(31, { createdAt: at(-9 * DAY), domains: validated })] });
    expect(stuck).toMatchObject({ kind: 'check-validation', orderId: 31 });
  });

  it('leaves out renewed orders, renewals on their way, and orders whose renewal submission failed (that one is listed)', () => {
    const orders = [
      issued(1, '2026-12-10', { renewedOrderId: 7 }),
      issued(2, '2026-12-10'),
      issued(3, '2026-12-10'),
    ];
    const items = needsYou({
      submissions: [{ submissionId: 's3', commonName: 'site3.example', renewalOf: 3, updatedAt: at(0) }],
      expiring: expiringOrders(orders, [{ renewalOf: 2, state: 'sending' }], [30], now),
      pending: [pending(4, { status: 'issued', createdAt: at(-30 * DAY) })],
      settings: DEFAULT_ALERT_SETTINGS,
      now,
    });
    expect(items.map((i) => i.submissionId ?? i.orderId)).toEqual(['s3']);
  });

  it('lists snoozed orders last and does not count them', () => {
    const settings = { ...DEFAULT_ALERT_SETTINGS, snoozed: { '2': at(DAY), '8': at(DAY) } };
    const items = list({
      settings,
      submissions: [{ submissionId: 's', commonName: 'x.example', orderId: 8, updatedAt: at(0) }],
      orders: [issued(1, '2026-12-20'), issued(2, '2026-12-05')],
    });
    expect(items.map((i) => [i.orderId, i.snoozed])).toEqual([
      [1, false],
      [8, true],
      [2, true],
    ]);
    expect(badgeCount(items)).toBe(1);
  });
});

describe('the badge', () => {
  it.each([
    [0, ''],
    [-1, ''],
    [Number.NaN, ''],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
    [12_345, '99+'],
  ])('%d shows %j', (count, shown) => {
    expect(badgeText(count)).toBe(shown);
  });
});
