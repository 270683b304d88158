/**
 * An unfinished order in the popup, kept so that closing the popup loses nothing. It lives in the
 * extension origin's IndexedDB (lib/storage), never in storage.local, and never holds card data:
 * answers to card fields are dropped before every save (the card serves one request).
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { lazySchema } from '../lazy-schema';
import { deletePrivate, readPrivate, writePrivate } from '../storage/private-store';
import { defineStoredItem, readStored } from '../storage/stored-item';

const DRAFT_RECORD = 'order-draft';
export const DRAFT_VERSION = 2;

const draftFieldsV1 = lazySchema(() => ({
  templateId: z.string(),
  answers: z.record(z.string(), z.json()),
  csrText: z.optional(z.string().check(z.maxLength(65_536))),
  step: z.enum(['fill', 'review']),
  /** Set once the order was handed to the outbox: the form returns only if CertCentral refuses it. */
  submissionId: z.optional(z.string()),
  /** A renewal: the renewed order (confirmed through the API) and its values, kept so the draft stays one. */
  renewal: z.optional(z.object({ orderId: z.number(), values: z.record(z.string(), z.json()) })),
  updatedAt: z.string(),
}));
/**
 * Version 2 adds the draft's own id, sent with "Place order": the background places one order per
 * draft, so two popups showing the same draft (or a stale button) cannot order it twice.
 */
const draftV2 = lazySchema(() =>
  z.object({
    version: z.literal(2),
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    ...draftFieldsV1,
  }),
);
export type OrderDraft = z.infer<typeof draftV2>;

/**
 * Version 1 → 2: a version 1 draft gets an id derived from what it holds, not a random one: two
 * popups migrating the same stored draft at once must arrive at the same id, or each could place it.
 */
export function draftV1ToV2(v1: Record<string, unknown>): Record<string, unknown> {
  return { ...v1, version: 2, id: `v1-${String(v1.updatedAt)}`.slice(0, 64) };
}

export const draftItem = defineStoredItem({
  name: 'order draft',
  where: { area: 'private', record: DRAFT_RECORD },
  version: DRAFT_VERSION,
  schema: draftV2,
  migrations: [{ from: 1, to: 2, step: draftV1ToV2 }],
});

/** Card fields are never kept, whatever the caller passes. */
export function withoutCard(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([path]) => !path.startsWith('credit_card')));
}

/**
 * Version 1 → 2 adds the id (draftV1ToV2); version 2 is current. A draft of another version or a damaged
 * one is dropped with the reason: it is an unfinished form, and guessing could put a wrong value into
 * a paid order.
 */
export function migrateDraft(raw: unknown): { draft: OrderDraft } | { problem: string } | null {
  const read = readStored(draftItem, raw);
  if (read === null) return null;
  if ('value' in read)
    return { draft: { ...read.value, answers: withoutCard(read.value.answers) as OrderDraft['answers'] } };
  return {
    problem: t('popup_draft_unreadable'),
  };
}

export type DraftInput = Omit<OrderDraft, 'version' | 'updatedAt' | 'answers' | 'renewal'> & {
  answers: Record<string, unknown>;
  renewal?: { orderId: number; values: Readonly<Record<string, unknown>> };
};

export async function saveDraft(draft: DraftInput, now = new Date()): Promise<void> {
  const { renewal: _renewal, ...rest } = draft;
  const record: OrderDraft = {
    ...rest,
    version: DRAFT_VERSION,
    answers: JSON.parse(JSON.stringify(withoutCard(draft.answers))),
    ...(draft.renewal ? { renewal: JSON.parse(JSON.stringify(draft.renewal)) } : {}),
    updatedAt: now.toISOString(),
  };
  await writePrivate(DRAFT_RECORD, record);
}

export async function loadDraft(): Promise<{ draft: OrderDraft } | { problem: string } | null> {
  const result = migrateDraft(await readPrivate(DRAFT_RECORD));
  if (result && 'problem' in result) await deletePrivate(DRAFT_RECORD);
  return result;
}

export async function discardDraft(): Promise<void> {
  await deletePrivate(DRAFT_RECORD);
}
