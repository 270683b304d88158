// Shared by the engine's steps: the injected dependencies, the in-memory cards, and `save`, the one
// way an entry changes (pure transition, then written to disk before anything else happens).
import type { Lane } from '../certcentral/rate-limit';
import type { Transport } from '../certcentral/transport';
import { t } from '../i18n';
import type { OutboxEntry } from './entry';
import { apply, type MachineEvent } from './machine';
import { saveEntry } from './store';
import type { Reply, SubmissionEngineDeps, SubmissionEvent } from './types';

/** States in which a card may still be needed for a (re)send; leaving them forgets the card. */
const CARD_STATES: ReadonlySet<string> = new Set(['queued', 'sending', 'unknown', 'reconciling']);

export interface StepContext {
  deps: SubmissionEngineDeps;
  /** `credit_card` per submission id, in memory only: a card number or CVV is never stored. */
  cards: Map<string, Record<string, unknown>>;
  /** When the caller read a renewal's renewed order (SubmitInput.renewedOrderReadAt), per submission id. */
  renewedOrderReads: Map<string, number>;
  save(entry: OutboxEntry, event: MachineEvent): Promise<OutboxEntry>;
  notify(kind: SubmissionEvent['kind'], entry: OutboxEntry, message: string): void;
  /** `first` for placing an order and the lookups deciding a resend: they go before every other request. */
  transport(lane?: Lane): Promise<Reply<Transport>>;
}

export function createContext(deps: SubmissionEngineDeps): StepContext {
  const cards = new Map<string, Record<string, unknown>>();
  return {
    deps,
    cards,
    renewedOrderReads: new Map(),
    async save(entry, event) {
      const saved = await saveEntry(apply(entry, event, deps.now()));
      if (!CARD_STATES.has(saved.state)) cards.delete(saved.id);
      deps.onChange?.();
      return saved;
    },
    notify(kind, entry, message) {
      try {
        deps.notify({ kind, entry, message });
      } catch (err) {
        // A failing notification must not stop an order from being followed.
        (deps.log ?? console.error)('Submission notification failed', err);
      }
    },
    async transport(lane) {
      try {
        return await deps.transport(lane);
      } catch (err) {
        // Opening the transport reads the saved key and region and checks the key's characters: a
        // failure here happened before anything was sent, so CertCentral was never asked.
        const why = (err instanceof Error ? err.message : String(err)).trim().slice(0, 300);
        return {
          ok: false,
          error: {
            title: t('history_error_key_unusable'),
            detail:
              why === ''
                ? t('history_error_nothing_sent_plain')
                : t('history_error_nothing_sent', /[.!?]$/.test(why) ? why : `${why}.`),
          },
        };
      }
    },
  };
}

/** A settings-side failure (no key saved, ...) as one sentence. */
export function sayUserError(error: { title: string; detail?: string | undefined }): string {
  return error.detail ? `${error.title} ${error.detail}` : error.title;
}

/** A label for notifications: "Order 1234 (example.com)". */
export function orderLabel(entry: OutboxEntry): string {
  return entry.orderId !== undefined
    ? t('history_order_label', [String(entry.orderId), entry.commonName])
    : t('history_order_label_unplaced', entry.commonName);
}
