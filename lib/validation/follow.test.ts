import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertNotice } from '../alerts/notice';
import { readAlertLedger, saveAlertSettings } from '../alerts/store';
import { json } from '../certcentral/testing/fake-fetch';
import { setup } from '../certcentral/testing/transport-harness';
import type { Transport } from '../certcentral/transport';
import { closePrivateStoreForTests } from '../storage/private-store';
import { followedOrderOf, followOrderValidation, hasSpareBudget, VALIDATION_FRESH_MS } from './follow';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
});

const validation = (status: string, orderStatus = 'pending') => ({
  order_status: orderStatus,
  order_dcv_method: 'dns-txt-token',
  dns_name_validations: [{ name_scope: 'example.com', status, method: 'dns-txt-token', dns_names: [] }],
});
const value = (expiration_date: string) => ({ dcv_random_value: 'abc', expiration_date });
/** Follow-up deps at a fixed moment, keeping every notice shown. */
function recording(transport: Transport) {
  const shown: AlertNotice[] = [];
  const deps = {
    transport,
    now: () => new Date('2026-06-10T12:00:00Z'),
    show: (n: AlertNotice) => void shown.push(n),
  };
  return { shown, deps };
}
const placement = (status = 'pending') => ({
  orderId: 1001,
  commonName: 'example.com',
  status,
  createdAt: '2026-06-10T00:00:00Z',
});

describe('followOrderValidation', () => {
  it('tells a domain validated once (when switched on), and never the issuance of an order placed here', async () => {
    await saveAlertSettings({ notify: { validationDone: true } });
    const { t } = setup([
      json(200, validation('pending')),
      json(200, value('2026-07-10T00:00:00Z')),
      json(200, validation('approved', 'issued')),
      json(200, validation('approved', 'issued')),
    ]);
    const { shown, deps } = recording(t);
    await followOrderValidation(deps, placement());
    expect(shown).toEqual([]);
    await followOrderValidation(deps, placement('issued'));
    expect(shown.map((n) => n.id)).toEqual(['alerts:validationDone:1001:example.com']);
    // The order left pending: the ledger no longer follows it, and nothing more is told.
    expect((await readAlertLedger()).validation).toEqual({});
    await followOrderValidation(deps, placement('issued'));
    expect(shown).toHaveLength(1);
  });

  it('with the default settings a validated domain is recorded as told without a notice', async () => {
    const { t } = setup([
      json(200, validation('pending')),
      json(200, value('2026-07-10T00:00:00Z')),
      json(200, validation('approved')),
    ]);
    const shown: AlertNotice[] = [];
    let now = new Date('2026-06-10T12:00:00Z');
    const deps = { transport: t, now: () => now, show: (n: AlertNotice) => void shown.push(n) };
    await followOrderValidation(deps, placement());
    now = new Date(now.getTime() + VALIDATION_FRESH_MS);
    await followOrderValidation(deps, placement());
    expect(shown).toEqual([]);
    expect((await readAlertLedger()).validation['1001']?.told).toEqual(['validated:example.com']);
  });

  it('decides on a state stored less than VALIDATION_FRESH_MS ago without asking CertCentral again', async () => {
    const { t, fetch } = setup([json(200, validation('pending')), json(200, value('2026-07-10T00:00:00Z'))]);
    const calls = fetch.calls;
    let now = new Date('2026-06-10T12:00:00Z');
    let stored = 0;
    const deps = { transport: t, now: () => now, show: () => undefined, stored: () => void stored++ };
    await followOrderValidation(deps, placement());
    const asked = calls.length;
    // A state read from CertCentral was stored: the badge is told to recount.
    expect(stored).toBe(1);
    now = new Date(now.getTime() + VALIDATION_FRESH_MS - 1);
    await followOrderValidation(deps, placement());
    expect(calls).toHaveLength(asked);
    expect(stored).toBe(1);
    // A status the order GET reports differently is not the stored one's: read again.
    await followOrderValidation(deps, placement('issued')).catch(() => undefined);
    expect(calls.length).toBeGreaterThan(asked);
  });

  it('reads only with spare budget while the order is pending, and always in the round it leaves pending', async () => {
    const { t, fetch } = setup([json(200, validation('pending')), json(200, value('2026-07-10T00:00:00Z'))]);
    const now = new Date('2026-06-10T12:00:00Z');
    // 501 of the 1000 requests DigiCert allows in 3 minutes were sent in the last minute.
    const sent = (n: number) => Array.from({ length: n }, (_, i) => now.getTime() - 60_000 + i);
    const busy = sent(501);
    const deps = { transport: t, now: () => now, show: () => undefined, sentLog: () => busy };
    expect(hasSpareBudget(busy, now)).toBe(false);
    expect(hasSpareBudget(sent(499), now)).toBe(true);
    await followOrderValidation(deps, placement());
    expect(fetch.calls).toHaveLength(0);
    await followOrderValidation(deps, placement('issued')).catch(() => undefined);
    expect(fetch.calls.length).toBeGreaterThan(0);
  });

  it('warns once of a token about to expire', async () => {
    const { t } = setup([
      json(200, validation('pending')),
      json(200, value('2026-06-12T00:00:00Z')),
      json(200, validation('pending')),
    ]);
    const { shown, deps } = recording(t);
    await followOrderValidation(deps, placement());
    await followOrderValidation(deps, placement());
    expect(shown.map((n) => n.kind)).toEqual(['tokenExpiring']);
  });

  it('a failed read tells nothing and records nothing', async () => {
    const { t } = setup([json(503, { errors: [{ code: 'down', message: 'Down' }] })], { maxGetRetries: 0 });
    const { shown, deps } = recording(t);
    await followOrderValidation(deps, placement());
    expect(shown).toEqual([]);
    expect((await readAlertLedger()).validation).toEqual({});
  });
});

describe('followedOrderOf', () => {
  it('gives the token expiry only to pending domains of the token method', () => {
    const order = followedOrderOf(placement(), {
      orderId: 1001,
      readAt: '2026-06-10T12:00:00Z',
      domains: [
        { name: 'a.example', method: 'dns-txt-token', status: 'pending', validated: false, dnsNames: [] },
        { name: 'b.example', method: 'email', status: 'pending', validated: false, dnsNames: [] },
      ],
      organization: [],
      approvers: [],
      token: { value: 'x', expiresAt: '2026-07-01T00:00:00Z', method: 'dns-txt-token' },
      unreadable: 0,
    });
    expect(order.domains).toEqual([
      {
        name: 'a.example',
        validated: false,
        method: 'dns-txt-token',
        tokenExpiresAt: '2026-07-01T00:00:00Z',
      },
      { name: 'b.example', validated: false, method: 'email' },
    ]);
    expect(order.followedByOutbox).toBe(true);
  });
});
