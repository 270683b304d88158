import { type ChoicesState, customFieldChoices } from '@/lib/templates/editor-choices';
import type { FieldProblem } from '@/lib/templates/editor-problems';
import { describedBy } from './ids';

type Entry = { metadata_id: unknown; value: unknown };
type Props = {
  id: string;
  value: unknown;
  onChange: (value: Entry[]) => void;
  problems: readonly FieldProblem[];
  problemsId: string;
  choices: ChoicesState;
};

const TYPE_WORDS: Record<string, string> = {
  text: 'text',
  int: 'whole number',
  email_address: 'email address',
};

/**
 * custom_fields: one box per custom field of the account, named by its label, marked when the
 * account requires it; empty boxes are left out of the order. Without the account's list, entries
 * are typed as a field id and a value.
 */
export function CustomFieldsInput({ id, value, onChange, problems, problemsId, choices }: Props) {
  const entries: Entry[] = Array.isArray(value) ? (value as Entry[]) : [];
  const { fields, unavailable } = customFieldChoices(choices);
  const textOf = (fieldId: number) => String(entries.find((e) => e.metadata_id === fieldId)?.value ?? '');
  const setValue = (fieldId: number, text: string) => {
    const rest = entries.filter((e) => e.metadata_id !== fieldId);
    onChange(text === '' ? rest : [...rest, { metadata_id: fieldId, value: text }]);
  };
  const known = new Set(fields.map((f) => f.id));
  const others = entries.map((e, i) => [e, i] as const).filter(([e]) => !known.has(e.metadata_id as number));
  const put = (i: number, entry: Entry) => onChange(entries.map((e, j) => (j === i ? entry : e)));
  const invalid = (fieldLabel: string) =>
    problems.some((p) => p.message.includes(`“${fieldLabel}”`)) || undefined;

  return (
    <div class="custom-fields-input stack">
      {fields.map((f) => (
        <span class="field" key={f.id}>
          <label for={`${id}-${f.id}`}>
            {f.label}
            {f.required && <span class="required-mark"> (required)</span>}
          </label>
          <input
            id={`${id}-${f.id}`}
            type="text"
            inputMode={f.dataType === 'int' ? 'numeric' : undefined}
            value={textOf(f.id)}
            onInput={(e) => setValue(f.id, e.currentTarget.value)}
            aria-invalid={invalid(f.label)}
            aria-describedby={describedBy(invalid(f.label) && problemsId, `${id}-${f.id}-hint`)}
          />
          <span id={`${id}-${f.id}-hint`} class="hint">
            {TYPE_WORDS[f.dataType] ?? f.dataType}, #{f.id}
            {f.required ? ', required by your account' : ', optional'}
          </span>
        </span>
      ))}
      {unavailable && <p class="hint">The account’s custom fields are unavailable: type each field’s id.</p>}
      {others.map(([e, i]) => (
        <div class="row" key={i}>
          <span class="field">
            <label for={`${id}-other-${i}-id`}>Field id {i + 1}</label>
            <input
              id={`${id}-other-${i}-id`}
              type="text"
              inputMode="numeric"
              value={String(e.metadata_id ?? '')}
              onInput={(ev) => {
                const t = ev.currentTarget.value.trim();
                put(i, { ...e, metadata_id: /^\d+$/.test(t) ? Number(t) : t });
              }}
            />
          </span>
          <span class="field grow">
            <label for={`${id}-other-${i}-value`}>Value {i + 1}</label>
            <input
              id={`${id}-other-${i}-value`}
              type="text"
              value={String(e.value ?? '')}
              onInput={(ev) => put(i, { ...e, value: ev.currentTarget.value })}
            />
          </span>
          <button type="button" class="link" onClick={() => onChange(entries.filter((_, j) => j !== i))}>
            Remove<span class="visually-hidden"> custom field {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...entries, { metadata_id: '', value: '' }])}>
        Add a custom field by id
      </button>
    </div>
  );
}
