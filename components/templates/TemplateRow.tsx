import { formatAgo } from '@/lib/format/time';
import { type MessageKey, t, tn } from '@/lib/i18n';
// The products' table alone (not lib/order's rules): the settings page's first screen shows rows.
import { getProduct } from '@/lib/order/products';
import type { TemplateRowSummary } from '@/lib/templates/summaries';

export type RowAction = 'edit' | 'duplicate' | 'rename' | 'export' | 'delete';
/** A stored template, or its light summary (the first screen's rows, whose actions wait for the full reader). */
type Props<T extends TemplateRowSummary> = {
  template: T;
  now: Date;
  onAction?: (action: RowAction, template: T) => void;
  /**
   * The organization's template (lib/policy): read-only, so only copying it (when personal templates
   * are allowed) and exporting it are offered.
   */
  managed?: { canCopy: boolean };
};

/** What can be done with a row: everything with one's own, copy and export with the organization's. */
function actionsFor(managed: Props<TemplateRowSummary>['managed']): RowAction[] {
  if (!managed) return Object.keys(WORDS) as RowAction[];
  return managed.canCopy ? ['duplicate', 'export'] : ['export'];
}

const WORDS: Record<RowAction, MessageKey> = {
  edit: 'settings_action_edit',
  duplicate: 'settings_action_duplicate',
  rename: 'settings_action_rename',
  export: 'settings_action_export',
  delete: 'settings_action_delete',
};

/** The organization's name (CertCentral's data, not translated), or in words when it is not known. */
function organization(template: TemplateRowSummary): preact.JSX.Element | string | undefined {
  const org = template.fields['organization.id'];
  if (template.organizationName) return <span translate={false}>{template.organizationName}</span>;
  if (org?.source === 'fixed') return t('settings_template_organization_number', String(org.value));
  return org?.source === 'asked' ? t('settings_template_organization_asked') : undefined;
}

/** One template in the list: what it orders, for whom, when last used, and what can be done with it. */
export function TemplateRow<T extends TemplateRowSummary>({ template, now, onAction, managed }: Props<T>) {
  const asked = Object.values(template.fields).filter((f) => f.source === 'asked').length;
  const facts = [
    <span translate={false}>{getProduct(template.product)?.name ?? template.product}</span>,
    organization(template),
    asked === 0
      ? t('settings_template_nothing_asked')
      : tn(asked, 'settings_template_asked_one', 'settings_template_asked_other'),
  ].filter(Boolean);
  return (
    <>
      <div class="template-head">
        <span class="row">
          <strong class="template-name" translate={false}>
            {template.name}
          </strong>
          {managed && <span class="managed-badge">{t('common_policy_organization_template')}</span>}
        </span>
        <span class="hint">
          {managed
            ? t('settings_policy_template_read_only')
            : template.lastUsedAt
              ? t('settings_template_used', formatAgo(template.lastUsedAt, now))
              : t('settings_template_never_used')}
        </span>
      </div>
      <p class="muted">{facts.flatMap((fact, i) => (i === 0 ? [fact] : [' · ', fact]))}</p>
      {template.description && <p translate={false}>{template.description}</p>}
      <div class="row template-actions">
        {actionsFor(managed).map((action) => (
          <button
            key={action}
            type="button"
            class={action === 'delete' ? 'danger' : action === 'edit' ? 'primary' : undefined}
            disabled={!onAction}
            onClick={onAction && (() => onAction(action, template))}
          >
            {managed && action === 'duplicate' ? t('settings_policy_copy_as_personal') : t(WORDS[action])}
            {/* One text node: a list's rows are many elements, each made on the first screen. */}
            <span class="visually-hidden" translate={false}>{` ${template.name}`}</span>
          </button>
        ))}
      </div>
    </>
  );
}
