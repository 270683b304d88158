import { type MessageKey, t } from '@/lib/i18n';
import type { FieldInfo } from '@/lib/order';
import { coerceAnswer } from '@/lib/templates';
import type { FieldProblem } from '@/lib/templates/editor/problems';
import { describedBy } from './ids';

type Props = {
  id: string;
  info: FieldInfo;
  label: string;
  value: unknown;
  onChange: (value: unknown[]) => void;
  problems: readonly FieldProblem[];
  hintId: string;
};

/** How one entry is called, for the add button ("Add a name"), and whether English says "an" before it. */
const ENTRY: Record<string, readonly [MessageKey, 'a' | 'an']> = {
  'certificate.dns_names': ['editor_entry_name', 'a'],
  additional_emails: ['editor_entry_email', 'an'],
  user_id_assignments: ['editor_entry_user_id', 'a'],
};
const ANY_ENTRY = ['editor_entry', 'an'] as const;

/**
 * A list of names, addresses or ids, one box per entry, so a problem can point at its entry
 * (`dns_names[2]` marks the third box). Pasting several, separated by spaces, commas or new
 * lines, into one box splits them into entries.
 */
export function ListInput({ id, info, label, value, onChange, problems, hintId }: Props) {
  const rows = Array.isArray(value) ? value.map((v) => (v === null || v === undefined ? '' : String(v))) : [];
  const [entry, article] = ENTRY[info.path] ?? ANY_ENTRY;
  const store = (next: string[]) =>
    onChange(next.map((t) => (info.items === 'integer' && /^\s*-?\d+\s*$/.test(t) ? Number(t) : t)));
  const setRow = (i: number, text: string) => {
    const parts = /[\s,;]/.test(text.trim()) ? (coerceAnswer(info, text) as unknown[]).map(String) : [text];
    store([...rows.slice(0, i), ...parts, ...rows.slice(i + 1)]);
  };
  const shown = rows.length > 0 ? rows : [''];
  return (
    <div class="list-input">
      <ol>
        {shown.map((row, i) => {
          const mine = problems.filter((p) => p.index === i);
          const rowId = `${id}-${i}`;
          return (
            <li key={i} class="row">
              <label for={rowId} class="entry-number">
                <span class="visually-hidden">{t('editor_list_entry_hidden', label)} </span>
                {i + 1}
              </label>
              <input
                id={rowId}
                type="text"
                inputMode={
                  info.items === 'integer' ? 'numeric' : info.items === 'email' ? 'email' : undefined
                }
                spellcheck={false}
                value={row}
                onInput={(e) => setRow(i, e.currentTarget.value)}
                aria-invalid={mine.length > 0 || undefined}
                aria-describedby={describedBy(mine.length > 0 && `${rowId}-problem`, hintId)}
              />
              <button
                type="button"
                class="link"
                onClick={() => store(rows.filter((_, j) => j !== i))}
                disabled={rows.length === 0}
              >
                {t('common_remove')}
                <span class="visually-hidden"> {t('editor_list_entry_n', [label, String(i + 1)])}</span>
              </button>
              {mine.length > 0 && (
                <span id={`${rowId}-problem`} class="visually-hidden">
                  {mine.map((p) => p.message).join(' ')}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => store([...shown, ''])}>
        {t(article === 'an' ? 'editor_add_entry_an' : 'editor_add_entry_a', t(entry))}
        <span class="visually-hidden"> {t('editor_to_field', label)}</span>
      </button>
    </div>
  );
}
