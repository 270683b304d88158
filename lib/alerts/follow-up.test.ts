import { describe, expect, it } from 'vitest';
import {
  decideFollowUpNotices,
  eventKey,
  type FollowedOrder,
  type FollowUpInput,
  followedOrderIds,
  orderEvents,
  TOKEN_WARN_DAYS,
  tokenDaysLeft,
} from './follow-up';
import { type AlertLedger, EMPTY_LEDGER, ledgerFromRecord, ledgerRecord } from './ledger';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS } from './settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-12-03T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

const pendingOrder = (extra: Partial<FollowedOrder> = {}): FollowedOrder => ({
  id: 5,
  commonName: 'shop.example',
  status: 'pending',
  createdAt: at(-DAY),
  domains: [
    { name: 'shop.example', validated: false, tokenExpiresAt: at(20 * DAY) },
    { name: 'www.shop.example', validated: false, tokenExpiresAt: at(20 * DAY) },
  ],
  ...extra,
});

const allOn: AlertSettings = {
  ...DEFAULT_ALERT_SETTINGS,
  notify: { expiring: true, tokenExpiring: true, stuck: true, orderIssued: true, validationDone: true },
};

function decide(input: Partial<FollowUpInput> & { orders: FollowedOrder[] }) {
  return decideFollowUpNotices({ complete: true, settings: allOn, ledger: EMPTY_LEDGER, now, ...input });
}

/** Each round's ledger is stored and read back, as across restarts. */
function rounds(steps: { orders: FollowedOrder[]; now?: Date; settings?: AlertSettings }[]) {
  let stored: unknown;
  return steps.map((step) => {
    const read = ledgerFromRecord(stored);
    if (!('ledger' in read)) throw new Error(read.unreadable);
    const result = decide({ ...step, ledger: read.ledger });
    stored = JSON.parse(JSON.stringify(ledgerRecord(result.ledger)));
    return result.notices.map((n) => `${n.kind}${n.domain ? `:${n.domain}` : ''}`);
  });
}

describe('token and waiting arithmetic', () => {
  it('rounds a token’s days up and a wait down', () => {
    expect(tokenDaysLeft(at(30 * HOUR), now)).toBe(2);
    expect(tokenDaysLeft(at(-HOUR), now)).toBe(0);
    expect(tokenDaysLeft('never', now)).toBeUndefined();
    expect(TOKEN_WARN_DAYS).toBe(3);
  });

  it('keys each event so the same one twice is the same key, and a new token a new one', () => {
    expect(eventKey({ kind: 'validationDone', domain: 'a.example' })).toBe('validated:a.example');
    expect(eventKey({ kind: 'tokenExpiring', domain: 'a.example', tokenExpiresAt: '2026-12-05' })).not.toBe(
      eventKey({ kind: 'tokenExpiring', domain: 'a.example', tokenExpiresAt: '2027-01-05' }),
    );
  });
});

describe('events of one order', () => {
  it('on first sight, tells no change (validated, issued are old news), only states', () => {
    const order = pendingOrder({
      status: 'issued',
      domains: [{ name: 'shop.example', validated: true }],
    });
    expect(orderEvents(order, undefined, 3, now)).toEqual([]);
    const stuck = pendingOrder({ createdAt: at(-3 * DAY) });
    expect(orderEvents(stuck, undefined, 3, now)).toEqual([{ kind: 'stuck' }]);
    expect(orderEvents(pendingOrder({ createdAt: at(-3 * DAY + HOUR) }), undefined, 3, now)).toEqual([]);
  });

  it('warns of a token within three days, not of a validated domain’s', () => {
    const order = pendingOrder({
      domains: [
        { name: 'a.example', validated: false, tokenExpiresAt: at(3 * DAY) },
        { name: 'b.example', validated: false, tokenExpiresAt: at(3 * DAY + HOUR) },
        { name: 'c.example', validated: true, tokenExpiresAt: at(HOUR) },
        { name: 'd.example', validated: false, tokenExpiresAt: null },
      ],
    });
    expect(orderEvents(order, undefined, 3, now)).toEqual([
      { kind: 'tokenExpiring', domain: 'a.example', tokenExpiresAt: at(3 * DAY) },
    ]);
  });

  it('does not tell the issuance of an order this browser’s outbox follows (it tells it itself)', () => {
    const seen = { status: 'pending', domains: {}, told: [] };
    expect(orderEvents(pendingOrder({ status: 'issued' }), seen, 3, now)).toEqual([{ kind: 'orderIssued' }]);
    expect(orderEvents(pendingOrder({ status: 'issued', followedByOutbox: true }), seen, 3, now)).toEqual([]);
  });
});

describe('follow-up notices', () => {
  it('tells each change once as it is seen, and stops following an issued order', () => {
    const validated = pendingOrder({
      domains: [
        { name: 'shop.example', validated: true },
        { name: 'www.shop.example', validated: false, tokenExpiresAt: at(20 * DAY) },
      ],
    });
    const bothValidated = pendingOrder({
      domains: [
        { name: 'shop.example', validated: true },
        { name: 'www.shop.example', validated: true },
      ],
    });
    const issued = { ...bothValidated, status: 'issued' };
    expect(
      rounds([
        { orders: [pendingOrder()] },
        { orders: [validated] },
        { orders: [validated] },
        { orders: [bothValidated] },
        { orders: [issued] },
        { orders: [] },
      ]),
    ).toEqual([
      [],
      ['validationDone:shop.example'],
      [],
      ['validationDone:www.shop.example'],
      ['orderIssued'],
      [],
    ]);
  });

  it('never tells of a domain first seen validated, in later rounds either', () => {
    const validated = pendingOrder({ domains: [{ name: 'shop.example', validated: true }] });
    expect(rounds([{ orders: [validated] }, { orders: [validated] }])).toEqual([[], []]);
  });

  it('tells a token warning once, and again only for a new token', () => {
    const soon = pendingOrder({
      domains: [{ name: 'shop.example', validated: false, tokenExpiresAt: at(2 * DAY) }],
    });
    const renewed = pendingOrder({
      domains: [{ name: 'shop.example', validated: false, tokenExpiresAt: at(DAY) }],
    });
    expect(
      rounds([{ orders: [soon] }, { orders: [soon] }, { orders: [renewed] }, { orders: [renewed] }]),
    ).toEqual([['tokenExpiring:shop.example'], [], ['tokenExpiring:shop.example'], []]);
  });

  it('words the notices with keys and arguments', () => {
    const order = pendingOrder({
      createdAt: at(-4 * DAY),
      domains: [{ name: 'shop.example', validated: false, tokenExpiresAt: at(30 * HOUR) }],
    });
    const { notices } = decide({ orders: [order] });
    expect(notices).toEqual([
      {
        kind: 'tokenExpiring',
        orderId: 5,
        domain: 'shop.example',
        id: 'alerts:tokenExpiring:5:shop.example',
        title: { key: 'alerts_token_title', args: [] },
        message: {
          count: 2,
          one: 'alerts_token_expiring_one',
          other: 'alerts_token_expiring_other',
          args: [{ text: 'shop.example' }, { text: '5' }],
        },
      },
      {
        kind: 'stuck',
        orderId: 5,
        id: 'alerts:stuck:5',
        title: { key: 'alerts_stuck_title', args: [] },
        message: {
          count: 4,
          one: 'alerts_stuck_one',
          other: 'alerts_stuck_other',
          args: [{ text: '5' }, { text: 'shop.example' }],
        },
      },
    ]);
  });

  it('tells a stuck order once, after the user’s days', () => {
    const settings = { ...allOn, stuckDays: 5 };
    const order = pendingOrder({ createdAt: at(-DAY) });
    const steps = [0, 3, 4, 5, 9].map((d) => ({
      orders: [order],
      now: new Date(now.getTime() + d * DAY),
      settings,
    }));
    expect(rounds(steps)).toEqual([[], [], ['stuck'], [], []]);
  });

  it('with validation news off by default, records it silently', () => {
    const validated = pendingOrder({ domains: [{ name: 'shop.example', validated: true }] });
    const first = decide({ orders: [pendingOrder()], settings: DEFAULT_ALERT_SETTINGS });
    const second = decide({ orders: [validated], settings: DEFAULT_ALERT_SETTINGS, ledger: first.ledger });
    expect(second.notices).toEqual([]);
    expect(second.ledger.validation['5']?.told).toEqual(['validated:shop.example']);
    expect(decide({ orders: [validated], ledger: second.ledger }).notices).toEqual([]);
  });

  it('tells a snoozed order nothing and records nothing told, but keeps what it saw', () => {
    const settings = { ...allOn, snoozed: { '5': at(DAY) } };
    const stuck = pendingOrder({ createdAt: at(-10 * DAY) });
    const snoozed = decide({ orders: [stuck], settings });
    expect(snoozed.notices).toEqual([]);
    expect(snoozed.ledger.validation['5']).toMatchObject({ status: 'pending', told: [] });
    const after = decide({ orders: [stuck], ledger: snoozed.ledger, now: new Date(now.getTime() + 2 * DAY) });
    expect(after.notices.map((n) => n.kind)).toEqual(['stuck']);
  });
});

describe('which orders the ledger follows', () => {
  const ledger: AlertLedger = {
    expiry: {},
    validation: {
      '5': { status: 'pending', domains: {}, told: [] },
      '6': { status: 'pending', domains: {}, told: ['stuck'] },
    },
  };

  it('lists them for the wiring to read', () => {
    expect(followedOrderIds(ledger)).toEqual([5, 6]);
  });

  it('drops orders not read when every followed order was read, keeps them otherwise', () => {
    expect(Object.keys(decide({ orders: [pendingOrder()], ledger }).ledger.validation)).toEqual(['5']);
    expect(
      Object.keys(decide({ orders: [pendingOrder()], ledger, complete: false }).ledger.validation).sort(),
    ).toEqual(['5', '6']);
  });

  it('drops an order at a final status', () => {
    for (const status of ['issued', 'rejected', 'canceled', 'revoked']) {
      expect(decide({ orders: [pendingOrder({ status })], ledger }).ledger.validation).toEqual({});
    }
  });

  it('leaves the expiry part as it was', () => {
    const withExpiry = {
      ...ledger,
      expiry: { '1': { validTill: '2027-01-01', told: 7, at: now.toISOString() } },
    };
    expect(decide({ orders: [], ledger: withExpiry }).ledger.expiry).toEqual(withExpiry.expiry);
  });
});
