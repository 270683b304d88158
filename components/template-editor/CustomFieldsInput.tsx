import { type MessageKey, t } from '@/lib/i18n';
import { type ChoicesState, customFieldChoices } from '@/lib/templates/editor/choices';
import type { FieldProblem } from '@/lib/templates/editor/problems';
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

const TYPE_WORDS: Record<string, MessageKey> = {
  text: 'editor_custom_type_text',
  int: 'editor_custom_type_int',
  email_address: 'editor_custom_type_email',
};
/** A data type this version does not know is shown as CertCentral names it. */
const typeWords = (dataType: string) => {
  const key = TYPE_WORDS[dataType];
  return key ? t(key) : dataType;
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
            <span translate={false}>{f.label}</span>
            {f.required && <span class="required-mark"> {t('editor_required_mark')}</span>}
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
            {t(f.required ? 'editor_custom_hint_required' : 'editor_custom_hint_optional', [
              typeWords(f.dataType),
              String(f.id),
            ])}
          </span>
        </span>
      ))}
      {unavailable && <p class="hint">{t('editor_custom_unavailable')}</p>}
      {others.map(([e, i]) => (
        <div class="row" key={i}>
          <span class="field">
            <label for={`${id}-other-${i}-id`}>{t('editor_custom_field_id', String(i + 1))}</label>
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
            <label for={`${id}-other-${i}-value`}>{t('editor_custom_value', String(i + 1))}</label>
            <input
              id={`${id}-other-${i}-value`}
              type="text"
              value={String(e.value ?? '')}
              onInput={(ev) => put(i, { ...e, value: ev.currentTarget.value })}
            />
          </span>
          <button type="button" class="link" onClick={() => onChange(entries.filter((_, j) => j !== i))}>
            {t('common_remove')}
            <span class="visually-hidden"> {t('editor_custom_field_hidden', String(i + 1))}</span>
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...entries, { metadata_id: '', value: '' }])}>
        {t('editor_add_custom_field')}
      </button>
    </div>
  );
}
