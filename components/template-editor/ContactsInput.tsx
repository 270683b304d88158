import { useState } from 'preact/hooks';
import { type MessageKey, t, uiLocale } from '@/lib/i18n';
import { formatAnd } from '@/lib/i18n/format';
import { CONTACT_TYPES } from '@/lib/order';
import { type ChoicesState, contactPeople } from '@/lib/templates/editor/choices';
import type { FieldProblem } from '@/lib/templates/editor/problems';
import { describedBy } from './ids';

type Contact = Record<string, unknown>;
type Props = {
  id: string;
  value: unknown;
  onChange: (value: Contact[]) => void;
  problems: readonly FieldProblem[];
  choices: ChoicesState;
  organizationId: unknown;
  needsEvApprover: boolean;
};

const TYPE_WORDS: Record<string, MessageKey> = {
  ev_approver: 'editor_contact_type_ev_approver',
  organization_contact: 'editor_contact_type_organization',
  technical_contact: 'editor_contact_type_technical',
};
const NEW_PERSON = [
  ['first_name', 'editor_person_first_name'],
  ['last_name', 'editor_person_last_name'],
  ['job_title', 'editor_person_job_title'],
  ['telephone', 'editor_person_telephone'],
  ['email', 'editor_person_email'],
] as const satisfies readonly (readonly [string, MessageKey])[];
const OTHER = 'other';
const NEW = 'new';

/**
 * organization.contacts: each entry a role and a person, either a user of the account (an EV
 * approver of the chosen organization for ev_approver), a typed user id, or a new person's details.
 */
export function ContactsInput({
  id,
  value,
  onChange,
  problems,
  choices,
  organizationId,
  needsEvApprover,
}: Props) {
  const contacts: Contact[] = Array.isArray(value) ? (value as Contact[]) : [];
  const [modes, setModes] = useState<Record<number, string>>({});
  const put = (i: number, entry: Contact) => onChange(contacts.map((c, j) => (j === i ? entry : c)));
  const add = () => {
    const hasApprover = contacts.some((c) => c.contact_type === 'ev_approver');
    const type = needsEvApprover && !hasApprover ? 'ev_approver' : 'technical_contact';
    onChange([...contacts, { contact_type: type }]);
  };
  const remove = (i: number) => {
    onChange(contacts.filter((_, j) => j !== i));
    setModes({});
  };

  return (
    <div class="contacts-input stack">
      {contacts.length === 0 && <p class="hint">{t('editor_no_contacts')}</p>}
      {contacts.map((c, i) => {
        const n = i + 1;
        const rowId = `${id}-${i}`;
        const type = String(c.contact_type ?? '');
        const people = contactPeople(choices, type, organizationId);
        const userId = c.user_id === undefined ? '' : String(c.user_id);
        const listed = people.options.some((o) => o.value === userId);
        const hasDetails = NEW_PERSON.some(([k]) => c[k] !== undefined);
        const mode = modes[i] ?? (listed ? userId : userId !== '' ? OTHER : hasDetails ? NEW : '');
        const mine = problems.filter((p) => p.index === i);
        const problemId = mine.length > 0 ? `${rowId}-problem` : undefined;
        const invalid = mine.length > 0 || undefined;
        const choose = (v: string) => {
          setModes({ ...modes, [i]: v });
          if (v === OTHER) put(i, { contact_type: type, user_id: '' });
          else if (v === NEW || v === '') put(i, { contact_type: type });
          else put(i, { contact_type: type, user_id: Number(v) });
        };
        return (
          <fieldset key={i} class="contact">
            <legend>{t('editor_contact_n', String(n))}</legend>
            <div class="row">
              <span class="field">
                <label for={`${rowId}-type`}>
                  {t('editor_contact_type')}
                  <span class="visually-hidden"> {t('editor_of_contact', String(n))}</span>
                </label>
                <select
                  id={`${rowId}-type`}
                  value={type}
                  onChange={(e) => put(i, { ...c, contact_type: e.currentTarget.value })}
                >
                  {CONTACT_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {TYPE_WORDS[type] ? t(TYPE_WORDS[type]) : type}
                    </option>
                  ))}
                </select>
              </span>
              <span class="field grow">
                <label for={`${rowId}-person`}>
                  {t('editor_contact_person')}
                  <span class="visually-hidden"> {t('editor_for_contact', String(n))}</span>
                </label>
                <select
                  id={`${rowId}-person`}
                  value={mode}
                  onChange={(e) => choose(e.currentTarget.value)}
                  aria-invalid={invalid}
                  aria-describedby={describedBy(problemId)}
                >
                  <option value="">{t('common_choose')}</option>
                  {people.options.map((o) => (
                    <option key={o.value} value={o.value} translate={o.data ? false : undefined}>
                      {o.label}
                    </option>
                  ))}
                  <option value={OTHER}>{t('editor_another_user')}</option>
                  <option value={NEW}>{t('editor_new_person')}</option>
                </select>
              </span>
              {mode === OTHER && (
                <span class="field">
                  <label for={`${rowId}-user`}>
                    {t('editor_user_id')}
                    <span class="visually-hidden"> {t('editor_for_contact', String(n))}</span>
                  </label>
                  <input
                    id={`${rowId}-user`}
                    type="text"
                    inputMode="numeric"
                    value={userId}
                    onInput={(e) => {
                      const t = e.currentTarget.value.trim();
                      put(i, { contact_type: type, user_id: /^\d+$/.test(t) ? Number(t) : t });
                    }}
                    aria-invalid={invalid}
                    aria-describedby={describedBy(problemId)}
                  />
                </span>
              )}
              <button type="button" class="link" onClick={() => remove(i)}>
                {t('common_remove')}
                <span class="visually-hidden"> {t('editor_contact_hidden', String(n))}</span>
              </button>
            </div>
            {mode === NEW && (
              <div class="person-grid">
                {NEW_PERSON.map(([key, words]) => (
                  <span class="field" key={key}>
                    <label for={`${rowId}-${key}`}>
                      {t(words)}
                      <span class="visually-hidden"> {t('editor_of_contact', String(n))}</span>
                    </label>
                    <input
                      id={`${rowId}-${key}`}
                      type="text"
                      value={String(c[key] ?? '')}
                      onInput={(e) => put(i, { ...c, [key]: e.currentTarget.value })}
                      aria-invalid={mine.some((p) => p.detail === key) || undefined}
                      aria-describedby={describedBy(problemId)}
                    />
                  </span>
                ))}
              </div>
            )}
            {people.unavailable && <p class="hint">{t('editor_people_unavailable')}</p>}
            {problemId && (
              <ul id={problemId} class="problems">
                {inWords(mine).map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )}
          </fieldset>
        );
      })}
      <button type="button" onClick={add}>
        {t('editor_add_contact')}
      </button>
    </div>
  );
}

/** A detail of a new person the order model found missing (as opposed to one given but wrong). */
const isMissingDetail = (p: FieldProblem) =>
  p.code === 'required' && NEW_PERSON.some(([key]) => key === p.detail);

/**
 * One sentence for a new person's missing details instead of one per detail; entry numbers dropped
 * (the fieldset says which contact). Grouped by each problem's code and detail, never its wording,
 * which is the user's language.
 */
function inWords(problems: readonly FieldProblem[]): string[] {
  const words = (key: string) => {
    const known = NEW_PERSON.find(([k]) => k === key)?.[1];
    return known ? t(known).toLocaleLowerCase(uiLocale()) : key.replace(/_/g, ' ');
  };
  const missing = problems.filter(isMissingDetail).map((p) => words(p.detail ?? ''));
  const others = problems
    .filter((p) => !isMissingDetail(p))
    .map((p) => {
      const rest = p.words ?? p.message;
      return p.detail ? t('editor_detail_with_problem', [words(p.detail), rest]) : rest;
    });
  return [...(missing.length > 0 ? [t('editor_new_person_needs', formatAnd(missing))] : []), ...others];
}
