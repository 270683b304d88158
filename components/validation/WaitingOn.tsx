import { t, tn } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import type { ValidationSnapshot } from '@/lib/validation/schemas';
import { Notice } from '../Notice';
import { Instructions } from './Instructions';
import { methodWords } from './words';

type Props = {
  snapshot: ValidationSnapshot;
  now: Date;
  onCopied: (what: string) => void;
};

/**
 * What the stored state says the order waits on: each domain with its method and, while it is
 * pending, what to publish; the organization validation; the EV approvers.
 */
export function WaitingOn({ snapshot: s, now, onCopied }: Props) {
  return (
    <>
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
                  {d.validated ? t('validation_domain_validated') : t('validation_domain_pending', d.status)}
                </span>
              </div>
              <p class="hint">{t('validation_domain_method', methodWords(d.method))}</p>
              {!d.validated && <Instructions domain={d} token={s.token} now={now} onCopied={onCopied} />}
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
              {o.validatedUntil && ` · ${t('validation_validated_until', formatDateTime(o.validatedUntil))}`}
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
    </>
  );
}
