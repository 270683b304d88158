/**
 * Options page: when and about what the extension reminds (lib/alerts/settings.ts), the orders
 * snoozed from the popup (with a way back), and "Check now", which runs the daily expiry check at
 * once. A refused save changes nothing and puts each problem beside its field.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { NotificationKind } from '@/lib/alerts/settings';
import type { AlertCheckView, AlertSettingsView } from '@/lib/alerts/views';
import { type MessageKey, t, tn } from '@/lib/i18n';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { sendToBackground, type UserError } from '@/lib/messaging';
import { LabelledField } from '../LabelledField';
import { Msg } from '../Msg';
import { Notice } from '../Notice';
import './alerts.css';

const NOTIFY_LABELS: Record<NotificationKind, MessageKey> = {
  expiring: 'alerts_notify_expiring',
  tokenExpiring: 'alerts_notify_token',
  stuck: 'alerts_notify_stuck',
  orderIssued: 'alerts_notify_issued',
  validationDone: 'alerts_notify_validated',
};
const KINDS = Object.keys(NOTIFY_LABELS) as NotificationKind[];

type FieldErrors = { thresholds: string[]; stuckDays: string[] };
const NO_ERRORS: FieldErrors = { thresholds: [], stuckDays: [] };

const noAnswer = (e: unknown): UserError => ({
  title: t('common_background_no_answer'),
  detail: e instanceof Error ? e.message : String(e),
});

function checkSummary(found: AlertCheckView): string {
  const parts = [
    tn(found.needRenewal, 'alerts_check_found_one', 'alerts_check_found_other'),
    tn(found.notified, 'alerts_check_shown_one', 'alerts_check_shown_other'),
  ];
  if (!found.complete) parts.push(t('alerts_check_incomplete'));
  return parts.join(' ');
}

export function AlertSettingsSection() {
  const [view, setView] = useState<AlertSettingsView | null>(null);
  const [thresholds, setThresholds] = useState('');
  const [stuckDays, setStuckDays] = useState('');
  const [notify, setNotify] = useState<Partial<Record<NotificationKind, boolean>>>({});
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<UserError | null>(null);
  const [busy, setBusy] = useState<'save' | 'check' | null>(null);

  function show(next: AlertSettingsView) {
    setView(next);
    setThresholds(next.thresholds.join(', '));
    setStuckDays(String(next.stuckDays));
    setNotify({ ...next.notify });
  }

  useEffect(() => {
    void sendToBackground('getAlertSettings', undefined).then(
      (reply) => (reply.ok ? show(reply.value) : setFailure(reply.error)),
      (e: unknown) => setFailure(noAnswer(e)),
    );
  }, []);

  async function save(event: JSX.TargetedEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy('save');
    setStatus('');
    try {
      const reply = await sendToBackground('saveAlertSettings', { thresholds, stuckDays, notify });
      if (!reply.ok) {
        setFailure(reply.error);
      } else if (reply.value.saved) {
        setFailure(null);
        setErrors(NO_ERRORS);
        show(reply.value.settings);
        setStatus(t('alerts_saved'));
      } else {
        const refused = reply.value.errors;
        setErrors({
          thresholds: refused.filter((e) => e.field === 'thresholds').map((e) => e.message),
          stuckDays: refused.filter((e) => e.field === 'stuckDays').map((e) => e.message),
        });
        setStatus(t('alerts_not_saved'));
      }
    } catch (e) {
      setFailure(noAnswer(e));
    } finally {
      setBusy(null);
    }
  }

  async function checkNow() {
    setBusy('check');
    setStatus(t('alerts_checking'));
    try {
      const reply = await sendToBackground('runAlertCheck', undefined);
      if (!reply.ok) {
        setFailure(reply.error);
        setStatus('');
        return;
      }
      setFailure(null);
      setStatus(checkSummary(reply.value));
      if (view && reply.value.checkedAt) setView({ ...view, checkedAt: reply.value.checkedAt });
    } catch (e) {
      setFailure(noAnswer(e));
      setStatus('');
    } finally {
      setBusy(null);
    }
  }

  async function unsnooze(orderId: number) {
    try {
      const reply = await sendToBackground('unsnoozeOrder', { orderId });
      if (!reply.ok) return setFailure(reply.error);
      setView(reply.value.settings);
      setStatus(t('alerts_unsnoozed', String(orderId)));
    } catch (e) {
      setFailure(noAnswer(e));
    }
  }

  return (
    <section id="alerts" class="card stack" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alerts_heading')}</h2>
      <p class="muted">{t('alerts_intro')}</p>
      {failure && (
        <Notice tone="error" title={failure.title}>
          {failure.detail && <p>{failure.detail}</p>}
        </Notice>
      )}
      {view ? (
        <form class="stack" onSubmit={save} noValidate>
          <LabelledField
            id="alert-thresholds"
            label={t('alerts_thresholds_label')}
            hint={t('alerts_thresholds_hint')}
            problem={errors.thresholds.join(' ')}
            type="text"
            inputMode="numeric"
            translate={false}
            value={thresholds}
            onInput={(e) => setThresholds(e.currentTarget.value)}
          />
          <fieldset class="alert-notify stack">
            <legend>{t('alerts_notify_legend')}</legend>
            {KINDS.map((kind) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={notify[kind] ?? false}
                  onChange={(e) => setNotify({ ...notify, [kind]: e.currentTarget.checked })}
                />
                {t(NOTIFY_LABELS[kind])}
              </label>
            ))}
          </fieldset>
          <LabelledField
            id="alert-stuckDays"
            label={t('alerts_stuck_label')}
            hint={t('alerts_stuck_hint')}
            problem={errors.stuckDays.join(' ')}
            type="text"
            inputMode="numeric"
            translate={false}
            value={stuckDays}
            onInput={(e) => setStuckDays(e.currentTarget.value)}
          />
          <div class="row">
            <button type="submit" class="primary" disabled={busy !== null}>
              {t('alerts_save')}
            </button>
            <button type="button" onClick={() => void checkNow()} disabled={busy !== null}>
              {t('alerts_check_now')}
            </button>
          </div>
          <p class="muted">
            {view.checkedAt
              ? t('alerts_last_checked', formatDateTime(view.checkedAt))
              : t('alerts_never_checked')}
          </p>
        </form>
      ) : (
        !failure && (
          <p class="muted" role="status">
            {t('settings_loading')}
          </p>
        )
      )}
      <p class="status-line" role="status">
        {status}
      </p>
      {view && (
        <div class="stack">
          <h3 id="alerts-snoozed-heading">{t('alerts_snoozed_heading')}</h3>
          {view.snoozed.length === 0 ? (
            <p class="muted">{t('alerts_snoozed_none')}</p>
          ) : (
            <ul class="snoozed-list stack" aria-labelledby="alerts-snoozed-heading">
              {view.snoozed.map((s) => (
                <li key={s.orderId} class="row">
                  <span id={`snoozed-${s.orderId}`}>
                    <Msg
                      id="alerts_snoozed_item"
                      args={[<span translate={false}>{String(s.orderId)}</span>, formatDate(s.until)]}
                    />
                  </span>
                  <button
                    type="button"
                    aria-describedby={`snoozed-${s.orderId}`}
                    onClick={() => void unsnooze(s.orderId)}
                  >
                    {t('alerts_unsnooze')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
