import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { readTemplateRowSummaries, type TemplateRowSummary } from '@/lib/templates/summaries';
import { TemplateRow } from './TemplateRow';
import { TemplatesHeader } from './TemplatesHeader';

let firstRows: TemplateRowSummary[] | null = null;

/**
 * The settings page's template list until TemplatesSection has loaded: the same heading, controls
 * and rows, drawn from the light read (lib/templates/summaries.ts) with the controls disabled. The
 * list paints sooner this way than from the full section (zod, the order rules, a read-write read of
 * every template): 2.1x against 2.3x of the floor page in `npm run bench`.
 */
export function TemplateListFirst({ now }: { now: Date }) {
  // Kept for the page's life: shown again while the full section loads, it must not flash empty.
  const [rows, setRows] = useState(() => firstRows);
  // Read as soon as the section is on the page, not after a first paint: the list is the first screen.
  useLayoutEffect(() => {
    if (firstRows) return;
    void readTemplateRowSummaries()
      .then((read) => {
        firstRows = read;
        setRows(read);
      })
      .catch(() => undefined);
  }, []);
  return (
    <section id="templates" class="card stack" aria-labelledby="templates-heading" aria-busy="true">
      <TemplatesHeader />
      <div class="field">
        <label for="template-search">{t('settings_search_templates')}</label>
        <input
          id="template-search"
          type="text"
          placeholder={t('settings_search_templates_placeholder')}
          disabled
        />
      </div>
      <div role="status" class="status-line" />
      <ul class="templates" aria-label={t('settings_templates_list')}>
        {(rows ?? []).map((template) => (
          <li key={template.id} class="template">
            <TemplateRow template={template} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}
