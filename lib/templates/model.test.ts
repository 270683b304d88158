import { describe, expect, it } from 'vitest';
import { checkTemplate } from './check';
import type { FieldValue } from './model';
import { looksLikeCardNumber, passesLuhn } from './secrets';
import { evDraft, makeTemplate } from './testing';

const withField = (path: string, value: FieldValue) =>
  makeTemplate({ fields: { ...evDraft().fields, [path]: value } });
const codes = (raw: unknown, mode: 'new' | 'incoming' = 'new') => {
  const r = checkTemplate(raw, mode);
  return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`);
};

describe('template model: sources', () => {
  it('accepts a template with every source', () => {
    const r = checkTemplate(withField('renewal_of_order_id', { source: 'renewal' }), 'new');
    expect(r).toMatchObject({ ok: true, warnings: [] });
  });

  it('refuses a value without a known source, and an asked field carrying a value', () => {
    const guess = checkTemplate(withField('comments', { source: 'guess' } as never), 'new');
    expect(guess.ok ? [] : guess.problems.map((p) => p.message)).toEqual([
      'fields[comments].source: needs a source: "fixed" with a value, "asked" (optionally with default, label, help), "renewal" or "csr".',
    ]);
    const mixed = checkTemplate(withField('comments', { source: 'asked', value: 'x' } as never), 'new');
    expect(mixed.ok ? [] : mixed.problems.map((p) => p.message)).toEqual([
      'fields[comments]: has "value", which a template does not know; remove it.',
    ]);
  });

  it('refuses unknown fields, list entries, groups and an unknown product', () => {
    expect(codes(withField('certificate.commonname', { source: 'asked' }))).toEqual([
      'fields[certificate.commonname] unknown_field',
    ]);
    expect(codes(withField('organization.contacts[].email', { source: 'asked' }))).toEqual([
      'fields[organization.contacts[].email] not_a_value_field',
    ]);
    expect(codes(withField('certificate.server_platform', { source: 'fixed', value: { id: 2 } }))).toEqual([
      'fields[certificate.server_platform] not_a_value_field',
    ]);
    expect(codes(makeTemplate({ product: 'ssl_plus' as never }))).toEqual(['product unknown_product']);
  });

  it('checks a fixed value and a default against the field type and allowed values', () => {
    const r = checkTemplate(withField('order_validity.years', { source: 'asked', default: '2' }), 'new');
    expect(r.ok ? [] : r.problems).toEqual([
      {
        path: 'fields[order_validity.years].default',
        code: 'wrong_type',
        message: 'fields[order_validity.years].default: must be a whole number.',
      },
    ]);
    expect(codes(withField('certificate.signature_hash', { source: 'fixed', value: 'md5' }))).toEqual([
      'fields[certificate.signature_hash].value not_one_of',
    ]);
    expect(codes(withField('additional_emails', { source: 'fixed', value: ['a@example.com', 3] }))).toEqual([
      'fields[additional_emails].value wrong_type',
    ]);
  });

  it('takes only the CSR, its common name and SANs from the CSR', () => {
    expect(codes(withField('organization.name', { source: 'csr' }))).toEqual([
      'fields[organization.name].source csr_source_not_here',
    ]);
  });

  it('refuses alternative_order_id: it is fresh for every order', () => {
    expect(codes(withField('alternative_order_id', { source: 'fixed', value: 'abc' }))).toEqual([
      'fields[alternative_order_id] per_order_field',
    ]);
  });

  it('reports every problem at once', () => {
    const raw = { ...makeTemplate(), name: ' ', createdAt: 'yesterday' };
    expect(codes(raw)).toEqual(['name invalid_shape', 'createdAt invalid_shape']);
  });
});

describe('template model: no secrets, ever', () => {
  it('knows a card number when it sees one', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(looksLikeCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(looksLikeCardNumber('card 5500-0000-0000-0004 please')).toBe(true);
    expect(looksLikeCardNumber(4111111111111111)).toBe(true);
    expect(looksLikeCardNumber('order 123456, org 4111111111111112')).toBe(false);
    expect(looksLikeCardNumber('2025-06-01T10:00:00.000Z')).toBe(false);
    // Ids, thumbprints and serials hold long digit runs that are not cards.
    expect(looksLikeCardNumber('abcdef12-1234-4123-8123-1234abcdef12')).toBe(false);
    expect(looksLikeCardNumber('41111111-1111-1111-abcd-ef0123456789')).toBe(false);
    expect(looksLikeCardNumber('a4111111111111111f0b9c9d3e2d1c0b9a8f7e6d')).toBe(false);
  });

  it('lets card fields only be asked, never fixed or prefilled', () => {
    expect(codes(withField('credit_card.number', { source: 'asked', label: 'Card' }))).toEqual([]);
    expect(codes(withField('credit_card.cvv', { source: 'fixed', value: 123 }))).toEqual([
      'fields[credit_card.cvv].source card_must_be_asked',
    ]);
    expect(codes(withField('credit_card.expiration_year', { source: 'asked', default: 2030 }))).toEqual([
      'fields[credit_card.expiration_year].default card_default',
    ]);
    expect(codes(withField('credit_card.number', { source: 'renewal' }))).toEqual([
      'fields[credit_card.number].source card_must_be_asked',
    ]);
  });

  it('refuses a card number wherever it hides, without repeating it', () => {
    const hidden = makeTemplate({
      description: 'pay with 4111 1111 1111 1111',
      fields: { ...evDraft().fields, comments: { source: 'asked', default: '5500000000000004' } },
    });
    const r = checkTemplate(hidden, 'incoming');
    expect(r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual([
      'description card_number',
      'fields[comments].default card_number',
    ]);
    expect(JSON.stringify(r)).not.toMatch(/4111|5500000000000004/);
  });

  it('refuses an API key or a CVV under any key, even one the template does not know', () => {
    expect(codes({ ...makeTemplate(), api_key: 'ABC' })).toEqual(['api_key secret_field']);
    expect(codes(withField('X-DC-DEVKEY', { source: 'fixed', value: 'ABC' }))).toEqual([
      'fields[X-DC-DEVKEY] secret_field',
    ]);
    const contacts: FieldValue = {
      source: 'fixed',
      value: [{ contact_type: 'ev_approver', user_id: 1, cvv: 123 }],
    };
    expect(codes(withField('organization.contacts', contacts))).toEqual([
      'fields[organization.contacts].value[0].cvv secret_field',
    ]);
  });
});

describe('template model: deprecated fields', () => {
  it('refuses them in a new or edited template, naming the replacement', () => {
    const r = checkTemplate(withField('validity_years', { source: 'fixed', value: 1 }), 'new');
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'fields[validity_years]: is deprecated (replaced by the order_validity object); use order_validity.years instead.',
    ]);
  });

  it('moves an incoming one to its replacement when that is empty, with a warning', () => {
    const { 'order_validity.years': _, ...fields } = evDraft().fields;
    const r = checkTemplate(
      makeTemplate({ fields: { ...fields, validity_years: { source: 'fixed', value: 2 } } }),
      'incoming',
    );
    expect(r.ok && r.template.fields['order_validity.years']).toEqual({ source: 'fixed', value: 2 });
    expect(r.ok && r.template.fields.validity_years).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toEqual(['deprecated_moved']);
  });

  it('drops an incoming one whose replacement is set or that has none, with a warning', () => {
    const fields: Record<string, FieldValue> = {
      ...evDraft().fields,
      validity_years: { source: 'fixed', value: 2 },
      'certificate.organization_units': { source: 'fixed', value: ['IT'] },
    };
    const r = checkTemplate(makeTemplate({ fields }), 'incoming');
    expect(r.ok && r.template.fields['order_validity.years']).toEqual(
      evDraft().fields['order_validity.years'],
    );
    expect(r.warnings.map((w) => `${w.path} ${w.code}`)).toEqual([
      'fields[certificate.organization_units] deprecated_dropped',
      'fields[validity_years] deprecated_dropped',
    ]);
  });
});
