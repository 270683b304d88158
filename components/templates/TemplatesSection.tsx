import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Template } from '@/lib/templates';
import type { TemplateRowSummary } from '@/lib/templates/summaries';
import { downloadText, fileSlug } from '../download';
import { later } from '../later';
import { PersonalNotice } from '../policy/PersonalNotice';
import { useRowsInView } from '../useRowsInView';
import { type RowAction, TemplateRow } from './TemplateRow';
import { TemplatesHeader } from './TemplatesHeader';
import { type ListKit, useTemplates } from './useTemplates';

// The editor is a chunk of its own, loaded when a template is opened.
const TemplateEditor = later(() =>
  import('@/components/template-editor/TemplateEditor').then((m) => m.TemplateEditor),
);

/**
 * The least height a row of the template list can have: its name, its facts and its buttons make
 * three lines (87 px at the page's font size).
 */
const ROW_FIT = { rowHeight: 64 };

const words = (problems: { message: string }[]) => problems.map((p) => p.message).join(' ');

type Props = {
  now: Date;
  /** The light read of the rows (lib/templates/summaries.ts): shown until the full read is done. */
  firstRows: readonly TemplateRowSummary[] | null;
  /** When to load the full list and what acts on it (useTemplates). */
  full: boolean;
};

/**
 * Options page: the templates, searchable, most recently used first, and the editor in their place.
 * It is part of the first screen: its rows come first from the light read, with every control
 * disabled, and the same rows (the same elements, keyed by id) take their actions once the full read
 * and its code (list-kit.ts, with zod) have arrived, so nothing already shown is drawn again.
 */
export function TemplatesSection({ now, firstRows, full }: Props) {
  const { kit, templates, quarantine, policy, error, reload } = useTemplates(full);
  const [editing, setEditing] = useState<{ template?: Template } | null>(null);
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ token: string; name: string } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const lightRows = useRowsInView(firstRows, listRef, full, ROW_FIT);
  // The kit, once the full read is done (or failed); until then the light rows stay, disabled.
  const ready = kit !== null && (templates !== null || error !== null) ? kit : null;
  const list = templates ?? [];
  const shown = ready ? ready.sortByLastUse(ready.searchTemplates(list, query)) : list;
  const namesBut = (id?: string) => list.filter((t) => t.id !== id).map((t) => t.name);

  /** The organization's templates are read-only: copied into one's own, or exported, nothing else. */
  async function actOnManaged(lib: ListKit, action: RowAction, template: Template) {
    if (action === 'export')
      return downloadText(`template-${fileSlug(template.name)}.json`, lib.exportJson([template], new Date()));
    if (action !== 'duplicate') return;
    const result = await lib.saveOrganizationCopy(template);
    if (!result.ok) return setProblem(words(result.problems));
    setStatus(t('settings_duplicated', result.template.name));
    await reload();
  }

  async function act(action: RowAction, template: Template) {
    if (!kit) return;
    setProblem(null);
    if (policy.organizationIds.has(template.id)) return actOnManaged(kit, action, template);
    if (action === 'edit') return setEditing({ template });
    if (action === 'rename') return setRenaming(template.id);
    if (action === 'export')
      return downloadText(
        `template-${fileSlug(template.name)}.json`,
        await kit.exportStoredTemplates([template.id]),
      );
    if (action === 'duplicate') {
      const result = await kit.saveDuplicate(template.id);
      if (!result.ok) return setProblem(words(result.problems));
      setStatus(t('settings_duplicated', result.template.name));
    }
    if (action === 'delete') {
      const result = await kit.removeTemplate(template.id);
      if (!result.ok) return setProblem(words(result.problems));
      setStatus('');
      setUndo({ token: result.undoToken, name: template.name });
    }
    await reload();
  }

  async function undoLast() {
    if (!undo || !kit) return;
    const result = await kit.undoDelete(undo.token);
    setUndo(null);
    if (!result.ok) return setProblem(words(result.problems));
    setStatus(t('settings_restored', result.template.name));
    await reload();
  }

  async function exportAll() {
    if (!kit) return;
    downloadText(
      `certcentral-templates-${now.toISOString().slice(0, 10)}.json`,
      await kit.exportStoredTemplates(),
    );
  }

  if (editing)
    return (
      <section id="templates" aria-label={t('settings_template_editor')}>
        <TemplateEditor
          template={editing.template}
          otherNames={namesBut(editing.template?.id)}
          onCancel={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            setStatus(t('settings_saved_template', saved.name));
            await reload();
          }}
        />
      </section>
    );

  // Every child keeps its place whether shown or not (`false` holds it), so the list's elements
  // stay the same ones when the full read arrives.
  return (
    <section
      id="templates"
      class="card stack"
      aria-labelledby="templates-heading"
      aria-busy={ready ? undefined : 'true'}
    >
      <TemplatesHeader
        onNew={ready && policy.personalAllowed ? () => setEditing({}) : undefined}
        onExportAll={ready ? exportAll : undefined}
        canExport={list.length > policy.organizationIds.size}
      />
      {ready && <PersonalNotice policy={policy} />}
      {ready && <ready.QuarantineReport kept={quarantine} onChanged={reload} />}
      <div class="field">
        <label for="template-search">{t('settings_search_templates')}</label>
        <input
          id="template-search"
          type="text"
          placeholder={t('settings_search_templates_placeholder')}
          value={query}
          disabled={!ready}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <div role="status" class="status-line">
        {status}
      </div>
      {undo && kit && (
        <kit.UndoBar key={undo.token} name={undo.name} onUndo={undoLast} onExpire={() => setUndo(null)} />
      )}
      {(problem ?? error) && (
        <p class="notice error" role="alert">
          {problem ?? error}
        </p>
      )}
      {templates && list.length === 0 && <p class="muted">{t('settings_no_templates')}</p>}
      {list.length > 0 && shown.length === 0 && (
        <p class="muted">{t('settings_no_template_matches', query)}</p>
      )}
      <ul class="templates" aria-label={t('settings_templates_list')} ref={listRef}>
        {ready
          ? shown.map((template) => (
              <li key={template.id} class="template">
                {renaming === template.id ? (
                  <ready.RenameForm
                    template={template}
                    otherNames={namesBut(template.id)}
                    onDone={async (renamed) => {
                      setRenaming(null);
                      if (renamed) {
                        setStatus(t('settings_renamed'));
                        await reload();
                      }
                    }}
                  />
                ) : (
                  <TemplateRow
                    template={template}
                    now={now}
                    onAction={act}
                    {...(policy.organizationIds.has(template.id)
                      ? { managed: { canCopy: policy.personalAllowed } }
                      : {})}
                  />
                )}
              </li>
            ))
          : lightRows.map((row) => (
              <li key={row.id} class="template">
                <TemplateRow template={row} now={now} />
              </li>
            ))}
      </ul>
      {ready && policy.personalAllowed && (
        <ready.ImportControl
          onImported={async (message) => {
            setStatus(message);
            await reload();
          }}
        />
      )}
    </section>
  );
}
