import { beforeEach, describe, expect, it } from 'vitest';
import { readPrivate, writePrivate } from '../storage/private-store';
import { resetStorageForTests } from '../storage/testing';
import { ALERT_LEDGER_RECORD, type AlertLedger } from './ledger';
import type { AlertNotice } from './notice';
import { ALERT_SETTINGS_RECORD, DEFAULT_ALERT_SETTINGS } from './settings';
import { decideWithLedger, readAlertLedger, readAlertSettings, saveAlertSettings } from './store';

beforeEach(resetStorageForTests);

const notice: AlertNotice = {
  kind: 'expiring',
  orderId: 10000001,
  id: 'alerts:expiring:10000001',
  title: { key: 'alerts_expiring_title', args: [] },
  message: { key: 'alerts_expiring_title', args: [] },
};
const told: AlertLedger = {
  expiry: { '10000001': { validTill: '2027-01-01', told: 30, at: '2026-12-03T08:00:00.000Z' } },
  validation: {},
};

describe('alert settings', () => {
  it('reads the defaults until something is saved, then what was saved', async () => {
    expect(await readAlertSettings()).toEqual(DEFAULT_ALERT_SETTINGS);
    const saved = await saveAlertSettings({ thresholds: '60, 7', stuckDays: '5' });
    expect(saved.ok).toBe(true);
    expect(await readAlertSettings()).toMatchObject({ thresholds: [60, 7], stuckDays: 5 });
    expect(await readPrivate(ALERT_SETTINGS_RECORD)).toMatchObject({ version: 1, thresholds: [60, 7] });
  });

  it('writes nothing when the input is refused, and says which field is wrong', async () => {
    await saveAlertSettings({ thresholds: '60, 7' });
    const refused = await saveAlertSettings({ thresholds: '0', stuckDays: 'soon' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors.map((e) => e.field)).toEqual(['thresholds', 'stuckDays']);
    expect((await readAlertSettings()).thresholds).toEqual([60, 7]);
  });
});

describe('the ledger', () => {
  it('stores what the decision returns, with its notices passed back', async () => {
    const decided = await decideWithLedger(() => ({ notices: [notice], ledger: told }));
    expect(decided.notices).toEqual([notice]);
    expect(await readAlertLedger()).toEqual(told);
  });

  it('decides on the ledger stored before', async () => {
    await decideWithLedger(() => ({ notices: [], ledger: told }));
    const seen: AlertLedger[] = [];
    await decideWithLedger((ledger) => {
      seen.push(ledger);
      return { notices: [], ledger };
    });
    expect(seen).toEqual([told]);
  });

  it('an unreadable ledger becomes a baseline: nothing is announced again, later changes are', async () => {
    await writePrivate(ALERT_LEDGER_RECORD, { version: 9, expiry: 'not this' });
    const baseline = await decideWithLedger((ledger) => ({
      notices: [notice],
      ledger: { ...ledger, ...told },
    }));
    expect(baseline.notices).toEqual([]);
    expect(await readAlertLedger()).toEqual(told);
    const next = await decideWithLedger((ledger) => ({ notices: [notice], ledger }));
    expect(next.notices).toEqual([notice]);
  });
});
