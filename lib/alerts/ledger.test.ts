import { describe, expect, it } from 'vitest';
import { stepProblems } from '../storage/stored-item';
import {
  ALERT_LEDGER_VERSION,
  type AlertLedger,
  alertLedgerItem,
  EMPTY_LEDGER,
  ledgerFromRecord,
  ledgerRecord,
} from './ledger';

const ledger: AlertLedger = {
  expiry: { '7': { validTill: '2027-01-01', told: 14, at: '2026-12-03T12:00:00.000Z' } },
  validation: { '9': { status: 'pending', domains: { 'a.example': 'pending' }, told: ['stuck'] } },
  checkedAt: '2026-12-03T12:00:00.000Z',
};

describe('the alert ledger record', () => {
  it('is version 1, with no steps before it', () => {
    expect(ALERT_LEDGER_VERSION).toBe(1);
    expect(stepProblems(alertLedgerItem)).toEqual([]);
  });

  it('reads back what was written; nothing stored is an empty ledger', () => {
    expect(ledgerRecord(ledger)).toEqual({ version: 1, ...ledger });
    expect(ledgerFromRecord(ledgerRecord(ledger))).toEqual({ ledger });
    expect(ledgerFromRecord(undefined)).toEqual({ ledger: EMPTY_LEDGER });
  });

  it.each([
    ['a newer version', { ...ledgerRecord(ledger), version: 2 }, /version 2/],
    ['no version', { ...ledger }, /version none/],
    ['a damaged entry', { ...ledgerRecord(ledger), expiry: { '7': { told: 0 } } }, /damaged/],
    [
      'a key that is no order id',
      { ...ledgerRecord(ledger), expiry: { abc: ledger.expiry['7'] } },
      /damaged/,
    ],
  ])('is unreadable, never silently empty, for %s', (_, raw, reason) => {
    const read = ledgerFromRecord(raw);
    expect(read).toHaveProperty('unreadable');
    if ('unreadable' in read) expect(read.unreadable).toMatch(reason);
  });
});
