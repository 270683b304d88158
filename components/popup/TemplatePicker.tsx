import { useState } from 'preact/hooks';
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
        <h2 id="new-order-heading">New order</h2>
        <p class="muted">
          No order templates yet. A template holds what stays the same from order to order (product,
          organization, contacts, validity, DCV method) and asks for the rest.
        </p>
        <button type="button" class="primary" onClick={onCreate}>
          Create a template
        </button>
      </section>
    );
  }
  return (
    <section class="stack" aria-labelledby="new-order-heading">
      <h2 id="new-order-heading">New order</h2>
      <div class="field">
        <label for="template-search">Template</label>
        <input
          id="template-search"
          type="text"
          autocomplete="off"
          placeholder="Type to filter"
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
            ? `${templates.length} templates, most recently used first`
            : `${shown.length} of ${templates.length} templates`}
        </span>
      </div>
      <ul id="template-list" class="template-list" aria-label="Templates">
        {shown.map((t) => (
          <li key={t.id}>
            <button type="button" class="template-choice" onClick={() => onPick(t.id)}>
              <strong>{t.name}</strong>
              <span class="hint">
                {PRODUCT_NAMES[t.product] ?? t.product}
                {t.organizationName ? ` · ${t.organizationName}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p class="muted">No template matches “{query}”.</p>}
    </section>
  );
}
