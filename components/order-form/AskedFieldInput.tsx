import { t } from '@/lib/i18n';
import type { Problem } from '@/lib/order/problem';
import type { AskedField } from '@/lib/templates/build';

const CARD_AUTOCOMPLETE: Record<string, string> = {
  'credit_card.number': 'cc-number',
  'credit_card.cvv': 'cc-csc',
  'credit_card.expiration_month': 'cc-exp-month',
  'credit_card.expiration_year': 'cc-exp-year',
  'credit_card.cardholder_name': 'cc-name',
};

type Props = {
  asked: AskedField;
  value: unknown;
  problems: Problem[];
  missing: boolean;
  showMissing: boolean;
  onChange: (value: unknown) => void;
};

const idOf = (path: string) => `ask-${path.replace(/[^a-z0-9]+/gi, '-')}`;

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object') ? value.join('\n') : JSON.stringify(value, null, 2);
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

/** One asked field of the popup's order form: the right control for its type, its problems beside it. */
export function AskedFieldInput({ asked, value, problems, missing, showMissing, onChange }: Props) {
  const { field } = asked;
  const id = idOf(asked.path);
  const messages = [
    ...problems.map((p) => p.message),
    ...(missing && showMissing ? [t('popup_field_needed', asked.label)] : []),
  ];
  const invalid = messages.length > 0;
  const describedBy = `${id}-help${invalid ? ` ${id}-problem` : ''}`;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? ('true' as const) : undefined,
  };
  const objectList = field.type === 'array' && field.items === 'object';
  let control: preact.JSX.Element;
  if (field.values && field.values.length > 0) {
    control = (
      <select
        {...common}
        value={asText(value ?? asked.default)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{t('common_choose')}</option>
        {field.values.map((v) => (
          <option key={String(v)} value={String(v)} translate={false}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'boolean') {
    control = (
      <select
        {...common}
        value={asText(value ?? asked.default)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{t('common_choose')}</option>
        <option value="true">{t('common_yes')}</option>
        <option value="false">{t('common_no')}</option>
      </select>
    );
  } else if (field.type === 'array' || field.type === 'object') {
    control = (
      <textarea
        {...common}
        rows={objectList || field.type === 'object' ? 4 : 3}
        spellcheck={false}
        value={asText(value)}
        placeholder={asText(asked.default)}
        onInput={(e) => onChange(objectList ? parseJson(e.currentTarget.value) : e.currentTarget.value)}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type={
          asked.sensitive && asked.path !== 'credit_card.cardholder_name'
            ? 'password'
            : field.type === 'integer'
              ? 'number'
              : 'text'
        }
        inputMode={field.type === 'integer' || asked.path === 'credit_card.number' ? 'numeric' : undefined}
        autocomplete={CARD_AUTOCOMPLETE[asked.path] ?? 'off'}
        value={asText(value)}
        placeholder={asText(asked.default)}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <div class="field">
      <label for={id}>
        <span translate={asked.ownLabel ? false : undefined}>{asked.label}</span>
        {asked.optional ? <span class="muted"> {t('common_optional')}</span> : null}
      </label>
      {control}
      <span id={`${id}-help`} class="hint">
        {[
          asked.sensitive && t('popup_field_once'),
          field.type === 'array' && !objectList && t('popup_field_one_per_line'),
          objectList && t('popup_field_json_list'),
        ]
          .filter(Boolean)
          .map((text) => `${text} `)}
        {asked.help && <span translate={asked.ownHelp ? false : undefined}>{asked.help}</span>}
      </span>
      {invalid && (
        <span id={`${id}-problem`} class="problem" role="alert">
          {messages.join(' ')}
        </span>
      )}
    </div>
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
