import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import { dcvInstruction, dcvMethodKind, isTokenMethod } from '@/lib/validation/methods';
import type { SnapshotDomain, SnapshotToken } from '@/lib/validation/schemas';
import { Notice } from '../Notice';
import { expired } from './words';

/** A value to publish, with a button that copies it and says so. */
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

const SOURCE_WORDS = {
  'dns-txt': 'validation_email_source_dns_txt',
  constructed: 'validation_email_source_constructed',
  whois: 'validation_email_source_whois',
} as const;

/** Email method: who DigiCert writes to, as CertCentral listed them, or that they are not known. */
function EmailRecipients({ domain }: { domain: SnapshotDomain }) {
  const emails = domain.emails;
  return (
    <div class="stack">
      <p>{t('validation_email_sent')}</p>
      {emails === undefined && <p class="hint">{t('validation_email_recipients_unknown')}</p>}
      {emails !== undefined && emails.length === 0 && (
        <p class="hint">{t('validation_email_recipients_none')}</p>
      )}
      {emails !== undefined && emails.length > 0 && (
        <>
          <p>{t('validation_email_recipients')}</p>
          <ul class="dcv-recipients">
            {emails.map((e) => (
              <li key={e.address}>
                <code translate={false}>{e.address}</code>{' '}
                <span class="hint">{t(SOURCE_WORDS[e.source])}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** What to publish for a domain still to validate, and where, by its method. */
export function Instructions({
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
  if (kind === 'email') return <EmailRecipients domain={domain} />;
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
