import { describe, expect, it } from 'vitest';
import type { AccountChoices } from '../../messaging';
import {
  type ChoicesState,
  choicesFor,
  contactPeople,
  customFieldChoices,
  knownOrganization,
  needsOrganizationDetails,
} from './choices';

const account: AccountChoices = {
  fetchedAt: '2026-11-29T10:00:00.000Z',
  products: { items: [{ nameId: 'ssl_ev_securesite_pro', name: 'Secure Site Pro EV SSL' }] },
  organizations: {
    items: [
      {
        id: 60001,
        name: 'EV Corp',
        active: true,
        validations: [{ type: 'ev', status: 'active' }],
        evApprovers: [{ id: 100002, name: 'Evan' }],
      },
      { id: 60003, name: 'Old', active: false, evApprovers: [] },
    ],
  },
  containers: { items: [{ id: 50001, name: 'Corp' }] },
  users: { items: [{ id: 100001, name: 'Ada', jobTitle: 'PKI' }] },
  customFields: { error: { title: 'Not allowed for this key.' } },
};
const noKey: ChoicesState = { accountError: { title: 'No API key is saved.', code: 'no_api_key' } };

describe('editor choices', () => {
  it('names the account’s organizations and containers, active ones only, as data not to translate', () => {
    expect(choicesFor('organization.id', { account })?.options).toEqual([
      { value: '60001', label: 'EV Corp (#60001)', data: true },
    ]);
    expect(choicesFor('container.id', { account })?.options).toEqual([
      { value: '50001', label: 'Corp (#50001)', data: true },
    ]);
  });

  it('says why a list is unavailable, so ids can be typed', () => {
    expect(choicesFor('organization.id', noKey)).toEqual({
      options: [],
      unavailable: 'No API key is saved.',
    });
    expect(customFieldChoices({ account })).toEqual({ fields: [], unavailable: 'Not allowed for this key.' });
  });

  it('offers the organization’s EV approvers for an ev_approver, everyone else otherwise', () => {
    expect(contactPeople({ account }, 'ev_approver', 60001).options).toEqual([
      { value: '100002', label: 'Evan (#100002)', data: true },
    ]);
    expect(contactPeople({ account }, 'technical_contact', 60001).options).toEqual([
      { value: '100001', label: 'Ada, PKI (#100001)', data: true },
    ]);
  });

  it('asks for the organization when the list did not carry its EV approvers, and uses its answer', () => {
    const bare: AccountChoices = {
      ...account,
      organizations: { items: [{ id: 60002, name: 'OV Inc', active: true }] },
    };
    expect(needsOrganizationDetails({ account: bare }, 60002)).toBe(true);
    // Until it is known, the account's people are offered rather than nobody.
    expect(contactPeople({ account: bare }, 'ev_approver', 60002).options).toHaveLength(1);
    const organization = {
      id: 60002,
      name: 'OV Inc',
      active: true,
      validations: [],
      evApprovers: [{ id: 7, name: 'Vera' }],
    };
    expect(needsOrganizationDetails({ account: bare, organization }, 60002)).toBe(false);
    expect(contactPeople({ account: bare, organization }, 'ev_approver', 60002).options).toEqual([
      { value: '7', label: 'Vera (#7)', data: true },
    ]);
    expect(knownOrganization({ account: bare, organization }, 60002)?.validations).toEqual([]);
  });

  it('takes validity years and hashes from the product, else from the model', () => {
    const details = {
      nameId: 'ssl_basic',
      name: 'Basic',
      orderValidityYears: [1, 2],
      hashes: [{ id: 'sha256', name: 'SHA-256' }],
      serverPlatforms: [],
      caCerts: [],
    };
    expect(choicesFor('order_validity.years', { details })?.options.map((o) => o.label)).toEqual([
      '1 year',
      '2 years',
    ]);
    expect(choicesFor('certificate.signature_hash', { details })?.options).toEqual([
      { value: 'sha256', label: 'SHA-256', data: true },
    ]);
    expect(choicesFor('certificate.signature_hash', noKey)?.options.map((o) => o.value)).toEqual([
      'sha256',
      'sha384',
      'sha512',
    ]);
    expect(choicesFor('dcv_method', noKey)?.options[1]).toEqual({
      value: 'dns-txt-token',
      label: 'DNS TXT record',
    });
    expect(choicesFor('comments', noKey)).toBeUndefined();
  });
});
