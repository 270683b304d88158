import { useEffect, useState } from 'preact/hooks';
import { type BulkRenewal, sendToBackground, type UserError } from '@/lib/messaging';
import { downloadText } from '../download';
import { Notice } from '../Notice';

const WORDS = {
  waiting: 'Waiting',
  submitting: 'Sending',
  submitted: 'In the outbox',
  skipped: 'Skipped',
  failed: 'Failed',
} as const;

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
  const count = (state: keyof typeof WORDS) => run.items.filter((i) => i.state === state).length;
  return (
    <section class="stack" aria-labelledby="bulk-heading">
      <h3 id="bulk-heading">Renewing with “{run.templateName}”</h3>
      <label for="bulk-progress">
        {done} of {run.items.length} handled{run.paused && !finished ? ' (paused)' : ''}
        {finished ? ' · finished' : ''}
      </label>
      <progress id="bulk-progress" max={run.items.length} value={done} />
      <p role="status" class="muted">
        {count('submitted')} in the outbox · {count('skipped')} skipped · {count('failed')} failed
      </p>
      {error && (
        <Notice tone="error" title={error.title}>
          {error.detail && <p>{error.detail}</p>}
        </Notice>
      )}
      <div class="row">
        {!finished && (
          <button type="button" onClick={() => void setPaused(!run.paused)}>
            {run.paused ? 'Resume' : 'Pause'}
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
          Export summary (JSON)
        </button>
      </div>
      <ul class="submissions" aria-label="Renewal results">
        {run.items.map((item) => (
          <li
            key={item.orderId}
            class="submission"
            aria-label={`Order ${item.orderId}: ${WORDS[item.state]}`}
          >
            <div class="submission-head">
              <strong class="submission-name">{item.commonName}</strong>
              <span
                class={`status ${item.state === 'failed' ? 'error' : item.state === 'submitted' ? 'ok' : ''}`}
              >
                {WORDS[item.state]}
              </span>
            </div>
            <p class="hint">Order #{item.orderId}</p>
            {item.message && <p class="submission-note">{item.message}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
