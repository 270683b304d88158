import { useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { PRODUCTS } from '@/lib/order/products';
import { filterSummaries, type TemplateSummary } from '@/lib/templates/summaries';

const PRODUCT_NAMES: Record<string, string> = Object.fromEntries(PRODUCTS.map((p) => [p.nameId, p.name]));

type Props = { templates: TemplateSummary[]; onPick: (id: string) => void; onCreate: () => void };

/** Step one of an order: pick a template, recent first; typing filters, Enter takes the first match. */
export function TemplatePicker({ templates, onPick, onCreate }: Props) {
  const [query, setQuery] = useState('');
  const shown = filterSummaries(templates, query, PRODUCT_NAMES);
  if (templates.length === 0) {
    return (
      <section class="card stack" aria-labelledby="new-order-heading">
        <h2 id="new-order-heading">{t('popup_new_order_heading')}</h2>
        <p class="muted">{t('popup_no_templates')}</p>
        <button type="button" class="primary" onClick={onCreate}>
          {t('popup_create_template')}
        </button>
      </section>
    );
  }
  return (
    <section class="stack" aria-labelledby="new-order-heading">
      <h2 id="new-order-heading">{t('popup_new_order_heading')}</h2>
      <div class="field">
        <label for="template-search">{t('popup_template_label')}</label>
        <input
          id="template-search"
          type="text"
          autocomplete="off"
          placeholder={t('popup_template_placeholder')}
          value={query}
          aria-controls="template-list"
          aria-describedby="template-count"
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && shown[0]) {
              e.preventDefault();
              onPick(shown[0].id);
            }
          }}
        />
        <span id="template-count" class="hint" aria-live="polite">
          {shown.length === templates.length
            ? tn(templates.length, 'popup_templates_all_one', 'popup_templates_all_other')
            : t('popup_templates_some', [formatNumber(shown.length), formatNumber(templates.length)])}
        </span>
      </div>
      <ul id="template-list" class="template-list" aria-label={t('popup_templates_label')}>
        {shown.map((s) => (
          <li key={s.id}>
            <button type="button" class="template-choice" onClick={() => onPick(s.id)}>
              <span class="row">
                <strong translate={false}>{s.name}</strong>
                {s.organization && (
                  <span class="managed-badge">{t('common_policy_organization_template')}</span>
                )}
              </span>
              <span class="hint" translate={false}>
                {PRODUCT_NAMES[s.product] ?? s.product}
                {s.organizationName ? ` · ${s.organizationName}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p class="muted">{t('popup_no_template_matches', query)}</p>}
    </section>
  );
}
