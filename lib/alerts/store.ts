/**
 * Where the alerts' two records are read and written: the user's alert settings and the "already
 * told" ledger, both in the private IndexedDB store. The daily expiry check and the validation
 * follow-up both decide against the ledger; each decision runs inside one read-write transaction
 * (`decideWithLedger`), so two checks running at once cannot both announce the same thing.
 */
import { type Decision, readPrivate, updatePrivate } from '../storage/private-store';
import {
  ALERT_LEDGER_RECORD,
  type AlertLedger,
  EMPTY_LEDGER,
  ledgerFromRecord,
  ledgerRecord,
} from './ledger';
import type { AlertNotice } from './notice';
import {
  ALERT_SETTINGS_RECORD,
  type AlertSettings,
  type AlertSettingsInput,
  alertSettingsFromRecord,
  alertSettingsRecord,
  applyAlertSettingsInput,
  type Checked,
} from './settings';

export async function readAlertSettings(): Promise<AlertSettings> {
  return alertSettingsFromRecord(await readPrivate(ALERT_SETTINGS_RECORD));
}

/** The user's changes applied to the stored settings in one transaction, or every problem at once. */
export function saveAlertSettings(input: AlertSettingsInput): Promise<Checked<AlertSettings>> {
  return changeAlertSettings((current) => applyAlertSettingsInput(current, input));
}

/** Any change to the stored settings (snoozes included), in one transaction; nothing is written on a refusal. */
export function changeAlertSettings(
  change: (current: AlertSettings) => Checked<AlertSettings>,
): Promise<Checked<AlertSettings>> {
  return updatePrivate(ALERT_SETTINGS_RECORD, (raw): Decision<Checked<AlertSettings>> => {
    const result = change(alertSettingsFromRecord(raw));
    return result.ok ? { result, write: { value: alertSettingsRecord(result.value) } } : { result };
  });
}

export interface LedgerDecision {
  notices: AlertNotice[];
  ledger: AlertLedger;
}

/**
 * Runs `decide` on the stored ledger and stores the ledger it returns, in one transaction; the
 * caller shows the notices afterwards. A ledger that cannot be read is not taken as empty, which
 * would announce everything again: the decision runs on an empty ledger as a baseline, its notices
 * are dropped, and its ledger replaces the unreadable one (it only ever held "already told" marks),
 * so what is true now counts as told and only later changes speak.
 */
export async function decideWithLedger<T extends LedgerDecision>(
  decide: (ledger: AlertLedger) => T,
): Promise<T> {
  // Most rounds change nothing: decided on a plain read, they take no read-write transaction, which
  // would lock the whole private store while pages and the outbox read and write it. Nothing is
  // written on this path, so a write made meanwhile by another check is never undone.
  const read = ledgerFromRecord(await readPrivate(ALERT_LEDGER_RECORD));
  if ('ledger' in read) {
    const quick = decide(read.ledger);
    if (quick.notices.length === 0 && JSON.stringify(quick.ledger) === JSON.stringify(read.ledger))
      return quick;
  }
  return updatePrivate(ALERT_LEDGER_RECORD, (raw): Decision<T> => {
    const read = ledgerFromRecord(raw);
    const decided = 'ledger' in read ? decide(read.ledger) : { ...decide(EMPTY_LEDGER), notices: [] };
    return { result: decided, write: { value: ledgerRecord(decided.ledger) } };
  });
}

export async function readAlertLedger(): Promise<AlertLedger> {
  const read = ledgerFromRecord(await readPrivate(ALERT_LEDGER_RECORD));
  return 'ledger' in read ? read.ledger : EMPTY_LEDGER;
}
