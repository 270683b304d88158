import { t, tn } from '@/lib/i18n';
import type { ListPolicy } from '../templates/useTemplates';

/**
 * Above the template list when the organization's policy allows no personal templates: why nothing
 * can be made or imported, and that the person's own templates are hidden, not deleted.
 */
export function PersonalNotice({ policy }: { policy: ListPolicy }) {
  if (policy.personalAllowed) return null;
  return (
    <div class="notice warn" role="status" id="personal-templates-managed">
      <strong>
        {t('settings_policy_no_personal_title')}{' '}
        <span class="managed-badge">{t('settings_policy_set_by_organization')}</span>
      </strong>
      <p>{t('settings_policy_no_personal_detail')}</p>
      {policy.hiddenPersonal > 0 && (
        <p>{tn(policy.hiddenPersonal, 'settings_policy_hidden_one', 'settings_policy_hidden_other')}</p>
      )}
    </div>
  );
}
