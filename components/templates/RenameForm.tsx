import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { saveRename, type Template } from '@/lib/templates';
import { nameProblem } from '@/lib/templates/editor/problems';

type Props = { template: Template; otherNames: readonly string[]; onDone: (renamed: boolean) => void };

/** Renaming in place: checked as typed (given, unique), Enter saves, Escape cancels. */
export function RenameForm({ template, otherNames, onDone }: Props) {
  const [name, setName] = useState(template.name);
  const [refused, setRefused] = useState<string | null>(null);
  const problem = refused ?? nameProblem(name, otherNames);
  const id = `rename-${template.id}`;

  async function save(event: Event) {
    event.preventDefault();
    if (problem) return;
    const result = await saveRename(template.id, name.trim());
    if (result.ok) onDone(true);
    else setRefused(result.problems.map((p) => p.message).join(' '));
  }

  return (
    <form class="rename row" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && onDone(false)}>
      <span class="field grow">
        <label for={id}>{t('settings_rename_label', template.name)}</label>
        <input
          id={id}
          type="text"
          value={name}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this template.
          autoFocus
          onInput={(e) => {
            setName(e.currentTarget.value);
            setRefused(null);
          }}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`${id}-problem`}
        />
        <span id={`${id}-problem`} class="problems" aria-live="polite">
          {problem}
        </span>
      </span>
      <button type="submit" class="primary">
        {t('settings_save_name')}
      </button>
      <button type="button" onClick={() => onDone(false)}>
        {t('common_cancel')}
      </button>
    </form>
  );
}
