// What the engine needs from the outside world and what it tells it. Everything is injected so the
// engine runs in unit tests with a fake clock, a fake CertCentral and no browser.
import type { Lane } from '../certcentral/rate-limit';
import type { Transport } from '../certcentral/transport';
import type { Problem } from '../order/problem';
import type { Reply } from '../reply';
import type { OutboxEntry } from './entry';

export type { Reply };

export type NotifyKind = 'placed' | 'issued' | 'needs-attention' | 'duplicate-canceled' | 'ended';

/** placed, issued, needs attention, plus a duplicate canceled or an order ended. */
export interface SubmissionEvent {
  kind: NotifyKind;
  entry: OutboxEntry;
  /** One sentence for the notification. Never holds card data (entries cannot). */
  message: string;
}

export interface SubmissionEngineDeps {
  /** The transport for the saved key and region (settings' openTransport), opened per step. */
  transport: (lane?: Lane) => Promise<Reply<Transport>>;
  now: () => Date;
  /** A fresh UUID per submission: it becomes the order's alternative_order_id. */
  uuid: () => string;
  /** Short waits (≤ 30 s) inside the worker; default a real timer. Tests pass a fake clock's sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Wake the engine at this time (the lead maps it to browser.alarms; timers die with the worker). */
  schedule: (at: Date) => void;
  notify: (event: SubmissionEvent) => void;
  /** Something in the outbox changed (badge, open popup). */
  onChange?: () => void;
  /** POSTs per submission before it stops and waits for "check again". Default 4. */
  maxTries?: number;
  /** Where unexpected errors go (an IndexedDB failure, a bug). Default console.error. */
  log?: (message: string, error: unknown) => void;
}

export interface SubmitInput {
  product: string;
  /** The order body as built from the template; an `alternative_order_id` in it is replaced. */
  request: Record<string, unknown>;
  template?: { id: string; name: string };
  /** `credit_card` for payment_method "card": kept in memory for this one submission, never stored. */
  card?: Record<string, unknown>;
  /** The order renews an earlier one (validation then requires the reference). */
  renewal?: boolean;
  /** The popup draft it came from: one draft places at most one live order (entry.ts `draftId`). */
  draftId?: string;
  /**
   * A renewal whose caller read the renewed order a moment ago and found it not renewed (no
   * `renewed_order_id`): the check before the POST does not read it again while this is fresh
   * (renewal-guard.ts RENEWED_ORDER_FRESH_MS); it still looks the renewal's id up. Bulk runs pass it,
   * which saves one request per order.
   */
  renewedOrderReadAt?: Date;
}

export type SubmitResult =
  | {
      ok: true;
      entry: OutboxEntry;
      warnings: Problem[];
      processing: Promise<void>;
      /** The draft had been placed already (another window): this is that submission, nothing new. */
      alreadySent?: boolean;
    }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

export type DownloadFormat = 'pem_all' | 'pem_noroot' | 'p7b';

export interface CertificateFile {
  filename: string;
  text: string;
  mime: string;
}
