import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { FieldInfo } from '@/lib/order';
import { coerceAnswer } from '@/lib/templates';
import type { FieldChoices } from '@/lib/templates/editor/choices';

export type InputProps = {
  id: string;
  /** Id of the visible text that names this input. */
  labelledBy: string;
  describedBy?: string | undefined;
  invalid: boolean;
};

type Props = InputProps & {
  info: FieldInfo;
  value: unknown;
  onChange: (value: unknown) => void;
  choices?: FieldChoices | undefined;
  /** Visible name of the typed-id input shown beside a list of choices ("Organization id"). */
  typedName: string;
};

const OTHER = '__other__';
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * One value by its type: a checkbox for true/false, a list for enumerations and the account's
 * choices (with "Another id…" for ids the list lacks), else a text box. Whole numbers are typed as
 * text and converted only when unambiguous, so a wrong entry stays visible with its problem.
 */
export function ScalarInput(props: Props) {
  const { id, info, value, onChange, choices } = props;
  const aria = {
    'aria-labelledby': props.labelledBy,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.invalid ? ('true' as const) : undefined,
  };
  const shown = text(value);
  const listed = choices?.options.some((o) => o.value === shown) ?? false;
  // Decided from the value each time, not once: the account's choices arrive after the first render,
  // and a value they list must then show as picked, not as a typed id. Only an explicit
  // "Another id…" keeps the typed box open for a value the list has.
  const [choseOther, setChoseOther] = useState<boolean | undefined>(undefined);
  const typing = choseOther ?? (shown !== '' && !listed);
  // Text is kept as typed (spaces included) until saved; numbers convert when they are numbers.
  const set = (raw: string) =>
    onChange(info.type === 'integer' && raw !== '' ? coerceAnswer(info, raw) : raw);

  if (info.type === 'boolean')
    return (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
        {...aria}
      />
    );
  const fixedList = choices && !choices.unavailable && info.values !== undefined;
  if (choices && choices.options.length > 0) {
    const canType =
      !fixedList && info.path !== 'order_validity.years' && info.path !== 'certificate.signature_hash';
    const selected = typing && canType ? OTHER : listed ? shown : '';
    return (
      <div class="row">
        <select
          id={id}
          value={selected}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setChoseOther(v === OTHER);
            if (v !== OTHER) set(v);
          }}
          {...aria}
        >
          <option value="">{t('common_choose')}</option>
          {choices.options.map((o) => (
            <option key={o.value} value={o.value} translate={o.data ? false : undefined}>
              {o.label}
            </option>
          ))}
          {canType && <option value={OTHER}>{t('editor_another_id')}</option>}
        </select>
        {selected === OTHER && <TypedId {...props} id={`${id}-typed`} value={shown} set={set} aria={aria} />}
      </div>
    );
  }
  if (info.format === 'pem_csr')
    return (
      <textarea
        id={id}
        rows={5}
        spellcheck={false}
        value={shown}
        onInput={(e) => set(e.currentTarget.value)}
        {...aria}
      />
    );
  return (
    <input
      id={id}
      type="text"
      inputMode={info.type === 'integer' ? 'numeric' : undefined}
      placeholder={info.format === 'date' ? t('editor_date_placeholder') : undefined}
      spellcheck={false}
      value={shown}
      onInput={(e) => set(e.currentTarget.value)}
      {...aria}
    />
  );
}

type TypedProps = Props & { set: (raw: string) => void; aria: Record<string, string | undefined> };

function TypedId({ id, typedName, value, set, aria }: TypedProps) {
  return (
    <span class="field typed-id">
      <label for={id}>{typedName}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        spellcheck={false}
        value={text(value)}
        onInput={(e) => set(e.currentTarget.value)}
        aria-describedby={aria['aria-describedby']}
        aria-invalid={aria['aria-invalid'] === 'true' ? 'true' : undefined}
      />
    </span>
  );
}
