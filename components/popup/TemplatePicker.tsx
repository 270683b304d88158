import { useRef, useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { PRODUCTS } from '@/lib/order/products';
import { filterSummaries, type ListProblem, type TemplateSummary } from '@/lib/templates/summaries';
import { TEMPLATE_VERSION } from '@/lib/templates/version';
import { Notice } from '../Notice';
import { type RowFit, useRowsInView } from '../useRowsInView';

const PRODUCT_NAMES: Record<string, string> = Object.fromEntries(PRODUCTS.map((p) => [p.nameId, p.name]));

/**
 * A row shows a name and a line of facts (49 px measured at the popup's font size), and the popup
 * grows with its content up to the browser's limit on popups (600 px tall in Chrome and Firefox).
 * The popup is drawn with its rows (App), so the list's place cannot be measured yet: it starts
 * 188 px down (measured), below the title, the account line's place, the heading and the search field.
 */
const ROW_FIT: RowFit = { rowHeight: 48, leastWindowHeight: 600, listTop: 180 };

type Props = {
  /**
   * Null while they are being read: the heading and the search field are drawn meanwhile. A list
   * problem when none can be listed although some may be stored (summaries.ts popupListFrom).
   */
  templates: TemplateSummary[] | ListProblem | null;
  onPick: (id: string) => void;
  onCreate: () => void;
  /** False while the first screen is drawn: only the rows that can be in the window (useRowsInView). */
  expand: boolean;
};

/** Step one of an order: pick a template, recent first; typing filters, Enter takes the first match. */
export function TemplatePicker({ templates: listed, onPick, onCreate, expand }: Props) {
  const [query, setQuery] = useState('');
  const templates = Array.isArray(listed) || listed === null ? listed : null;
  const all = templates ?? [];
  const shown = filterSummaries(all, query, PRODUCT_NAMES);
  const listRef = useRef<HTMLUListElement>(null);
  // Typing comes after the first screen; a filtered list is drawn whole.
  const drawn = useRowsInView(shown, listRef, expand || query !== '', ROW_FIT);
  if (listed !== null && !Array.isArray(listed)) {
    return (
      <section class="card stack" aria-labelledby="new-order-heading">
        <h2 id="new-order-heading">{t('popup_new_order_heading')}</h2>
        <Notice tone="error" title={t('popup_templates_unlisted')}>
          <p>
            {'unreadable' in listed
              ? t('popup_templates_unreadable', listed.unreadable)
              : t('settings_templates_newer', [String(listed.newerVersion), String(TEMPLATE_VERSION)])}
          </p>
        </Notice>
        <button type="button" onClick={onCreate}>
          {t('popup_templates_open_settings')}
        </button>
      </section>
    );
  }
  if (templates?.length === 0) {
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
          {templates === null
            ? ''
            : shown.length === all.length
              ? tn(all.length, 'popup_templates_all_one', 'popup_templates_all_other')
              : t('popup_templates_some', [formatNumber(shown.length), formatNumber(all.length)])}
        </span>
      </div>
      <ul ref={listRef} id="template-list" class="template-list" aria-label={t('popup_templates_label')}>
        {drawn.map((s) => (
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
