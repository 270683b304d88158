import { formatAgo } from '@/lib/format/time';
import { getProduct } from '@/lib/order';
import type { Template } from '@/lib/templates';

export type RowAction = 'edit' | 'duplicate' | 'rename' | 'export' | 'delete';
type Props = { template: Template; now: Date; onAction: (action: RowAction, template: Template) => void };

const WORDS: Record<RowAction, string> = {
  edit: 'Edit',
  duplicate: 'Duplicate',
  rename: 'Rename',
  export: 'Export',
  delete: 'Delete',
};

function organization(t: Template): string | undefined {
  const org = t.fields['organization.id'];
  if (t.organizationName) return t.organizationName;
  if (org?.source === 'fixed') return `organization #${String(org.value)}`;
  return org?.source === 'asked' ? 'organization asked when used' : undefined;
}

/** One template in the list: what it orders, for whom, when last used, and what can be done with it. */
export function TemplateRow({ template: t, now, onAction }: Props) {
  const asked = Object.values(t.fields).filter((f) => f.source === 'asked').length;
  const facts = [
    getProduct(t.product)?.name ?? t.product,
    organization(t),
    asked === 0 ? 'nothing asked' : asked === 1 ? '1 field asked' : `${asked} fields asked`,
  ].filter(Boolean);
  return (
    <>
      <div class="template-head">
        <strong class="template-name">{t.name}</strong>
        <span class="hint">{t.lastUsedAt ? `Used ${formatAgo(t.lastUsedAt, now)}` : 'Never used'}</span>
      </div>
      <p class="muted">{facts.join(' · ')}</p>
      {t.description && <p>{t.description}</p>}
      <div class="row template-actions">
        {(Object.keys(WORDS) as RowAction[]).map((action) => (
          <button
            key={action}
            type="button"
            class={action === 'delete' ? 'danger' : action === 'edit' ? 'primary' : undefined}
            onClick={() => onAction(action, t)}
          >
            {WORDS[action]}
            <span class="visually-hidden"> {t.name}</span>
          </button>
        ))}
      </div>
    </>
  );
}
