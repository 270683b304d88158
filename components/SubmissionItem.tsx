import { useEffect, useState } from 'preact/hooks';
import { formatAgo } from '@/lib/format/time';
import { type MessageKey, t, tn } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import {
  type CertificateFormat,
  type SubmissionView,
  sendToBackground,
  type UserError,
} from '@/lib/messaging';
import { downloadText } from './download';
import { Notice } from './Notice';
import { ValidationPanel } from './validation/ValidationPanel';

/** Statuses after which nothing is left to validate (docs/certcentral-api.md "Order list"). */
const FINAL_ORDER_STATUSES = new Set(['issued', 'rejected', 'canceled', 'revoked', 'expired']);

const FORMATS: { id: CertificateFormat; label: MessageKey }[] = [
  { id: 'pem_all', label: 'history_format_pem_all' },
  { id: 'pem_noroot', label: 'history_format_pem_noroot' },
  { id: 'p7b', label: 'history_format_p7b' },
];

/** A step without a note of its own is named by its state (a state this version does not know, as stored). */
const stateWords = (state: string) => {
  const key = (STATE_WORDS as Partial<Record<string, MessageKey>>)[state];
  return key ? t(key) : state;
};
const STATE_WORDS: Record<SubmissionView['state'], MessageKey> = {
  queued: 'history_state_queued',
  sending: 'history_state_sending',
  reconciling: 'history_state_reconciling',
  unknown: 'history_state_unknown',
  failed: 'history_state_failed',
  placed: 'history_state_placed',
};

const TONES = { done: 'ok', waiting: 'waiting', ended: 'ended', failed: 'error', unsure: 'error' } as const;

type Props = {
  submission: SubmissionView;
  now: Date;
  onChanged: () => void;
  detailed?: boolean;
  /** The page was opened for this order (a notification's `#order-<id>`): its validation is read at once. */
  target?: boolean;
};

/** One submission: what it is, its honest status, and what can be done with it. */
export function SubmissionItem({ submission: s, now, onChanged, detailed = false, target = false }: Props) {
  const [format, setFormat] = useState<CertificateFormat>('pem_all');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const tone = TONES[s.statusWord as keyof typeof TONES] ?? 'busy';
  const waitsOnValidation =
    detailed &&
    s.state === 'placed' &&
    s.orderId !== undefined &&
    !FINAL_ORDER_STATUSES.has(s.orderStatus ?? '');
  // Once shown, the panel stays while the item is on screen: an action that completes the order
  // (Check DCV now) must not take its own answer away from the person who asked.
  const [showValidation, setShowValidation] = useState(waitsOnValidation);
  useEffect(() => {
    if (waitsOnValidation) setShowValidation(true);
  }, [waitsOnValidation]);

  async function act(run: () => Promise<{ ok: true } | { ok: false; error: UserError }>) {
    setBusy(true);
    try {
      const result = await run();
      setError(result.ok ? null : result.error);
      onChanged();
    } catch (caught) {
      setError({ title: t('common_could_not_complete'), detail: String(caught) });
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
      id={s.orderId !== undefined ? `order-${s.orderId}` : undefined}
      class={`submission ${s.attention ? 'attention' : ''}`}
      aria-label={t('history_item_label', [s.commonName, s.statusLabel])}
    >
      <div class="submission-head">
        <strong class="submission-name" translate={false}>
          {s.commonName}
        </strong>
        <span class={`status ${tone}`}>{s.statusLabel}</span>
      </div>
      <p class="hint">
        <span translate={false}>{s.productName}</span>
        {s.orderId !== undefined && ' · '}
        {s.orderId !== undefined && t('history_order_number', String(s.orderId))}
        {s.templateName && ' · '}
        {s.templateName && <span translate={false}>{s.templateName}</span>}
        {' · '}
        {formatAgo(s.updatedAt, now)}
      </p>
      {s.note && (detailed || s.attention) && <p class="submission-note">{s.note}</p>}
      {detailed && s.messages.length > 0 && (
        <ul class="api-messages" aria-label={t('history_api_messages_label')}>
          {s.messages.map((m) => (
            <li key={`${m.code}${m.message}`} translate={false}>
              {m.message} <code>{m.code}</code>
            </li>
          ))}
        </ul>
      )}
      {s.duplicates.length > 0 && (
        <ul class="api-messages" aria-label={t('history_duplicates_label')}>
          {s.duplicates.map((d) => (
            <li key={d.orderId}>{d.detail}</li>
          ))}
        </ul>
      )}
      {detailed && s.timeline.length > 0 && (
        <details class="timeline">
          <summary>{tn(s.timeline.length, 'history_timeline_one', 'history_timeline_other')}</summary>
          <ol>
            {s.timeline.map((step) => (
              <li key={`${step.at}${step.state}`}>
                {/* Written by Intl in the user's locale already: nothing for a translator or a page translator. */}
                <time dateTime={step.at} translate={false}>
                  {formatDateTime(step.at)}
                </time>
                {' · '}
                {step.note ?? stateWords(step.state)}
              </li>
            ))}
          </ol>
        </details>
      )}
      {showValidation && s.orderId !== undefined && (
        <ValidationPanel orderId={s.orderId} now={now} onChanged={onChanged} readAtOnce={target} />
      )}
      <div class="row submission-actions">
        {s.consoleUrl && (
          <a href={s.consoleUrl} target="_blank" rel="noreferrer">
            {t('history_open_console')}
          </a>
        )}
        {s.canCheckAgain && (
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => sendToBackground('checkSubmissionAgain', { id: s.id }))}
          >
            {t('common_check_again')}
          </button>
        )}
        {s.attention && (
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => sendToBackground('acknowledgeSubmission', { id: s.id }))}
          >
            {t('history_mark_seen')}
          </button>
        )}
        {s.canDownload && (
          <>
            <label class="visually-hidden" for={`format-${s.id}`}>
              {t('history_format_for', s.commonName)}
            </label>
            <select
              id={`format-${s.id}`}
              value={format}
              onChange={(e) => setFormat(e.currentTarget.value as CertificateFormat)}
            >
              {FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {t(f.label)}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy} onClick={download}>
              {t('history_download')}
            </button>
          </>
        )}
        {s.canCancel &&
          (confirmCancel ? (
            <fieldset class="row">
              <legend class="visually-hidden">{t('history_confirm_cancel')}</legend>
              <span>{t('history_cancel_question', String(s.orderId))}</span>
              <button
                type="button"
                class="danger"
                disabled={busy}
                onClick={() => {
                  setConfirmCancel(false);
                  void act(() => sendToBackground('cancelSubmittedOrder', { id: s.id }));
                }}
              >
                {t('history_cancel_order')}
              </button>
              <button type="button" onClick={() => setConfirmCancel(false)}>
                {t('common_keep_it')}
              </button>
            </fieldset>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirmCancel(true)}>
              {t('history_cancel_order_ask')}
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
