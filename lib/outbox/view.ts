/**
 * What the popup and options page see of a submission: the entry in the user's words, with the
 * actions it allows. Built in the background; the pages never see the stored entry itself.
 */
import { consoleOrderUrl } from '../certcentral/regions';
import type { SubmissionView } from '../messaging';
import { getProduct } from '../order/products';
import type { OutboxEntry } from './entry';
import { describeStatus, isCancelableOrderStatus, needsAttention } from './status';

export function toSubmissionView(entry: OutboxEntry): SubmissionView {
  const status = describeStatus(entry);
  const placed = entry.state === 'placed' && entry.orderId !== undefined;
  return {
    id: entry.id,
    product: entry.product,
    productName: getProduct(entry.product)?.name ?? entry.product,
    commonName: entry.commonName,
    ...(entry.template ? { templateName: entry.template.name } : {}),
    state: entry.state,
    statusWord: status.word,
    statusLabel: status.label,
    ...(entry.orderId !== undefined ? { orderId: entry.orderId } : {}),
    ...(entry.requestId !== undefined ? { requestId: entry.requestId } : {}),
    ...(entry.orderStatus !== undefined ? { orderStatus: entry.orderStatus } : {}),
    ...(entry.note !== undefined ? { note: entry.note } : {}),
    ...(entry.renewedElsewhere ? { renewedElsewhere: true } : {}),
    messages: entry.messages,
    duplicates: entry.duplicates.map((d) => ({ orderId: d.orderId, outcome: d.outcome, detail: d.detail })),
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    ...(entry.placedAt !== undefined ? { placedAt: entry.placedAt } : {}),
    ...(placed && entry.orderId !== undefined
      ? { consoleUrl: consoleOrderUrl(entry.region ?? 'us', entry.orderId) }
      : {}),
    attention: needsAttention(entry),
    // A just-placed order whose status was not checked yet is pending (the 201 says so).
    canCancel:
      placed && entry.finishedAt === undefined && isCancelableOrderStatus(entry.orderStatus ?? 'pending'),
    canCheckAgain: entry.state === 'unknown' && entry.nextAttemptAt === undefined,
    canDownload: placed && entry.orderStatus === 'issued' && entry.certificateId !== undefined,
    timeline: entry.timeline.map((step) => ({
      at: step.at,
      state: step.state,
      ...(step.note ? { note: step.note } : {}),
    })),
  };
}
