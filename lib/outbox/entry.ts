/**
 * One submission in the outbox (and, once finished, in the history), persisted
 * before anything is sent, with the request body, the product, the alternative_order_id (= `id`),
 * the template and the state. Stored in the private IndexedDB store (store.ts), never storage.local.
 *
 * A card number or CVV is never part of an entry: `request` is refused by the
 * schema when it carries `credit_card`, so a bug elsewhere fails loudly instead of storing a card.
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { lazySchema } from '../lazy-schema';
import { REGIONS } from '../region';
import { defineStoredItem, readStored } from '../storage/stored-item';

export const ENTRY_VERSION = 1;

/** `queued → sending → placed | unknown → reconciling → placed | queued`, or `failed`. */
export const SUBMISSION_STATES = ['queued', 'sending', 'placed', 'unknown', 'reconciling', 'failed'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** The timeline is for people reading the history; 50 steps cover any real run (4 tries + checks). */
export const TIMELINE_LIMIT = 50;
/** Every `{code, message}` is kept, deduplicated; the bound only stops a broken loop filling the disk. */
export const MESSAGES_LIMIT = 100;

const IsoTime = lazySchema(() => z.iso.datetime({ offset: true }));
const OrderId = lazySchema(() => z.int().check(z.positive()));

export const ApiMessageSchema = lazySchema(() => z.object({ code: z.string(), message: z.string() }));
export type ApiMessage = z.infer<typeof ApiMessageSchema>;

/** An extra order found with the same alternative_order_id, and what the engine did about it. */
export const DuplicateSchema = lazySchema(() =>
  z.object({
    orderId: OrderId,
    /** CertCentral's status word when it was found. */
    foundStatus: z.string(),
    at: IsoTime,
    /** canceled: we canceled it; already-ended: it was canceled/rejected already; the rest need a person. */
    outcome: z.enum(['canceled', 'already-ended', 'cancel-failed', 'not-cancelable']),
    detail: z.string(),
  }),
);
export type Duplicate = z.infer<typeof DuplicateSchema>;

/**
 * A renewal that was not placed because CertCentral already had a live renewal of the same order,
 * placed by someone else (another browser, another person): docs/certcentral-api.md "Renewals
 * placed elsewhere". Nothing of this entry stays ordered.
 */
export const RenewedElsewhereSchema = lazySchema(() =>
  z.object({
    /** The renewal that counts: CertCentral's order id. */
    orderId: OrderId,
    /** Who placed it, from the order's `user` (name, e-mail); absent when CertCentral named nobody. */
    by: z.optional(z.string()),
    /** The order's `date_created` as CertCentral sent it. */
    placedAt: z.optional(z.string()),
    /** This entry's own order, placed at the same moment and canceled while pending (the lower id wins). */
    ownCanceled: z.optional(OrderId),
  }),
);
export type RenewedElsewhere = z.infer<typeof RenewedElsewhereSchema>;

export const TimelineStepSchema = lazySchema(() =>
  z.object({
    at: IsoTime,
    state: z.enum(SUBMISSION_STATES),
    note: z.optional(z.string()),
  }),
);
export type TimelineStep = z.infer<typeof TimelineStepSchema>;

const RequestBodySchema = lazySchema(() =>
  z
    .record(z.string(), z.unknown())
    .check(z.refine((body) => !('credit_card' in body), 'a stored request must never hold credit_card')),
);

export const OutboxEntrySchema = lazySchema(() =>
  z.object({
    version: z.literal(ENTRY_VERSION),
    /**
     * A fresh UUID, sent as the order's `alternative_order_id` (docs/certcentral-api.md "Orders"); a
     * renewal sends the id derived from the renewed order instead (`request.alternative_order_id`,
     * alternativeIdOf).
     */
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    product: z.string().check(z.minLength(1)),
    /** The validated body as sent, `alternative_order_id` included, `credit_card` never. */
    request: RequestBodySchema,
    /** payment_method is "card": a resend needs the card, which only lives in memory. */
    paysByCard: z.boolean(),
    template: z.optional(z.object({ id: z.string(), name: z.string() })),
    /**
     * The popup's unfinished order this came from: a second "Place order" for the same draft (another
     * popup, a stale button) gets this entry back instead of a second paid order. Absent on entries
     * written before drafts had an id and on bulk renewals, which guard themselves per order.
     */
    draftId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    commonName: z.string(),
    region: z.optional(z.enum(REGIONS)),
    state: z.enum(SUBMISSION_STATES),
    /** POSTs sent so far. */
    attempts: z.int().check(z.minimum(0)),
    /** POSTs allowed; "check again" raises it by one (the user asked for one more try). */
    allowedAttempts: z.int().check(z.minimum(0)),
    /** Failed lookups in a row (a GET, safe to repeat, but still bounded). */
    lookupFailures: z.int().check(z.minimum(0)),
    /** HTTP status of the last POST that got no usable answer: a 429 backs off longer. */
    lastHttpStatus: z.optional(z.int()),
    /** When `queued`/`unknown` may go on. Absent on `unknown`: stopped, a person must "check again". */
    nextAttemptAt: z.optional(IsoTime),
    /**
     * Until then, an unanswered POST may still reach CertCentral (timing.ts ANSWER_PENDING_MS): a lookup
     * that finds nothing is repeated, never followed by a resend.
     */
    answerPendingUntil: z.optional(IsoTime),
    orderId: z.optional(OrderId),
    requestId: z.optional(OrderId),
    certificateId: z.optional(OrderId),
    /** CertCentral's own status word (pending, needs_approval, issued, rejected, ...). */
    orderStatus: z.optional(z.string()),
    messages: z.array(ApiMessageSchema),
    note: z.optional(z.string()),
    duplicates: z.array(DuplicateSchema),
    /** Set when the renewal was not placed because another one of the same order came first. */
    renewedElsewhere: z.optional(RenewedElsewhereSchema),
    duplicatesCheckedAt: z.optional(IsoTime),
    createdAt: IsoTime,
    updatedAt: IsoTime,
    placedAt: z.optional(IsoTime),
    /** Set when nothing more will happen by itself: failed, a final order status, follow-up stopped. */
    finishedAt: z.optional(IsoTime),
    /** The user dismissed what needed attention; anything that happens later raises it again. */
    acknowledgedAt: z.optional(IsoTime),
    followUp: z.object({ nextCheckAt: z.optional(IsoTime), checks: z.int().check(z.minimum(0)) }),
    timeline: z.array(TimelineStepSchema).check(z.maxLength(TIMELINE_LIMIT)),
  }),
);
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export type MigrationResult = { ok: true; entry: OutboxEntry } | { ok: false; reason: string };

/**
 * A stored record → the current entry. Version 1 is the only one so far; a record of another version
 * (written by a newer extension, then downgraded) or a damaged one is reported with the reason and
 * kept aside by the store: never dropped, never guessed at (a guess could resend a paid order).
 */
export function migrateEntry(raw: unknown): MigrationResult {
  const read = readStored(outboxEntryItem, raw);
  if (read === null) return { ok: false, reason: 'The record is not an object.' };
  return 'value' in read ? { ok: true, entry: read.value } : { ok: false, reason: read.problem.reason };
}

/** One record per submission under `outbox:<id>`; version 1 is the first, so there are no steps yet. */
export const outboxEntryItem = defineStoredItem({
  name: 'outbox entry',
  where: { area: 'private', prefix: 'outbox:' },
  version: ENTRY_VERSION,
  schema: OutboxEntrySchema,
  migrations: [],
});

export interface NewEntryInput {
  id: string;
  product: string;
  request: Record<string, unknown>;
  template?: { id: string; name: string };
  draftId?: string;
  commonName: string;
  allowedAttempts: number;
  now: Date;
}

export function newEntry(input: NewEntryInput): OutboxEntry {
  const at = input.now.toISOString();
  return {
    version: ENTRY_VERSION,
    id: input.id,
    product: input.product,
    request: input.request,
    paysByCard: input.request.payment_method === 'card',
    ...(input.template ? { template: { id: input.template.id, name: input.template.name } } : {}),
    ...(input.draftId ? { draftId: input.draftId } : {}),
    commonName: input.commonName,
    state: 'queued',
    attempts: 0,
    allowedAttempts: input.allowedAttempts,
    lookupFailures: 0,
    nextAttemptAt: at,
    messages: [],
    duplicates: [],
    createdAt: at,
    updatedAt: at,
    followUp: { checks: 0 },
    timeline: [{ at, state: 'queued', note: t('history_note_saved') }],
  };
}

/**
 * The `alternative_order_id` the entry's POSTs carry: its own id, or, for a renewal, the id every
 * browser derives from the renewed order (renewal-guard.ts), written into the request before the first POST.
 */
export function alternativeIdOf(entry: OutboxEntry): string {
  const alt = entry.request.alternative_order_id;
  return typeof alt === 'string' && alt !== '' ? alt : entry.id;
}

/** The order a renewal renews (`renewal_of_order_id`); undefined for a new order or a renewal by thumbprint. */
export function renewedOrderOf(entry: OutboxEntry): number | undefined {
  const id = entry.request.renewal_of_order_id;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Nothing more happens by itself; the history may prune it (store.ts). */
export function isFinished(entry: OutboxEntry): boolean {
  return entry.finishedAt !== undefined;
}

/** Every `{code, message}` once, in the order first seen (repeats of a retry add nothing). */
export function addMessages(list: readonly ApiMessage[], more: readonly ApiMessage[]): ApiMessage[] {
  const out = [...list];
  for (const m of more) {
    if (!out.some((x) => x.code === m.code && x.message === m.message)) out.push(m);
  }
  return out.slice(-MESSAGES_LIMIT);
}

/** A later record for the same order replaces the earlier one (a cancel retried after a failure). */
export function mergeDuplicates(list: readonly Duplicate[], found: readonly Duplicate[]): Duplicate[] {
  const out = list.filter((d) => !found.some((f) => f.orderId === d.orderId));
  return [...out, ...found];
}
