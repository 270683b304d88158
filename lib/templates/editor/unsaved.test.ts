import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../model';
import { hasUnsavedChanges } from './unsaved';

const start: TemplateDraft = {
  name: 'Web EV',
  product: 'ssl_ev_securesite_pro',
  description: 'For the shop',
  fields: {
    'organization.id': { source: 'fixed', value: 60001 },
    'certificate.common_name': { source: 'csr' },
    'certificate.dns_names': { source: 'fixed', value: ['a.example.com'] },
  },
};

describe('hasUnsavedChanges', () => {
  it('is false for the draft as it started, whatever the order of its fields', () => {
    const reordered = { ...start, fields: Object.fromEntries(Object.entries(start.fields).reverse()) };
    expect(hasUnsavedChanges(start, structuredClone(start))).toBe(false);
    expect(hasUnsavedChanges(start, reordered)).toBe(false);
  });

  it('sees a changed name, description, product or field', () => {
    expect(hasUnsavedChanges(start, { ...start, name: 'Web EV 2' })).toBe(true);
    expect(hasUnsavedChanges(start, { ...start, description: '' })).toBe(true);
    expect(hasUnsavedChanges(start, { ...start, product: 'ssl_securesite_pro' })).toBe(true);
    expect(
      hasUnsavedChanges(start, { ...start, fields: { ...start.fields, comments: { source: 'asked' } } }),
    ).toBe(true);
    expect(
      hasUnsavedChanges(start, {
        ...start,
        fields: { ...start.fields, 'organization.id': { source: 'fixed', value: 60002 } },
      }),
    ).toBe(true);
  });

  it('ignores what saving would drop: spaces around text and blank list entries', () => {
    const dns = { source: 'fixed' as const, value: ['a.example.com ', ''] };
    expect(
      hasUnsavedChanges(start, {
        ...start,
        name: ' Web EV ',
        description: 'For the shop  ',
        fields: { ...start.fields, 'certificate.dns_names': dns },
      }),
    ).toBe(false);
  });

  it('sees nothing to lose in a new template nobody has touched, and something once it has a name', () => {
    const fresh: TemplateDraft = { name: '', product: 'ssl_ev_securesite_pro', fields: {} };
    expect(hasUnsavedChanges(fresh, { ...fresh, name: '  ' })).toBe(false);
    expect(hasUnsavedChanges(fresh, { ...fresh, name: 'EV' })).toBe(true);
  });
});
