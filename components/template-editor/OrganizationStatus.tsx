import { t } from '@/lib/i18n';
import { type ChoicesState, knownOrganization } from '@/lib/templates/editor/choices';
import { evValidationNotice, validationSummary } from '@/lib/templates/ev-validation';

type Props = { choices: ChoicesState; organizationId: unknown; needsEv: boolean; today: Date };

/**
 * The chosen organization's validations as CertCentral states them, and a warning when an EV product
 * is ordered for an organization without an active EV validation.
 */
export function OrganizationStatus({ choices, organizationId, needsEv, today }: Props) {
  const org = knownOrganization(choices, organizationId);
  if (!org) return null;
  const notice = evValidationNotice(org, needsEv, today);
  const summary = validationSummary(org, today);
  const error = choices.organization === undefined ? choices.organizationError : undefined;
  return (
    <div class="stack org-status">
      {summary && <p class="hint">{t('editor_org_validation', [org.name, summary])}</p>}
      {error && (
        <p class="hint">{t('editor_org_details_failed', `${error.title} ${error.detail ?? ''}`.trim())}</p>
      )}
      {notice && (
        <div class={`notice${notice.level === 'warning' ? ' warn' : ''}`} role="status">
          <strong>{notice.level === 'warning' ? t('editor_before_you_order') : t('editor_note')}</strong>{' '}
          {notice.message}
        </div>
      )}
    </div>
  );
}
