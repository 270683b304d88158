import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import {
  exportJson,
  exportStoredTemplates,
  removeTemplate,
  saveDuplicate,
  saveOrganizationCopy,
  searchTemplates,
  sortByLastUse,
  type Template,
  undoDelete,
} from '@/lib/templates';
import { downloadText, fileSlug } from '../download';
import { later } from '../later';
import { PersonalNotice } from '../policy/PersonalNotice';
import { ImportControl } from './ImportControl';
import { QuarantineReport } from './QuarantineReport';
import { RenameForm } from './RenameForm';
import { TemplateListFirst } from './TemplateListFirst';
import { type RowAction, TemplateRow } from './TemplateRow';
import { TemplatesHeader } from './TemplatesHeader';
import { UndoBar } from './UndoBar';
import { useTemplates } from './useTemplates';

// The editor is a chunk of its own, loaded when a template is opened.
const TemplateEditor = later(() =>
  import('@/components/template-editor/TemplateEditor').then((m) => m.TemplateEditor),
);

const words = (problems: { message: string }[]) => problems.map((p) => p.message).join(' ');

/** Options page: the templates, searchable, most recently used first, and the editor in their place. */
export function TemplatesSection({ now }: { now: Date }) {
  const { templates, quarantine, policy, error, reload } = useTemplates();
  const [editing, setEditing] = useState<{ template?: Template } | null>(null);
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ token: string; name: string } | null>(null);
  const list = templates ?? [];
  const shown = sortByLastUse(searchTemplates(list, query));
  const namesBut = (id?: string) => list.filter((t) => t.id !== id).map((t) => t.name);

  /** The organization's templates are read-only: copied into one's own, or exported, nothing else. */
  async function actOnManaged(action: RowAction, template: Template) {
    if (action === 'export')
      return downloadText(`template-${fileSlug(template.name)}.json`, exportJson([template], new Date()));
    if (action !== 'duplicate') return;
    const result = await saveOrganizationCopy(template);
    if (!result.ok) return setProblem(words(result.problems));
    setStatus(t('settings_duplicated', result.template.name));
    await reload();
  }

  async function act(action: RowAction, template: Template) {
    setProblem(null);
    if (policy.organizationIds.has(template.id)) return actOnManaged(action, template);
    if (action === 'edit') return setEditing({ template });
    if (action === 'rename') return setRenaming(template.id);
    if (action === 'export')
      return downloadText(
        `template-${fileSlug(template.name)}.json`,
        await exportStoredTemplates([template.id]),
      );
    if (action === 'duplicate') {
      const result = await saveDuplicate(template.id);
      if (!result.ok) return setProblem(words(result.problems));
      setStatus(t('settings_duplicated', result.template.name));
    }
    if (action === 'delete') {
      const result = await removeTemplate(template.id);
      if (!result.ok) return setProblem(words(result.problems));
      setStatus('');
      setUndo({ token: result.undoToken, name: template.name });
    }
    await reload();
  }

  async function undoLast() {
    if (!undo) return;
    const result = await undoDelete(undo.token);
    setUndo(null);
    if (!result.ok) return setProblem(words(result.problems));
    setStatus(t('settings_restored', result.template.name));
    await reload();
  }

  async function exportAll() {
    downloadText(
      `certcentral-templates-${now.toISOString().slice(0, 10)}.json`,
      await exportStoredTemplates(),
    );
  }

  // Until the full read is done, the light list stays (the page drew it first).
  if (templates === null && error === null) return <TemplateListFirst now={now} />;

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

  return (
    <section id="templates" class="card stack" aria-labelledby="templates-heading">
      <TemplatesHeader
        onNew={policy.personalAllowed ? () => setEditing({}) : undefined}
        onExportAll={exportAll}
        canExport={list.length > policy.organizationIds.size}
      />
      <PersonalNotice policy={policy} />
      <QuarantineReport kept={quarantine} onChanged={reload} />
      <div class="field">
        <label for="template-search">{t('settings_search_templates')}</label>
        <input
          id="template-search"
          type="text"
          placeholder={t('settings_search_templates_placeholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <div role="status" class="status-line">
        {status}
      </div>
      {undo && <UndoBar key={undo.token} name={undo.name} onUndo={undoLast} onExpire={() => setUndo(null)} />}
      {(problem ?? error) && (
        <p class="notice error" role="alert">
          {problem ?? error}
        </p>
      )}
      {templates && list.length === 0 && <p class="muted">{t('settings_no_templates')}</p>}
      {list.length > 0 && shown.length === 0 && (
        <p class="muted">{t('settings_no_template_matches', query)}</p>
      )}
      <ul class="templates" aria-label={t('settings_templates_list')}>
        {shown.map((template) => (
          <li key={template.id} class="template">
            {renaming === template.id ? (
              <RenameForm
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
        ))}
      </ul>
      {policy.personalAllowed && (
        <ImportControl
          onImported={async (message) => {
            setStatus(message);
            await reload();
          }}
        />
      )}
    </section>
  );
}
