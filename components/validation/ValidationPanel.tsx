import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t, tn } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import { sendToBackground, type UserError } from '@/lib/messaging';
import {
  dcvInstruction,
  dcvMethodKind,
  isTokenMethod,
  KNOWN_DCV_METHODS,
  type KnownDcvMethod,
} from '@/lib/validation/methods';
import type {
  SnapshotDomain,
  SnapshotToken,
  ValidationOutcome,
  ValidationView,
} from '@/lib/validation/schemas';
import { Notice } from '../Notice';

type Reply = { ok: true; value: ValidationView } | { ok: false; error: UserError };

/** The messages the panel sends; the pages pass sendToBackground, the tests a fake. */
export type ValidationSend = {
  getValidation(orderId: number, refresh: boolean): Promise<Reply>;
  checkDcv(orderId: number): Promise<Reply>;
  newDcvToken(orderId: number): Promise<Reply>;
  changeDcvMethod(orderId: number, method: KnownDcvMethod): Promise<Reply>;
  resendDcvEmails(orderId: number): Promise<Reply>;
};

export const backgroundSend: ValidationSend = {
  getValidation: (orderId, refresh) => sendToBackground('getValidation', { orderId, refresh }),
  checkDcv: (orderId) => sendToBackground('checkDcv', { orderId }),
  newDcvToken: (orderId) => sendToBackground('newDcvToken', { orderId }),
  changeDcvMethod: (orderId, method) => sendToBackground('changeDcvMethod', { orderId, method }),
  resendDcvEmails: (orderId) => sendToBackground('resendDcvEmails', { orderId }),
};

const METHOD_WORDS: Record<KnownDcvMethod, MessageKey> = {
  email: 'validation_method_email',
  'dns-txt-token': 'validation_method_dns_txt',
  'dns-cname-token': 'validation_method_dns_cname',
  'http-token': 'validation_method_http',
  'http-token-dynamic': 'validation_method_http_dynamic',
};
const methodWords = (method: string) => {
  const kind = dcvMethodKind(method);
  return kind === 'unknown' ? method : t(METHOD_WORDS[kind]);
};

/**
 * Methods the order may change to: every known method but the current one; the http methods only
 * when no name is a wildcard (DigiCert "DCV methods": they cannot validate wildcard names), and not
 * http-token-dynamic, whose file name DigiCert gives elsewhere (no instructions can be shown for it).
 */
export function methodChoices(current: string | undefined, names: readonly string[]): KnownDcvMethod[] {
  const wildcard = names.some((n) => n.startsWith('*.'));
  return KNOWN_DCV_METHODS.filter(
    (m) => m !== current && m !== 'http-token-dynamic' && !(wildcard && m.startsWith('http-')),
  );
}

const expired = (token: SnapshotToken, now: Date) => {
  const at = Date.parse(token.expiresAt ?? '');
  return Number.isFinite(at) && at <= now.getTime();
};

/** The result of an action in words: only what CertCentral answered. */
export function outcomeWords(outcome: ValidationOutcome): string | undefined {
  switch (outcome.kind) {
    case 'read':
      return undefined;
    case 'checked': {
      const parts: string[] = [];
      if (outcome.validated.length > 0)
        parts.push(t('validation_result_validated', outcome.validated.join(', ')));
      if (outcome.pending.length > 0) parts.push(t('validation_result_pending', outcome.pending.join(', ')));
      return parts.length > 0 ? parts.join(' ') : t('validation_result_checked');
    }
    case 'value-not-found':
      return t('validation_result_not_found', outcome.message);
    case 'token':
      if (!outcome.changed) {
        return outcome.token.expiresAt
          ? t('validation_result_same_token', formatDateTime(outcome.token.expiresAt))
          : t('validation_result_same_token_no_date');
      }
      return outcome.token.expiresAt
        ? t('validation_result_new_token', formatDateTime(outcome.token.expiresAt))
        : t('validation_result_new_token_no_date');
    case 'method-changed':
      return t('validation_result_method', methodWords(outcome.method));
    case 'emails-resent':
      return t('validation_result_resent');
  }
}

function CopyValue({
  label,
  value,
  onCopied,
}: {
  label: string;
  value: string;
  onCopied: (what: string) => void;
}) {
  return (
    <div class="row dcv-value">
      <span class="hint">{label}</span>
      <code translate={false}>{value}</code>
      <button
        type="button"
        aria-label={t('validation_copy_label', label)}
        onClick={() =>
          void navigator.clipboard.writeText(value).then(
            () => onCopied(t('validation_copied', label)),
            () => onCopied(t('validation_copy_failed', label)),
          )
        }
      >
        {t('validation_copy')}
      </button>
    </div>
  );
}

function Instructions({
  domain,
  token,
  now,
  onCopied,
}: {
  domain: SnapshotDomain;
  token: SnapshotToken | undefined;
  now: Date;
  onCopied: (what: string) => void;
}) {
  const kind = dcvMethodKind(domain.method);
  if (kind === 'email') return <p>{t('validation_email_sent')}</p>;
  if (!isTokenMethod(domain.method) || kind === 'http-token-dynamic') {
    return <p>{t('validation_no_instructions', domain.method)}</p>;
  }
  if (!token || token.method !== domain.method) return <p>{t('validation_no_value')}</p>;
  const how = dcvInstruction(domain.method, domain.name, token.value);
  const expiry =
    token.expiresAt &&
    (expired(token, now) ? (
      <Notice tone="warn" title={t('validation_value_expired', formatDateTime(token.expiresAt))} />
    ) : (
      <p class="hint">{t('validation_value_expires', formatDateTime(token.expiresAt))}</p>
    ));
  switch (how.kind) {
    case 'dns-txt':
      return (
        <div class="stack">
          <p>{t('validation_txt_intro')}</p>
          <CopyValue label={t('validation_record_name')} value={how.host} onCopied={onCopied} />
          <CopyValue label={t('validation_record_value')} value={how.value} onCopied={onCopied} />
          <p class="hint">
            {t('validation_txt_alternative')} <code translate={false}>{how.alternativeHost}</code>
          </p>
          {expiry}
        </div>
      );
    case 'dns-cname':
      return (
        <div class="stack">
          <p>{t('validation_cname_intro')}</p>
          <CopyValue label={t('validation_record_name')} value={how.host} onCopied={onCopied} />
          <CopyValue label={t('validation_cname_target')} value={how.target} onCopied={onCopied} />
          <p class="hint">{t('validation_cname_unconfirmed')}</p>
          {expiry}
        </div>
      );
    case 'http':
      return (
        <div class="stack">
          <p>{t('validation_http_intro')}</p>
          <CopyValue label={t('validation_file_url')} value={how.url} onCopied={onCopied} />
          <CopyValue label={t('validation_file_content')} value={how.content} onCopied={onCopied} />
          {expiry}
        </div>
      );
    default:
      return <p>{t('validation_no_instructions', domain.method)}</p>;
  }
}

type Props = {
  orderId: number;
  /** The order's page in the CertCentral console (lib/certcentral/regions.ts consoleOrderUrl). */
  consoleUrl?: string | undefined;
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
  consoleUrl,
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
          {s.unreadable > 0 && (
            <Notice tone="warn" title={t('validation_unreadable_title')}>
              <p>{tn(s.unreadable, 'validation_unreadable_one', 'validation_unreadable_other')}</p>
            </Notice>
          )}
          {/* Headed blocks, not lists: the panel sits inside a history list item, whose list
              counts its items for screen readers (and for the history's own tests). */}
          {s.domains.length > 0 && (
            <div class="stack dcv-domains">
              <h4>{t('validation_domains_label')}</h4>
              {s.domains.map((d) => (
                <div key={d.name} class="stack">
                  <div class="row spread">
                    <strong translate={false}>{d.name}</strong>
                    <span class={`status ${d.validated ? 'ok' : 'waiting'}`}>
                      {d.validated
                        ? t('validation_domain_validated')
                        : t('validation_domain_pending', d.status)}
                    </span>
                  </div>
                  <p class="hint">{t('validation_domain_method', methodWords(d.method))}</p>
                  {!d.validated && <Instructions domain={d} token={s.token} now={now} onCopied={setCopied} />}
                </div>
              ))}
            </div>
          )}
          {s.organization.length > 0 && (
            <div class="stack dcv-organization">
              <h4>{t('validation_organization_label')}</h4>
              {s.organization.map((o) => (
                <div key={o.type}>
                  {t('validation_organization', [o.type.toUpperCase(), o.status])}
                  {o.validatedUntil &&
                    ` · ${t('validation_validated_until', formatDateTime(o.validatedUntil))}`}
                </div>
              ))}
            </div>
          )}
          {s.approvers.length > 0 && (
            <div class="stack dcv-approvers">
              <h4>{t('validation_approvers_label')}</h4>
              {s.approvers.map((a) => (
                <div key={`${a.name}${a.email}`}>
                  {t('validation_approver', a.status)}{' '}
                  <span translate={false}>
                    {a.name}
                    {a.email && ` <${a.email}>`}
                  </span>
                </div>
              ))}
            </div>
          )}
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
      {consoleUrl && (
        <p>
          <a href={consoleUrl} target="_blank" rel="noreferrer">
            {t('validation_open_console')}
          </a>
        </p>
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
