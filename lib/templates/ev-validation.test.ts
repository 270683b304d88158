import { describe, expect, it } from 'vitest';
import type { OrganizationView } from '../messaging';
import { describeValidation, evValidationNotice, validationSummary } from './ev-validation';

const NOW = new Date('2026-12-03T10:00:00Z');
const org = (validations?: OrganizationView['validations'], active = true): OrganizationView => ({
  id: 60001,
  name: 'EV Corp',
  active,
  ...(validations ? { validations } : {}),
});

describe('evValidationNotice', () => {
  it('says nothing for an active EV validation, or for a product that is not EV', () => {
    const ready = org([{ type: 'ev', status: 'active', validatedUntil: '2027-05-01T00:00:00+00:00' }]);
    expect(evValidationNotice(ready, true, NOW)).toBeUndefined();
    expect(evValidationNotice(org([]), false, NOW)).toBeUndefined();
  });

  it.each([
    [[], 'has no EV validation. DigiCert would have to validate it for EV first'],
    [[{ type: 'ov', status: 'active' }], 'has no EV validation.'],
    [
      [{ type: 'ev', status: 'expired', validatedUntil: '2026-11-13T00:00:00+00:00' }],
      'EV validation has expired on Nov 13, 2026.',
    ],
    [
      [{ type: 'ev', status: 'active', validatedUntil: '2026-12-01' }],
      'EV validation has expired on Dec 1, 2026.',
    ],
    [
      [{ type: 'ev', status: 'pending', dateCreated: '2026-11-20T08:00:00+00:00' }],
      'EV validation is still pending since Nov 20, 2026.',
    ],
    [[{ type: 'ev', status: 'rejected' }], 'EV validation is “rejected”.'],
  ])('warns for %j', (validations, words) => {
    const notice = evValidationNotice(org(validations), true, NOW);
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain(words);
  });

  it('prefers an active EV validation over an older expired one', () => {
    const both = org([
      { type: 'ev', status: 'expired', validatedUntil: '2025-01-01' },
      { type: 'ev', status: 'active', validatedUntil: '2027-01-01' },
    ]);
    expect(evValidationNotice(both, true, NOW)).toBeUndefined();
  });

  it('says when CertCentral did not give validations, and when the organization is deactivated', () => {
    expect(evValidationNotice(org(undefined), true, NOW)).toMatchObject({ level: 'info' });
    expect(evValidationNotice(org([], false), true, NOW)?.message).toContain('deactivated');
  });
});

describe('validationSummary', () => {
  it('lists every validation in words, and says when there is none', () => {
    const summary = validationSummary(
      org([
        { type: 'ov', status: 'active', validatedUntil: '2027-08-10T00:00:00+00:00' },
        { type: 'ev', status: 'pending' },
      ]),
      NOW,
    );
    expect(summary).toBe('OV active until Aug 10, 2027; EV pending');
    expect(validationSummary(org([]), NOW)).toBe('No validations in CertCentral.');
    expect(validationSummary(org(undefined), NOW)).toBeUndefined();
    expect(describeValidation({ type: 'ev', status: 'active' }, NOW)).toBe('active');
  });
});
