import { type MessageKey, t } from '@/lib/i18n';
import type { FieldValue } from '@/lib/templates';
import { type ChoicesState, choicesFor } from '@/lib/templates/editor/choices';
import { changeSource, type SourceChoice } from '@/lib/templates/editor/draft';
import {
  alwaysRequired,
  editableField,
  fieldLabel,
  SOURCE_WORDS,
  sourcesFor,
} from '@/lib/templates/editor/fields';
import type { FieldProblem } from '@/lib/templates/editor/problems';
import { AskedOptions } from './AskedOptions';
import { ContactsInput } from './ContactsInput';
import { CustomFieldsInput } from './CustomFieldsInput';
import { describedBy, fieldId } from './ids';
import { ListInput } from './ListInput';
import { ProblemList } from './ProblemList';
import { ScalarInput } from './ScalarInput';

export type EditorContext = {
  choices: ChoicesState;
  maxOrderYears: number;
  needsEvApprover: boolean;
  organizationId: unknown;
};

type Props = {
  path: string;
  value: FieldValue | undefined;
  problems: readonly FieldProblem[];
  onChange: (path: string, value: FieldValue | undefined) => void;
  ctx: EditorContext;
};

const COMES_FROM: Partial<Record<string, MessageKey>> = {
  renewal: 'editor_comes_from_renewal',
  csr: 'editor_comes_from_csr',
};

/** One field of the order: where its value comes from, and the value when it is fixed or asked. */
export function FieldRow({ path, value, problems, onChange, ctx }: Props) {
  const info = editableField(path);
  if (!info) return null;
  const id = fieldId(path);
  const label = fieldLabel(path);
  const sources = sourcesFor(path);
  const choices = choicesFor(path, ctx.choices, ctx.maxOrderYears);
  const invalid = problems.length > 0;
  const problemsId = `${id}-problems`;
  const hintId = `${id}-hint`;
  const described = describedBy(invalid && problemsId, hintId);
  const set = (v: FieldValue | undefined) => onChange(path, v);
  const setFixed = (v: unknown) => set({ source: 'fixed', value: v as never });
  const rowsOwnProblems = path === 'organization.contacts';

  return (
    <fieldset class={`efield${invalid ? ' has-problem' : ''}`}>
      <legend class="efield-head">
        <span id={`${id}-name`} class="efield-name">
          {label}
        </span>
        {alwaysRequired(path) && <span class="required-mark"> {t('editor_needed_every_order')}</span>}
      </legend>
      <p id={hintId} class="hint">
        {t(info.description)}
        {choices?.unavailable && value?.source === 'fixed' && ' '}
        {choices?.unavailable &&
          value?.source === 'fixed' &&
          t('editor_choices_unavailable_for', choices.unavailable)}
      </p>
      <div class="efield-body">
        <span class="field efield-source">
          <label for={`${id}-source`}>
            {t('editor_source')}
            <span class="visually-hidden"> {t('editor_of_field', label)}</span>
          </label>
          <select
            id={`${id}-source`}
            value={value?.source ?? 'none'}
            onChange={(e) => set(changeSource(path, value, e.currentTarget.value as SourceChoice))}
          >
            <option value="none">{t('editor_leave_out')}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {t(SOURCE_WORDS[s])}
              </option>
            ))}
          </select>
        </span>
        <div class="efield-value">
          {value?.source === 'fixed' &&
            (path === 'organization.contacts' ? (
              <ContactsInput
                id={id}
                value={value.value}
                onChange={setFixed}
                problems={problems}
                choices={ctx.choices}
                organizationId={ctx.organizationId}
                needsEvApprover={ctx.needsEvApprover}
              />
            ) : path === 'custom_fields' ? (
              <CustomFieldsInput
                id={id}
                value={value.value}
                onChange={setFixed}
                problems={problems}
                problemsId={problemsId}
                choices={ctx.choices}
              />
            ) : info.type === 'array' ? (
              <ListInput
                id={id}
                info={info}
                label={label}
                value={value.value}
                onChange={setFixed}
                problems={problems}
                hintId={hintId}
              />
            ) : (
              <ScalarInput
                id={id}
                labelledBy={`${id}-name`}
                describedBy={described}
                invalid={invalid}
                info={info}
                value={value.value}
                onChange={setFixed}
                choices={choices}
                typedName={t('editor_typed_id', label)}
              />
            ))}
          {value?.source === 'asked' && (
            <AskedOptions
              id={id}
              info={info}
              label={label}
              value={value}
              onChange={set}
              choices={choices}
              card={path.startsWith('credit_card.')}
              invalid={invalid}
              describedBy={described}
            />
          )}
          {value && COMES_FROM[value.source] && (
            <p class="muted">{t(COMES_FROM[value.source] as MessageKey)}</p>
          )}
        </div>
      </div>
      <ProblemList
        id={problemsId}
        problems={rowsOwnProblems ? problems.filter((p) => p.index === undefined) : problems}
      />
    </fieldset>
  );
}
