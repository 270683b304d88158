/**
 * An unfinished order in the popup, kept so that closing the popup loses nothing. It lives in the
 * extension origin's IndexedDB (lib/storage), never in storage.local, and never holds card data:
 * answers to card fields are dropped before every save (the card serves one request).
 */
import { z } from 'zod/mini';
import { deletePrivate, readPrivate, writePrivate } from '../storage/private-store';

const DRAFT_RECORD = 'order-draft';
export const DRAFT_VERSION = 1;

const draftV1 = z.object({
  version: z.literal(1),
  templateId: z.string(),
  answers: z.record(z.string(), z.json()),
  csrText: z.optional(z.string().check(z.maxLength(65_536))),
  step: z.enum(['fill', 'review']),
  /** Set once the order was handed to the outbox: the form returns only if CertCentral refuses it. */
  submissionId: z.optional(z.string()),
  /** A renewal: the renewed order (confirmed through the API) and its values, kept so the draft stays one. */
  renewal: z.optional(z.object({ orderId: z.number(), values: z.record(z.string(), z.json()) })),
  updatedAt: z.string(),
});
export type OrderDraft = z.infer<typeof draftV1>;

/** Card fields are never kept, whatever the caller passes. */
export function withoutCard(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([path]) => !path.startsWith('credit_card')));
}

/**
 * Version 1 is the first shape. A draft of another version or a damaged one is dropped with the
 * reason: it is an unfinished form, and guessing could put a wrong value into a paid order.
 */
export function migrateDraft(raw: unknown): { draft: OrderDraft } | { problem: string } | null {
  if (raw === undefined || raw === null) return null;
  const parsed = draftV1.safeParse(raw);
  if (parsed.success)
    return { draft: { ...parsed.data, answers: withoutCard(parsed.data.answers) as OrderDraft['answers'] } };
  return {
    problem: 'An unfinished order could not be restored (it was saved by another version or is damaged).',
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
