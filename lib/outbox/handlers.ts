/** The background's answers to the order messages: submit, list, check again, cancel, export, download. */
import { handleMessage } from '../messaging/receive';
import type { SubmissionEngine } from './index';
import { historyFilename, listSubmissions } from './service';
import { toSubmissionView } from './view';

export function registerOutboxHandlers(outbox: SubmissionEngine): void {
  const asView = async (work: ReturnType<SubmissionEngine['checkAgain']>) => {
    const result = await work;
    return result.ok ? { ok: true as const, value: toSubmissionView(result.value) } : result;
  };
  handleMessage('submitOrder', async (data) => {
    const result = await outbox.submit(data);
    if (!result.ok)
      return { ok: true, value: { accepted: false, problems: result.problems, warnings: result.warnings } };
    return {
      ok: true,
      value: {
        accepted: true,
        submission: toSubmissionView(result.entry),
        warnings: result.warnings,
        ...(result.alreadySent ? { alreadySent: true } : {}),
      },
    };
  });
  handleMessage('listSubmissions', async (data) => ({
    ok: true,
    value: await listSubmissions(outbox, data.refresh ?? false),
  }));
  handleMessage('checkSubmissionAgain', ({ id }) => asView(outbox.checkAgain(id)));
  handleMessage('cancelSubmittedOrder', ({ id }) => asView(outbox.cancel(id)));
  handleMessage('acknowledgeSubmission', ({ id }) => asView(outbox.acknowledge(id)));
  handleMessage('exportHistory', async () => ({
    ok: true,
    value: { filename: historyFilename(new Date()), json: await outbox.exportHistory() },
  }));
  handleMessage('downloadCertificate', ({ id, format }) => outbox.download(id, format));
}
