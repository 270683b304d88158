// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChoicesState } from '@/lib/templates/editor/choices';
import { checkDraft, type FieldProblem } from '@/lib/templates/editor/problems';
import { evDraft } from '@/lib/templates/testing';
import { ContactsInput } from './ContactsInput';

afterEach(cleanup);

const today = new Date('2026-11-29T10:00:00Z');
const choices: ChoicesState = {};
const newPerson = { contact_type: 'technical_contact', first_name: 'Ada', email: 'not an address' };

function show(contacts: object[], problems: readonly FieldProblem[]) {
  render(
    <ContactsInput
      id="contacts"
      value={contacts}
      onChange={() => {}}
      problems={problems}
      choices={choices}
      organizationId={60001}
      needsEvApprover={false}
    />,
  );
  return [...document.querySelectorAll('#contacts-0-problem li')].map((li) => li.textContent);
}

const invalid = (name: string) =>
  screen.getByRole('textbox', { name: `${name} of contact 1` }).getAttribute('aria-invalid');

describe('ContactsInput', () => {
  it('words a new person’s missing details as one sentence, other problems by their detail', () => {
    const draft = evDraft();
    const check = checkDraft(
      {
        ...draft,
        fields: { ...draft.fields, 'organization.contacts': { source: 'fixed', value: [newPerson] } },
      },
      { today },
    );
    const problems = check.fields['organization.contacts'] ?? [];
    expect(show([newPerson], problems)).toEqual([
      'A new person needs last name, job title, and telephone; or choose a user of the account instead.',
      expect.stringMatching(/^email: /),
    ]);
    expect(invalid('Last name')).toBe('true');
    expect(invalid('Email')).toBe('true');
    expect(invalid('First name')).toBeNull();
  });

  it('groups by each problem’s detail and code, whatever language its words are in', () => {
    const problems: FieldProblem[] = [
      {
        field: 'organization.contacts',
        index: 0,
        detail: 'last_name',
        code: 'required',
        words: 'fehlt',
        message: 'Eintrag 1 (last_name): fehlt',
      },
      {
        field: 'organization.contacts',
        index: 0,
        detail: 'telephone',
        code: 'required',
        words: 'fehlt',
        message: 'Eintrag 1 (telephone): fehlt',
      },
      {
        field: 'organization.contacts',
        index: 0,
        detail: 'email',
        code: 'invalid_email',
        words: 'ungültig',
        message: 'Eintrag 1 (email): ungültig',
      },
      {
        field: 'organization.contacts',
        index: 0,
        code: 'not_allowed',
        words: 'zu viel',
        message: 'Eintrag 1: zu viel',
      },
    ];
    expect(show([newPerson], problems)).toEqual([
      'A new person needs last name and telephone; or choose a user of the account instead.',
      'email: ungültig',
      'zu viel',
    ]);
    expect(invalid('Telephone')).toBe('true');
    expect(invalid('Job title')).toBeNull();
  });
});
