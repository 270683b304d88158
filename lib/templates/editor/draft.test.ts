import { describe, expect, it } from 'vitest';
import { bodyFromFixed, changeSource, cleanFields, fieldsForProduct } from './draft';

describe('bodyFromFixed', () => {
  it('nests the fixed values and leaves out the others and blank ones', () => {
    const body = bodyFromFixed({
      'certificate.signature_hash': { source: 'fixed', value: 'sha256' },
      'certificate.common_name': { source: 'csr' },
      'order_validity.years': { source: 'asked', default: 1 },
      'organization.id': { source: 'fixed', value: 60001 },
      comments: { source: 'fixed', value: '  ' },
      'certificate.dns_names': { source: 'fixed', value: [] },
    });
    expect(body).toEqual({
      certificate: { signature_hash: 'sha256' },
      order_validity: {},
      organization: { id: 60001 },
    });
  });

  it('does not share objects with the draft', () => {
    const contacts = [{ contact_type: 'ev_approver', user_id: 1 }];
    const body = bodyFromFixed({ 'organization.contacts': { source: 'fixed', value: contacts } });
    expect((body.organization as { contacts: unknown }).contacts).not.toBe(contacts);
  });
});

describe('changeSource', () => {
  it('carries a fixed value into the asked default and back', () => {
    const asked = changeSource('comments', { source: 'fixed', value: 'hi' }, 'asked');
    expect(asked).toEqual({ source: 'asked', default: 'hi' });
    expect(changeSource('comments', asked, 'fixed')).toEqual({ source: 'fixed', value: 'hi' });
  });

  it('starts a fixed field empty by its type', () => {
    expect(changeSource('certificate.dns_names', undefined, 'fixed')).toEqual({ source: 'fixed', value: [] });
    expect(changeSource('skip_approval', undefined, 'fixed')).toEqual({ source: 'fixed', value: false });
    expect(changeSource('comments', undefined, 'fixed')).toEqual({ source: 'fixed', value: '' });
  });

  it('never turns a value into a card default, and "none" leaves the field out', () => {
    expect(changeSource('credit_card.cvv', { source: 'fixed', value: 123 }, 'asked')).toEqual({
      source: 'asked',
    });
    expect(changeSource('comments', { source: 'fixed', value: 'x' }, 'none')).toBeUndefined();
    expect(changeSource('certificate.csr', undefined, 'csr')).toEqual({ source: 'csr' });
  });
});

describe('cleanFields', () => {
  it('trims text, drops blank entries and blank asked extras', () => {
    expect(
      cleanFields({
        comments: { source: 'fixed', value: '  hello ' },
        'certificate.dns_names': { source: 'fixed', value: [' a.example.com ', '', '  '] },
        'organization.contacts': {
          source: 'fixed',
          value: [{ contact_type: 'technical_contact', first_name: ' Ann ', email: '' }],
        },
        locale: { source: 'asked', default: ' ', label: '  ', help: ' Language ' },
      }),
    ).toEqual({
      comments: { source: 'fixed', value: 'hello' },
      'certificate.dns_names': { source: 'fixed', value: ['a.example.com'] },
      'organization.contacts': {
        source: 'fixed',
        value: [{ contact_type: 'technical_contact', first_name: 'Ann' }],
      },
      locale: { source: 'asked', help: 'Language' },
    });
  });
});

describe('fieldsForProduct', () => {
  it('adds an empty contacts list for EV and drops it, still empty, for other products', () => {
    const ov = fieldsForProduct({ 'organization.contacts': { source: 'fixed', value: [] } }, false);
    expect(ov).toEqual({});
    expect(fieldsForProduct(ov, true)).toEqual({ 'organization.contacts': { source: 'fixed', value: [] } });
    const filled = { 'organization.contacts': { source: 'fixed' as const, value: [{ contact_type: 'x' }] } };
    expect(fieldsForProduct(filled, false)).toEqual(filled);
  });
});
