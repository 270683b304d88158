// What a person can do with a placed submission from the history: cancel it while it is still
// pending, download the issued certificate.
import { CertCentralError, certCentralErrorTitle, describeCertCentralError } from '../certcentral/errors';
import { cancelOrder, downloadCertificate } from '../certcentral/orders';
// `t` names the transport in these steps; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import type { UserError } from '../messaging';
import type { StepContext } from './context';
import type { OutboxEntry } from './entry';
import { isCancelableOrderStatus } from './status';
import type { CertificateFile, DownloadFormat, Reply } from './types';

/** `title` names what failed ("Order 5 was not canceled."); without it, the error's own title says why. */
export function userError(err: unknown, title?: string): UserError {
  if (err instanceof CertCentralError) {
    const code = err.errors[0]?.code;
    return {
      title: title ?? certCentralErrorTitle(err),
      detail: describeCertCentralError(err),
      ...(code ? { code } : {}),
      ...(err.status !== undefined ? { status: err.status } : {}),
    };
  }
  return {
    title: title ?? say('history_error_generic'),
    detail: err instanceof Error ? err.message : String(err),
  };
}

export function refusal(title: string, detail: string, code: string): { ok: false; error: UserError } {
  return { ok: false, error: { title, detail, code } };
}

export const DEFAULT_CANCEL_NOTE = 'Canceled from the CertCentral Companion extension.';

/**
 * docs/certcentral-api.md "cancel a pending order": `PUT .../status` works for pending orders only, so anything else is
 * refused here with a sentence saying why. A status not yet checked counts as pending (a 201 order is).
 */
export async function cancelPlaced(
  ctx: StepContext,
  entry: OutboxEntry | undefined,
  note: string | undefined,
): Promise<Reply<OutboxEntry>> {
  if (!entry)
    return refusal(say('history_error_not_found'), say('history_error_not_found_detail'), 'not_found');
  const status = entry.orderStatus ?? 'pending';
  if (entry.state !== 'placed' || entry.orderId === undefined) {
    return refusal(say('history_error_nothing_to_cancel'), say('history_error_not_placed'), 'not_placed');
  }
  if (entry.finishedAt !== undefined || !isCancelableOrderStatus(status)) {
    return refusal(
      say('history_error_cannot_cancel'),
      say('history_error_cannot_cancel_detail', [String(entry.orderId), status]),
      'not_cancelable',
    );
  }
  const t = await ctx.transport();
  if (!t.ok) return t;
  const text = note?.trim() ? note.trim() : DEFAULT_CANCEL_NOTE;
  try {
    await cancelOrder(t.value, entry.orderId, text);
  } catch (err) {
    return { ok: false, error: userError(err, say('history_error_not_canceled', String(entry.orderId))) };
  }
  return { ok: true, value: await ctx.save(entry, { type: 'canceled-by-user', note: text }) };
}

const FORMAT_FILES: Record<DownloadFormat, { suffix: string; mime: string }> = {
  pem_all: { suffix: '.pem', mime: 'application/x-pem-file' },
  pem_noroot: { suffix: '-noroot.pem', mime: 'application/x-pem-file' },
  p7b: { suffix: '.p7b', mime: 'application/x-pkcs7-certificates' },
};

/** `*.example.com` → `star.example.com`; anything a file system may dislike becomes `_`. */
export function certificateFilename(entry: OutboxEntry, format: DownloadFormat): string {
  const name = entry.commonName.replace(/^\*\./, 'star.').replace(/[^A-Za-z0-9.-]/g, '_') || 'certificate';
  return `${name}-order-${entry.orderId ?? 'unknown'}${FORMAT_FILES[format].suffix}`;
}

export async function downloadIssued(
  ctx: StepContext,
  entry: OutboxEntry | undefined,
  format: DownloadFormat,
): Promise<Reply<CertificateFile>> {
  if (!FORMAT_FILES[format])
    return refusal(
      say('history_error_unknown_format'),
      say('history_error_format_not_offered', format),
      'bad_format',
    );
  if (entry?.orderStatus !== 'issued' || entry.certificateId === undefined) {
    return refusal(say('history_error_not_issued'), say('history_error_not_issued_detail'), 'not_issued');
  }
  const t = await ctx.transport();
  if (!t.ok) return t;
  try {
    const text = await downloadCertificate(t.value, entry.certificateId, format);
    return {
      ok: true,
      value: { filename: certificateFilename(entry, format), text, mime: FORMAT_FILES[format].mime },
    };
  } catch (err) {
    return { ok: false, error: userError(err, say('history_error_download')) };
  }
}
