import { describe, expect, it } from 'vitest';
import type { ProductNameId } from './products';
import {
  EV,
  fullBody,
  type Json,
  minimalBody,
  OV,
  ovBody,
  pairs,
  patch,
  problemsOf,
  TODAY,
} from './testing/bodies';
import { validateOrderRequest } from './validate';

const newOrg = {
  name: 'Example Ltd',
  address: '1 Main St',
  city: 'Lehi',
  country: 'us',
  telephone: '8015551212',
  contacts: [
    {
      contact_type: 'organization_contact',
      first_name: 'Jane',
      last_name: 'Doe',
      job_title: 'CEO',
      telephone: '8015551212',
      email: 'jane@example.com',
    },
    { contact_type: 'ev_approver', user_id: 42 },
  ],
};

describe('validateOrderRequest: valid bodies', () => {
  it.each<[string, Json, ProductNameId, boolean, string[]]>([
    [
      'minimal EV order',
      minimalBody(),
      EV,
      false,
      ['order_validity cap_decreases', 'order_validity validity_capped'],
    ],
    [
      'full body paid by card',
      fullBody(),
      EV,
      false,
      ['order_validity cap_decreases', 'payment_method card_payment', 'skip_approval skip_approval'],
    ],
    [
      'renewal by order id',
      patch(minimalBody(), { renewal_of_order_id: 542772 }),
      EV,
      true,
      ['order_validity cap_decreases', 'order_validity validity_capped'],
    ],
    [
      'renewal by thumbprint',
      patch(minimalBody(), {
        renewed_thumbprint: '7D236B54D19D5EACF0881FAF24D51DFE5D23E945',
        order_validity: { years: undefined, days: 150 },
      }),
      EV,
      true,
      [],
    ],
    [
      'card payment',
      patch(minimalBody(), {
        payment_method: 'card',
        credit_card: {
          number: '5555555555554444',
          expiration_month: 6,
          expiration_year: 2026,
          cvv: 4321,
          cardholder_name: 'Jane Doe',
        },
        billing_address: { address: '1 Main St', city: 'Dublin', country: 'IE' },
        order_validity: { years: undefined, custom_expiration_date: '2026-12-01' },
      }),
      EV,
      false,
      ['payment_method card_payment'],
    ],
    [
      'three-year plan with a 199-day first certificate',
      patch(minimalBody(), { order_validity: { years: 3 }, certificate: { cert_validity: { days: 199 } } }),
      EV,
      false,
      ['order_validity cap_decreases'],
    ],
    [
      'OV wildcard validated by DNS',
      patch(ovBody(), {
        certificate: { common_name: '*.example.com', dns_names: ['example.com'] },
        dcv_method: 'dns-cname-token',
      }),
      OV,
      false,
      ['order_validity cap_decreases', 'order_validity validity_capped'],
    ],
    [
      'new organization with new contacts',
      patch(minimalBody(), { organization: { ...newOrg, id: undefined } }),
      EV,
      false,
      ['order_validity cap_decreases', 'order_validity validity_capped'],
    ],
    [
      'common name repeated in dns_names, names in upper case',
      patch(minimalBody(), {
        certificate: { common_name: 'Example.COM', dns_names: ['example.com', 'WWW.example.com'] },
      }),
      EV,
      false,
      ['order_validity cap_decreases', 'order_validity validity_capped'],
    ],
    [
      'deprecated fields accepted with warnings',
      patch(minimalBody(), {
        validity_years: 1,
        custom_expiration_date: '2027-01-01',
        certificate: { organization_units: ['IT'] },
      }),
      EV,
      false,
      [
        'certificate.organization_units deprecated_field',
        'custom_expiration_date deprecated_field',
        'order_validity cap_decreases',
        'order_validity validity_capped',
        'validity_years deprecated_field',
      ],
    ],
    [
      'several validity fields: the strongest wins, the others warn',
      patch(minimalBody(), { order_validity: { years: 1, days: 120, custom_expiration_date: '2026-10-01' } }),
      EV,
      false,
      ['order_validity.days validity_overridden', 'order_validity.years validity_overridden'],
    ],
    [
      'unknown field is left out with a warning',
      patch(minimalBody(), { dns_name: ['www.example.com'], order_validity: { years: undefined, days: 30 } }),
      EV,
      false,
      ['dns_name unknown_field'],
    ],
    [
      'order of exactly three years in days, paid from a profile',
      patch(ovBody(), { order_validity: { years: undefined, days: 1096 }, payment_method: 'profile' }),
      OV,
      false,
      ['order_validity cap_decreases', 'order_validity validity_capped'],
    ],
    [
      'order ending exactly three years from today, certificate ending with the order',
      patch(minimalBody(), {
        order_validity: { years: undefined, custom_expiration_date: '2029-06-01' },
        certificate: { cert_validity: { custom_expiration_date: '2026-12-17' } },
      }),
      EV,
      false,
      ['order_validity cap_decreases'],
    ],
  ])('%s', (_name, body, product, renewal, warnings) => {
    const result = validateOrderRequest(body, { product, today: TODAY, renewal });
    expect(problemsOf(result)).toEqual([]);
    expect(pairs(result.warnings)).toEqual(warnings);
  });

  it('returns the parsed request without unknown keys and without deprecated defaults', () => {
    const result = validateOrderRequest(patch(minimalBody(), { typo: 1 }), { product: EV, today: TODAY });
    expect(result.ok && result.request).toEqual(minimalBody());
  });
});
