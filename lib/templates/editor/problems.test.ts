import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../model';
import { evDraft } from '../testing';
import { checkDraft, placeTemplateProblems } from './problems';

const today = new Date('2026-11-29T10:00:00Z');
const withFields = (fields: TemplateDraft['fields']): TemplateDraft => {
  const draft = evDraft();
  return { ...draft, fields: { ...draft.fields, ...fields } };
};

describe('checkDraft', () => {
  it('finds nothing wrong in a complete EV template', () => {
    expect(checkDraft(evDraft(), { today }).count).toBe(0);
  });

  it('places a bad fixed name at its list entry, in words', () => {
    const check = checkDraft(
      withFields({ 'certificate.dns_names': { source: 'fixed', value: ['www.example.com', 'bad..name'] } }),
      { today },
    );
    expect(check.fields['certificate.dns_names']).toEqual([
      {
        field: 'certificate.dns_names',
        index: 1,
        code: 'empty_label',
        words: expect.stringMatching(/^"bad\.\.name"/),
        message: expect.stringMatching(/^Entry 2: "bad\.\.name"/),
      },
    ]);
    expect(check.count).toBe(1);
  });

  it('says which detail of which contact a problem is about, not only in words', () => {
    const contacts: Record<string, string | number>[] = [
      { contact_type: 'ev_approver', user_id: 100002 },
      { contact_type: 'technical_contact', first_name: 'Ada', email: 'not an address' },
    ];
    const check = checkDraft(withFields({ 'organization.contacts': { source: 'fixed', value: contacts } }), {
      today,
    });
    const about = (check.fields['organization.contacts'] ?? []).map(({ index, detail, code }) => ({
      index,
      detail,
      code,
    }));
    expect(about).toEqual(
      expect.arrayContaining([
        { index: 1, detail: 'last_name', code: 'required' },
        { index: 1, detail: 'job_title', code: 'required' },
        { index: 1, detail: 'telephone', code: 'required' },
        { index: 1, detail: 'email', code: 'invalid_email' },
      ]),
    );
    expect(about.filter((p) => p.detail === 'first_name' || p.index === 0)).toEqual([]);
  });

  it('does not blame the template for asked, renewal and CSR values', () => {
    const check = checkDraft(
      withFields({
        'organization.id': { source: 'asked' },
        'organization.contacts': { source: 'renewal' },
        'order_validity.years': { source: 'asked' },
        'certificate.signature_hash': { source: 'asked' },
      }),
      { today },
    );
    expect(check).toEqual({ fields: {}, general: [], count: 0 });
  });

  it('says what every order needs when a required field is left out', () => {
    const { fields } = evDraft();
    const { 'certificate.csr': _csr, 'certificate.signature_hash': _hash, ...rest } = fields;
    const check = checkDraft({ ...evDraft(), fields: rest }, { today });
    expect(Object.keys(check.fields).sort()).toEqual(['certificate.csr', 'certificate.signature_hash']);
    expect(check.fields['certificate.csr']?.[0]?.message).toMatch(/^Every order needs this/);
  });

  it('shows a group problem at its first part: an EV order needs an approver', () => {
    const check = checkDraft(withFields({ 'organization.contacts': { source: 'fixed', value: [] } }), {
      today,
    });
    expect(check.fields['organization.contacts']?.[0]?.message).toMatch(/^Fill in a value/);
    const none = evDraft();
    delete none.fields['organization.contacts'];
    const missing = checkDraft(none, { today });
    expect(missing.fields['organization.contacts']?.[0]?.message).toMatch(/ev_approver/);
  });

  it('says a group’s problem once, in a sentence, and not on top of a blank value', () => {
    const blank = checkDraft(withFields({ 'organization.id': { source: 'fixed', value: '' } }), { today });
    expect(blank.fields['organization.id']?.map((p) => p.message)).toEqual([
      'Fill in a value, or choose “Ask when used” or “Leave out”.',
    ]);
    const none = evDraft();
    delete none.fields['organization.id'];
    const left = checkDraft(none, { today });
    expect(left.fields['organization.id']?.[0]?.message).toMatch(/^The organization needs either id/);
  });

  it('checks the name: given, unique', () => {
    expect(checkDraft({ ...evDraft(), name: ' ' }, { today }).name).toBe('Give the template a name.');
    expect(checkDraft(evDraft('Web'), { today, otherNames: ['WEB'] }).name).toMatch(/already exists/);
  });

  it('asks for the account’s required custom fields', () => {
    const customFields = [
      { id: 70001, label: 'Cost center', required: true, active: true },
      { id: 70003, label: 'Old', required: true, active: false },
    ];
    const check = checkDraft(evDraft(), { today, customFields });
    expect(check.fields.custom_fields?.map((p) => p.message)).toEqual([
      '“Cost center” is required by your account: fill it in, or choose “Ask when used”.',
    ]);
    const filled = withFields({
      custom_fields: { source: 'fixed', value: [{ metadata_id: 70001, value: 'CC-1' }] },
    });
    expect(checkDraft(filled, { today, customFields }).count).toBe(0);
    expect(
      checkDraft(withFields({ custom_fields: { source: 'asked' } }), { today, customFields }).count,
    ).toBe(0);
  });
});

describe('placeTemplateProblems', () => {
  it('puts a refused save’s problems at their fields', () => {
    const check = placeTemplateProblems([
      { path: 'name', code: 'name_taken', message: 'name: "A" already exists; choose another name.' },
      {
        path: 'fields[comments].value',
        code: 'wrong_type',
        message: 'fields[comments].value: must be a text string.',
      },
      { path: '', code: 'not_found', message: 'Gone.' },
    ]);
    expect(check).toEqual({
      name: '"A" already exists; choose another name.',
      fields: { comments: [{ field: 'comments', message: 'must be a text string.' }] },
      general: ['Gone.'],
      count: 3,
    });
  });
});
