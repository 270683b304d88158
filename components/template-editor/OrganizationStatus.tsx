import { type ChoicesState, knownOrganization } from '@/lib/templates/editor-choices';
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
      {summary && (
        <p class="hint">
          Validation of “{org.name}” in CertCentral: {summary}
        </p>
      )}
      {error && (
        <p class="hint">
          This organization’s details could not be loaded: {error.title} {error.detail}
        </p>
      )}
      {notice && (
        <div class={`notice${notice.level === 'warning' ? ' warn' : ''}`} role="status">
          <strong>{notice.level === 'warning' ? 'Before you order: ' : 'Note: '}</strong>
          {notice.message}
        </div>
      )}
    </div>
  );
}
