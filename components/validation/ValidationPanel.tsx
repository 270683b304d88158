import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import type { UserError } from '@/lib/messaging';
import { dcvMethodKind, isTokenMethod, type KnownDcvMethod } from '@/lib/validation/methods';
import type { ValidationView } from '@/lib/validation/schemas';
import { Notice } from '../Notice';
import { backgroundSend, type Reply, type ValidationSend } from './send';
import { WaitingOn } from './WaitingOn';
import { expired, methodChoices, methodWords, outcomeWords } from './words';

type Props = {
  orderId: number;
  now: Date;
  send?: ValidationSend;
  /** The order's state changed (an action's answer): the history reloads its list. */
  onChanged?: () => void;
  /**
   * Ask CertCentral at once when nothing is stored. The history passes true only for the order it
   * was opened at (a notification, the popup): with every pending order of a bulk renewal on the
   * page, reading each one as it is drawn spent hundreds of requests of the account's budget.
   */
  readAtOnce?: boolean;
};

/** What a placed order still waits on, read from CertCentral, and the actions that move it on. */
export function ValidationPanel({
  orderId,
  now,
  send = backgroundSend,
  onChanged,
  readAtOnce = true,
}: Props) {
  const [view, setView] = useState<ValidationView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [summary, setSummary] = useState<string>('');
  const [copied, setCopied] = useState('');
  const [method, setMethod] = useState<KnownDcvMethod | ''>('');
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    void (async () => {
      // The stored snapshot (kept by the follow-up and every action) is shown without an API call;
      // CertCentral is asked only when none is stored, or on Refresh.
      const stored = await send.getValidation(orderId, false);
      if (!live.current) return;
      if (stored.ok && stored.value.snapshot) setView(stored.value);
      else if (readAtOnce) await run('refresh', () => send.getValidation(orderId, true));
    })();
    return () => {
      live.current = false;
    };
  }, [orderId]);

  async function run(what: string, action: () => Promise<Reply>) {
    setBusy(what);
    setError(null);
    if (what !== 'refresh') setSummary('');
    try {
      const reply = await action();
      if (!live.current) return;
      if (!reply.ok) {
        setError(reply.error);
        return;
      }
      setView((before) =>
        reply.value.snapshot || !before ? reply.value : { ...reply.value, snapshot: before.snapshot },
      );
      setSummary(outcomeWords(reply.value.outcome) ?? '');
      if (reply.value.readError) setError(reply.value.readError);
      if (what !== 'refresh') onChanged?.();
    } catch (caught) {
      if (live.current) setError({ title: t('common_could_not_complete'), detail: String(caught) });
    } finally {
      if (live.current) setBusy(null);
    }
  }

  const s = view?.snapshot ?? null;
  const pending = s?.domains.filter((d) => !d.validated) ?? [];
  const anyToken = pending.some((d) => isTokenMethod(d.method));
  const anyEmail = pending.some((d) => dcvMethodKind(d.method) === 'email');
  const tokenExpired = s?.token !== undefined && expired(s.token, now) && anyToken;
  const names = s?.domains.flatMap((d) => [d.name, ...d.dnsNames]) ?? [];
  const choices = s ? methodChoices(s.dcvMethod, names) : [];
  const headingId = `validation-${orderId}-heading`;

  return (
    <section class="validation stack" aria-labelledby={headingId} aria-busy={busy !== null}>
      <h3 id={headingId}>{t('validation_heading')}</h3>
      {!s && busy && <p role="status">{t('validation_reading')}</p>}
      {!s && !busy && !error && (
        <div class="row">
          <p class="hint">{t('validation_nothing_read')}</p>
          <button type="button" onClick={() => run('refresh', () => send.getValidation(orderId, true))}>
            {t('validation_read_now')}
          </button>
        </div>
      )}
      {s && (
        <>
          <p class="hint">
            {t('validation_read_at', formatDateTime(s.readAt))}
            {s.orderStatus && ' · '}
            {s.orderStatus && t('validation_order_status', s.orderStatus)}
          </p>
          <WaitingOn snapshot={s} now={now} onCopied={setCopied} />
          <div class="row">
            {anyToken && (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => run('check', () => send.checkDcv(orderId))}
              >
                {busy === 'check' ? t('validation_checking') : t('validation_check_now')}
              </button>
            )}
            {tokenExpired && (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => run('token', () => send.newDcvToken(orderId))}
              >
                {busy === 'token' ? t('validation_asking') : t('validation_new_token')}
              </button>
            )}
            {anyEmail && (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => run('resend', () => send.resendDcvEmails(orderId))}
              >
                {busy === 'resend' ? t('validation_sending') : t('validation_resend')}
              </button>
            )}
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => run('refresh', () => send.getValidation(orderId, true))}
            >
              {busy === 'refresh' ? t('validation_reading_short') : t('validation_refresh')}
            </button>
          </div>
          {pending.length > 0 && choices.length > 0 && (
            <div class="row">
              <div class="field">
                <label for={`dcv-method-${orderId}`}>{t('validation_method_label')}</label>
                <select
                  id={`dcv-method-${orderId}`}
                  value={method}
                  onChange={(e) => setMethod(e.currentTarget.value as KnownDcvMethod | '')}
                >
                  <option value="">{t('validation_method_choose')}</option>
                  {choices.map((m) => (
                    <option key={m} value={m}>
                      {methodWords(m)}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                disabled={busy !== null || method === ''}
                onClick={() => {
                  if (method !== '') void run('method', () => send.changeDcvMethod(orderId, method));
                }}
              >
                {busy === 'method' ? t('validation_changing') : t('validation_change_method')}
              </button>
            </div>
          )}
        </>
      )}
      <p role="status" class="dcv-summary">
        {summary}
      </p>
      <p role="status" class="visually-hidden">
        {copied}
      </p>
      {error && (
        <Notice tone="error" title={error.title}>
          {error.detail && <p>{error.detail}</p>}
        </Notice>
      )}
    </section>
  );
}
