import { useState } from 'preact/hooks';
import { formatAgo } from '@/lib/format/time';
import {
  type CertificateFormat,
  type SubmissionView,
  sendToBackground,
  type UserError,
} from '@/lib/messaging';
import { downloadText } from './download';
import { Notice } from './Notice';

const FORMATS: { id: CertificateFormat; label: string }[] = [
  { id: 'pem_all', label: 'PEM, full chain' },
  { id: 'pem_noroot', label: 'PEM, without root' },
  { id: 'p7b', label: 'PKCS#7 (.p7b)' },
];

const TONES = { done: 'ok', waiting: 'waiting', ended: 'ended', failed: 'error', unsure: 'error' } as const;

type Props = { submission: SubmissionView; now: Date; onChanged: () => void; detailed?: boolean };

/** One submission: what it is, its honest status, and what can be done with it. */
export function SubmissionItem({ submission: s, now, onChanged, detailed = false }: Props) {
  const [format, setFormat] = useState<CertificateFormat>('pem_all');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const tone = TONES[s.statusWord as keyof typeof TONES] ?? 'busy';

  async function act(run: () => Promise<{ ok: true } | { ok: false; error: UserError }>) {
    setBusy(true);
    try {
      const result = await run();
      setError(result.ok ? null : result.error);
      onChanged();
    } catch (caught) {
      setError({ title: 'The extension could not complete that.', detail: String(caught) });
    } finally {
      setBusy(false);
    }
  }

  const download = () =>
    act(async () => {
      const result = await sendToBackground('downloadCertificate', { id: s.id, format });
      if (result.ok) downloadText(result.value.filename, result.value.text, result.value.mime);
      return result;
    });

  return (
    <li
      class={`submission ${s.attention ? 'attention' : ''}`}
      aria-label={`${s.commonName}: ${s.statusLabel}`}
    >
      <div class="submission-head">
        <strong class="submission-name">{s.commonName}</strong>
        <span class={`status ${tone}`}>{s.statusLabel}</span>
      </div>
      <p class="hint">
        {s.productName}
        {s.orderId !== undefined ? ` · order #${s.orderId}` : ''}
        {s.templateName ? ` · ${s.templateName}` : ''} · {formatAgo(s.updatedAt, now)}
      </p>
      {s.note && (detailed || s.attention) && <p class="submission-note">{s.note}</p>}
      {detailed && s.messages.length > 0 && (
        <ul class="api-messages" aria-label="CertCentral said">
          {s.messages.map((m) => (
            <li key={`${m.code}${m.message}`}>
              {m.message} <code>{m.code}</code>
            </li>
          ))}
        </ul>
      )}
      {s.duplicates.length > 0 && (
        <ul class="api-messages" aria-label="Duplicate orders">
          {s.duplicates.map((d) => (
            <li key={d.orderId}>{d.detail}</li>
          ))}
        </ul>
      )}
      {detailed && s.timeline.length > 0 && (
        <details class="timeline">
          <summary>What happened ({s.timeline.length} steps)</summary>
          <ol>
            {s.timeline.map((step) => (
              <li key={`${step.at}${step.state}`}>
                <time dateTime={step.at}>{new Date(step.at).toLocaleString()}</time> ·{' '}
                {step.note ?? step.state}
              </li>
            ))}
          </ol>
        </details>
      )}
      <div class="row submission-actions">
        {s.consoleUrl && (
          <a href={s.consoleUrl} target="_blank" rel="noreferrer">
            Open in CertCentral
          </a>
        )}
        {s.canCheckAgain && (
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => sendToBackground('checkSubmissionAgain', { id: s.id }))}
          >
            Check again
          </button>
        )}
        {s.attention && (
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => sendToBackground('acknowledgeSubmission', { id: s.id }))}
          >
            Mark as seen
          </button>
        )}
        {s.canDownload && (
          <>
            <label class="visually-hidden" for={`format-${s.id}`}>
              Certificate format for {s.commonName}
            </label>
            <select
              id={`format-${s.id}`}
              value={format}
              onChange={(e) => setFormat(e.currentTarget.value as CertificateFormat)}
            >
              {FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy} onClick={download}>
              Download certificate
            </button>
          </>
        )}
        {s.canCancel &&
          (confirmCancel ? (
            <fieldset class="row">
              <legend class="visually-hidden">Confirm cancellation</legend>
              <span>Cancel order #{s.orderId}?</span>
              <button
                type="button"
                class="danger"
                disabled={busy}
                onClick={() => {
                  setConfirmCancel(false);
                  void act(() => sendToBackground('cancelSubmittedOrder', { id: s.id }));
                }}
              >
                Cancel order
              </button>
              <button type="button" onClick={() => setConfirmCancel(false)}>
                Keep it
              </button>
            </fieldset>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirmCancel(true)}>
              Cancel order…
            </button>
          ))}
      </div>
      {error && (
        <Notice tone="error" title={error.title}>
          {error.detail && <p>{error.detail}</p>}
        </Notice>
      )}
    </li>
  );
}
