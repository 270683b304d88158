import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { type BulkRenewal, sendToBackground, type UserError } from '@/lib/messaging';
import { downloadText } from '../download';
import { Notice } from '../Notice';

const WORDS: Record<BulkRenewal['items'][number]['state'], MessageKey> = {
  waiting: 'renewal_bulk_waiting',
  submitting: 'renewal_bulk_submitting',
  submitted: 'renewal_bulk_submitted',
  skipped: 'renewal_bulk_skipped',
  failed: 'renewal_bulk_failed',
};

/** A bulk renewal as it runs: progress, each order's result, pause and resume, a summary to export. */
export function BulkProgress({ initial }: { initial: BulkRenewal }) {
  const [run, setRun] = useState(initial);
  const [error, setError] = useState<UserError | null>(null);
  const finished = run.finishedAt !== undefined;

  useEffect(() => {
    if (finished) return;
    const timer = setInterval(async () => {
      const reply = await sendToBackground('getBulkRenewal', { runId: run.runId }).catch(() => null);
      if (reply?.ok) setRun(reply.value);
    }, 1000);
    return () => clearInterval(timer);
  }, [run.runId, finished]);

  async function setPaused(paused: boolean) {
    const reply = await sendToBackground('pauseBulkRenewal', { runId: run.runId, paused });
    if (reply.ok) setRun(reply.value);
    else setError(reply.error);
  }

  const done = run.items.filter((i) => i.state !== 'waiting' && i.state !== 'submitting').length;
  const count = (state: keyof typeof WORDS) =>
    formatNumber(run.items.filter((i) => i.state === state).length);
  const progress = [formatNumber(done), formatNumber(run.items.length)];
  return (
    <section class="stack" aria-labelledby="bulk-heading">
      <h3 id="bulk-heading">{t('renewal_bulk_heading', run.templateName)}</h3>
      <label for="bulk-progress">
        {finished
          ? t('renewal_bulk_handled_finished', progress)
          : run.paused
            ? t('renewal_bulk_handled_paused', progress)
            : t('renewal_bulk_handled', progress)}
      </label>
      <progress id="bulk-progress" max={run.items.length} value={done} />
      <p role="status" class="muted">
        {t('renewal_bulk_counts', [count('submitted'), count('skipped'), count('failed')])}
      </p>
      {error && (
        <Notice tone="error" title={error.title}>
          {error.detail && <p>{error.detail}</p>}
        </Notice>
      )}
      <div class="row">
        {!finished && (
          <button type="button" onClick={() => void setPaused(!run.paused)}>
            {run.paused ? t('renewal_bulk_resume') : t('renewal_bulk_pause')}
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            downloadText(
              `certcentral-renewals-${run.startedAt.slice(0, 10)}.json`,
              JSON.stringify(run, null, 2),
            )
          }
        >
          {t('renewal_bulk_export')}
        </button>
      </div>
      <ul class="submissions" aria-label={t('renewal_bulk_results')}>
        {run.items.map((item) => (
          <li
            key={item.orderId}
            class="submission"
            aria-label={t('renewal_bulk_item_label', [String(item.orderId), t(WORDS[item.state])])}
          >
            <div class="submission-head">
              <strong class="submission-name" translate={false}>
                {item.commonName}
              </strong>
              <span
                class={`status ${item.state === 'failed' ? 'error' : item.state === 'submitted' ? 'ok' : ''}`}
              >
                {t(WORDS[item.state])}
              </span>
            </div>
            <p class="hint">{t('renewal_order_heading', String(item.orderId))}</p>
            {item.message && <p class="submission-note">{item.message}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
