import { useState } from 'preact/hooks';
import { CONTACT_TYPES } from '@/lib/order';
import { type ChoicesState, contactPeople } from '@/lib/templates/editor-choices';
import type { FieldProblem } from '@/lib/templates/editor-problems';
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

const TYPE_WORDS: Record<string, string> = {
  ev_approver: 'EV approver',
  organization_contact: 'Organization contact',
  technical_contact: 'Technical contact',
};
const NEW_PERSON = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['job_title', 'Job title'],
  ['telephone', 'Telephone'],
  ['email', 'Email'],
] as const;
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
      {contacts.length === 0 && <p class="hint">No contacts yet.</p>}
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
            <legend>Contact {n}</legend>
            <div class="row">
              <span class="field">
                <label for={`${rowId}-type`}>
                  Type<span class="visually-hidden"> of contact {n}</span>
                </label>
                <select
                  id={`${rowId}-type`}
                  value={type}
                  onChange={(e) => put(i, { ...c, contact_type: e.currentTarget.value })}
                >
                  {CONTACT_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {TYPE_WORDS[t]}
                    </option>
                  ))}
                </select>
              </span>
              <span class="field grow">
                <label for={`${rowId}-person`}>
                  Person<span class="visually-hidden"> for contact {n}</span>
                </label>
                <select
                  id={`${rowId}-person`}
                  value={mode}
                  onChange={(e) => choose(e.currentTarget.value)}
                  aria-invalid={invalid}
                  aria-describedby={describedBy(problemId)}
                >
                  <option value="">Choose…</option>
                  {people.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                  <option value={OTHER}>Another user id…</option>
                  <option value={NEW}>A new person (type the details)</option>
                </select>
              </span>
              {mode === OTHER && (
                <span class="field">
                  <label for={`${rowId}-user`}>
                    User id<span class="visually-hidden"> for contact {n}</span>
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
                Remove<span class="visually-hidden"> contact {n}</span>
              </button>
            </div>
            {mode === NEW && (
              <div class="person-grid">
                {NEW_PERSON.map(([key, words]) => (
                  <span class="field" key={key}>
                    <label for={`${rowId}-${key}`}>
                      {words}
                      <span class="visually-hidden"> of contact {n}</span>
                    </label>
                    <input
                      id={`${rowId}-${key}`}
                      type="text"
                      value={String(c[key] ?? '')}
                      onInput={(e) => put(i, { ...c, [key]: e.currentTarget.value })}
                      aria-invalid={mine.some((p) => p.message.includes(`(${key})`)) || undefined}
                      aria-describedby={describedBy(problemId)}
                    />
                  </span>
                ))}
              </div>
            )}
            {people.unavailable && <p class="hint">The account’s people are unavailable: type a user id.</p>}
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
        Add a contact
      </button>
    </div>
  );
}

const NEW_CONTACT = /^Entry \d+ \((\w+)\): is required for a new contact/;

/** One sentence for a new person's missing details instead of one per detail; entry numbers dropped. */
function inWords(problems: readonly FieldProblem[]): string[] {
  const words = (key: string) =>
    NEW_PERSON.find(([k]) => k === key)?.[1].toLowerCase() ?? key.replace(/_/g, ' ');
  const missing = problems.flatMap((p) => NEW_CONTACT.exec(p.message)?.[1] ?? []).map(words);
  const others = problems
    .filter((p) => !NEW_CONTACT.test(p.message))
    .map((p) =>
      p.message.replace(/^Entry \d+(?: \((\w+)\))?: /, (_, key?: string) => (key ? `${words(key)}: ` : '')),
    );
  const last = missing.pop();
  const list = missing.length > 0 ? `${missing.join(', ')} and ${last}` : last;
  return [
    ...(list ? [`A new person needs ${list}; or choose a user of the account instead.`] : []),
    ...others,
  ];
}
