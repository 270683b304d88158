import { t } from '@/lib/i18n';
import type { FieldInfo } from '@/lib/order';
import type { AskedValue } from '@/lib/templates';
import type { FieldChoices } from '@/lib/templates/editor/choices';
import { ScalarInput } from './ScalarInput';

type Props = {
  id: string;
  info: FieldInfo;
  label: string;
  value: AskedValue;
  onChange: (value: AskedValue) => void;
  choices?: FieldChoices | undefined;
  card: boolean;
  invalid: boolean;
  describedBy?: string | undefined;
};

/**
 * How an asked field is asked in the popup: its question (label), a default to prefill and whether
 * it may be left empty. Card fields get no default: a default would keep card data in the template.
 */
export function AskedOptions({
  id,
  info,
  label,
  value,
  onChange,
  choices,
  card,
  invalid,
  describedBy,
}: Props) {
  const scalar = info.type !== 'array' && info.type !== 'object';
  return (
    <div class="asked-options">
      <span class="field">
        <label for={`${id}-question`}>
          {t('editor_question')}
          <span class="visually-hidden"> {t('editor_for_field', label)}</span>
        </label>
        <input
          id={`${id}-question`}
          type="text"
          placeholder={label}
          value={value.label ?? ''}
          onInput={(e) => onChange({ ...value, label: e.currentTarget.value })}
        />
      </span>
      {scalar && !card && (
        <span class="field">
          <span id={`${id}-default-label`} class="label-text">
            {t('editor_default')}
            <span class="visually-hidden"> {t('editor_for_field', label)}</span>
          </span>
          <ScalarInput
            id={`${id}-default`}
            labelledBy={`${id}-default-label`}
            describedBy={describedBy}
            invalid={invalid}
            info={info}
            value={value.default}
            choices={choices}
            typedName={t('editor_typed_id', label)}
            onChange={(v) => {
              const { default: _old, ...rest } = value;
              onChange(v === '' || v === undefined ? rest : { ...rest, default: v as AskedValue['default'] });
            }}
          />
        </span>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={value.optional === true}
          onChange={(e) => {
            const { optional: _old, ...rest } = value;
            onChange(e.currentTarget.checked ? { ...rest, optional: true } : rest);
          }}
        />
        {t('editor_may_be_empty')}
        <span class="visually-hidden"> {t('editor_field_in_brackets', label)}</span>
      </label>
    </div>
  );
}
