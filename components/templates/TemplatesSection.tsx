import { useState } from 'preact/hooks';
import { TemplateEditor } from '@/components/template-editor/TemplateEditor';
import {
  exportStoredTemplates,
  removeTemplate,
  saveDuplicate,
  searchTemplates,
  sortByLastUse,
  type Template,
  undoDelete,
} from '@/lib/templates';
import { downloadText, fileSlug } from '../download';
import { ImportControl } from './ImportControl';
import { QuarantineReport } from './QuarantineReport';
import { RenameForm } from './RenameForm';
import { type RowAction, TemplateRow } from './TemplateRow';
import { UndoBar } from './UndoBar';
import { useTemplates } from './useTemplates';

const words = (problems: { message: string }[]) => problems.map((p) => p.message).join(' ');

/** Options page: the templates, searchable, most recently used first, and the editor in their place. */
export function TemplatesSection({ now }: { now: Date }) {
  const { templates, quarantine, error, reload } = useTemplates();
  const [editing, setEditing] = useState<{ template?: Template } | null>(null);
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ token: string; name: string } | null>(null);
  const list = templates ?? [];
  const shown = sortByLastUse(searchTemplates(list, query));
  const namesBut = (id?: string) => list.filter((t) => t.id !== id).map((t) => t.name);

  async function act(action: RowAction, t: Template) {
    setProblem(null);
    if (action === 'edit') return setEditing({ template: t });
    if (action === 'rename') return setRenaming(t.id);
    if (action === 'export')
      return downloadText(`template-${fileSlug(t.name)}.json`, await exportStoredTemplates([t.id]));
    if (action === 'duplicate') {
      const result = await saveDuplicate(t.id);
      if (!result.ok) return setProblem(words(result.problems));
      setStatus(`Duplicated as “${result.template.name}”.`);
    }
    if (action === 'delete') {
      const result = await removeTemplate(t.id);
      if (!result.ok) return setProblem(words(result.problems));
      setStatus('');
      setUndo({ token: result.undoToken, name: t.name });
    }
    await reload();
  }

  async function undoLast() {
    if (!undo) return;
    const result = await undoDelete(undo.token);
    setUndo(null);
    if (!result.ok) return setProblem(words(result.problems));
    setStatus(`“${result.template.name}” is back.`);
    await reload();
  }

  async function exportAll() {
    downloadText(
      `certcentral-templates-${now.toISOString().slice(0, 10)}.json`,
      await exportStoredTemplates(),
    );
  }

  if (editing)
    return (
      <section id="templates" aria-label="Template editor">
        <TemplateEditor
          template={editing.template}
          otherNames={namesBut(editing.template?.id)}
          onCancel={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            setStatus(`Saved “${saved.name}”.`);
            await reload();
          }}
        />
      </section>
    );

  return (
    <section id="templates" class="card stack" aria-labelledby="templates-heading">
      <div class="row spread">
        <div>
          <h2 id="templates-heading">Templates</h2>
          <p class="muted">Orders you place often, with each field fixed or asked when used.</p>
        </div>
        <div class="row">
          <button type="button" class="primary" onClick={() => setEditing({})}>
            New template
          </button>
          <button type="button" onClick={exportAll} disabled={list.length === 0}>
            Export all
          </button>
        </div>
      </div>
      <QuarantineReport kept={quarantine} onChanged={reload} />
      <div class="field">
        <label for="template-search">Search templates</label>
        <input
          id="template-search"
          type="text"
          placeholder="Name, product or organization"
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
      {templates && list.length === 0 && (
        <p class="muted">No templates yet. Make one with “New template”, or import a file.</p>
      )}
      {list.length > 0 && shown.length === 0 && <p class="muted">No template matches “{query}”.</p>}
      <ul class="templates" aria-label="Templates, most recently used first">
        {shown.map((t) => (
          <li key={t.id} class="template">
            {renaming === t.id ? (
              <RenameForm
                template={t}
                otherNames={namesBut(t.id)}
                onDone={async (renamed) => {
                  setRenaming(null);
                  if (renamed) {
                    setStatus('Renamed.');
                    await reload();
                  }
                }}
              />
            ) : (
              <TemplateRow template={t} now={now} onAction={act} />
            )}
          </li>
        ))}
      </ul>
      <ImportControl
        onImported={async (message) => {
          setStatus(message);
          await reload();
        }}
      />
    </section>
  );
}
