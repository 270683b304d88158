/**
 * The "already told" ledger: what the administrator has been notified of, so a notification is sent
 * once per order and event and never again, across worker and browser restarts. Stored as the
 * `alert-ledger` record of the private IndexedDB store; read, decided on (expiry.ts, follow-up.ts)
 * and written back in one transaction by the wiring, so two checks cannot both announce.
 *
 * - `expiry`: per order, the certificate end it was about and the smallest threshold announced.
 *   One number is enough: thresholds are announced from the largest down, and one already passed is
 *   never announced after a smaller one.
 * - `validation`: per followed order, the statuses last seen (the "previous" state of the next check,
 *   kept here so a restart does not forget it) and the events already told.
 * - `checkedAt`: when the last daily check finished (daily-check.ts).
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem, readStored } from '../storage/stored-item';

const isoTime = lazySchema(() => z.iso.datetime({ offset: true }));
const orderKey = lazySchema(() => z.string().check(z.regex(/^[1-9]\d{0,15}$/)));

/** A bound on the events kept per order: a broken loop must not fill the disk (each event is told once anyway). */
export const MAX_EVENTS_PER_ORDER = 200;

export const ledgerSchema = lazySchema(() =>
  z.object({
    expiry: z.record(
      orderKey,
      z.object({
        /** The certificate's `valid_till` the announcements were about. */
        validTill: z.string(),
        /** The smallest threshold announced (days). */
        told: z.number().check(z.int(), z.minimum(1)),
        at: isoTime,
      }),
    ),
    validation: z.record(
      orderKey,
      z.object({
        status: z.string(),
        /** Domain name → its validation status, as last seen. */
        domains: z.record(z.string(), z.string()),
        /** Event keys already told (follow-up.ts `eventKey`). */
        told: z.array(z.string()).check(z.maxLength(MAX_EVENTS_PER_ORDER)),
      }),
    ),
    checkedAt: z.optional(isoTime),
  }),
);
export type AlertLedger = z.infer<typeof ledgerSchema>;
export type ExpiryTold = AlertLedger['expiry'][string];
export type ValidationSeen = AlertLedger['validation'][string];

export const EMPTY_LEDGER: AlertLedger = { expiry: {}, validation: {} };

export const ALERT_LEDGER_RECORD = 'alert-ledger';
export const ALERT_LEDGER_VERSION = 1;

/** Version 1 is the first: no older record exists, so no step leads here yet. */
export const alertLedgerItem = defineStoredItem({
  name: 'alert ledger',
  where: { area: 'private', record: ALERT_LEDGER_RECORD },
  version: ALERT_LEDGER_VERSION,
  schema: lazySchema(() => z.object({ version: z.literal(ALERT_LEDGER_VERSION), ...ledgerSchema.shape })),
  migrations: [],
});

/**
 * Pure: the ledger in a stored record. One that cannot be read (damaged, or from a newer version)
 * gives `unreadable`: starting again from an empty ledger would send every alert a second time.
 * The wiring sets the record aside and writes a baseline instead: the decisions run once on the empty
 * ledger with their notices dropped, so what is true now counts as told and only later changes speak.
 */
export function ledgerFromRecord(raw: unknown): { ledger: AlertLedger } | { unreadable: string } {
  const read = readStored(alertLedgerItem, raw);
  if (read === null) return { ledger: EMPTY_LEDGER };
  if ('problem' in read) return { unreadable: read.problem.reason };
  const { version: _version, ...ledger } = read.value;
  return { ledger };
}

export function ledgerRecord(ledger: AlertLedger): Record<string, unknown> {
  return { version: ALERT_LEDGER_VERSION, ...ledger };
}
