/**
 * The popup's order form, loaded on first use (it brings the order model, the template reader and
 * the CSR checks): find the template, restore an unfinished order, know the region for "copy as curl".
 */
import { t } from '@/lib/i18n';
import { type SubmissionView, sendToBackground } from '@/lib/messaging';
import { discardDraft, loadDraft, type OrderDraft } from '@/lib/order-form/draft';
import type { RenewalSource } from '@/lib/order-form/prepare';
import type { Region } from '@/lib/region';
import { askedFields } from '@/lib/templates/build';
import type { Template } from '@/lib/templates/model';
import { readTemplates } from '@/lib/templates/storage';

import type { OrderStart } from './OrderFlow';

export { OrderFlow } from './OrderFlow';

export type OpenOrder = { template: Template; initial: OrderStart; region: Region };

async function region(): Promise<Region> {
  const reply = await sendToBackground('getSettings', undefined).catch(() => null);
  return reply?.ok ? reply.value.region : 'us';
}

/** The template, read with its full schema (a damaged one is kept aside by the reader and reported here). */
export async function openOrder(
  templateId: string,
  draft?: OrderDraft,
  renewal?: RenewalSource,
): Promise<OpenOrder | { problem: string }> {
  const { templates } = await readTemplates();
  const template = templates.find((t) => t.id === templateId);
  if (!template) {
    return { problem: t('popup_template_unreadable') };
  }
  const renewing = renewal ?? draft?.renewal;
  // Asked fields start from the renewed order's values (the person can still change them).
  const fromRenewal = renewing
    ? Object.fromEntries(
        askedFields(template)
          .filter((a) => renewing.values[a.path] !== undefined)
          .map((a) => [a.path, renewing.values[a.path]]),
      )
    : {};
  const initial = draft
    ? { answers: draft.answers as Record<string, unknown>, csrText: draft.csrText ?? '', step: draft.step }
    : { answers: fromRenewal, csrText: '', step: 'fill' as const };
  return {
    template,
    // A new form is a new draft; a restored one keeps its id, so its order is placed at most once.
    initial: {
      ...initial,
      draftId: draft?.id ?? crypto.randomUUID(),
      ...(renewing ? { renewal: renewing } : {}),
    },
    region: await region(),
  };
}

/**
 * An unfinished order from an earlier opening of the popup, if there is one. A draft that was already
 * sent comes back as its submission (never as a form to send again), unless CertCentral refused it.
 */
export async function restoreOrder(): Promise<OpenOrder | { problem: string } | null> {
  const saved = await loadDraft();
  if (saved === null) return null;
  if ('problem' in saved) return saved;
  const { draft } = saved;
  let sent: SubmissionView | undefined;
  if (draft.submissionId) {
    const reply = await sendToBackground('listSubmissions', {}).catch(() => null);
    sent = reply?.ok ? reply.value.submissions.find((s) => s.id === draft.submissionId) : undefined;
    if (!sent || sent.state === 'placed') {
      await discardDraft();
      return null;
    }
  }
  const opened = await openOrder(draft.templateId, draft);
  return 'problem' in opened || !sent ? opened : { ...opened, initial: { ...opened.initial, sent } };
}
