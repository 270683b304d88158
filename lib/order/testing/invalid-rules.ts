import { type Invalid, minimalBody, OV, ovBody, patch } from './bodies';

const card = {
  number: '4111111111111111',
  expiration_month: 12,
  expiration_year: 2030,
  cvv: 123,
  cardholder_name: 'Jane Doe',
};
const address = { address: '1 Main St', city: 'Lehi', country: 'us' };
const withNames = (common_name: string, dns_names?: string[]) =>
  patch(minimalBody(), { certificate: { common_name, dns_names } });

/**
 * Invalid bodies caught by the cross-field rules (payment, renewal, validity, wildcards, organization),
 * plus host-name cases, which are easiest to read next to the wildcard rules.
 */
export const INVALID_BY_RULES: Invalid[] = [
  { name: 'body is not an object', body: 'order', problems: [' invalid_type'] },
  {
    name: 'empty body',
    body: {},
    problems: [
      'certificate required',
      'order_validity required',
      'organization required',
      'organization.contacts ev_approver_missing',
    ],
  },
  {
    name: 'card payment without card or address',
    body: patch(minimalBody(), { payment_method: 'card' }),
    problems: ['billing_address required', 'credit_card required'],
  },
  {
    name: 'card sent with balance payment',
    body: patch(minimalBody(), { payment_method: 'balance', credit_card: card }),
    problems: ['credit_card not_for_this_payment'],
  },
  {
    name: 'billing address without payment method',
    body: patch(minimalBody(), { billing_address: address }),
    problems: ['billing_address not_for_this_payment'],
  },
  {
    name: 'expired card',
    body: patch(minimalBody(), {
      payment_method: 'card',
      credit_card: { ...card, expiration_month: 5, expiration_year: 2026 },
      billing_address: address,
    }),
    problems: ['credit_card.expiration_month card_expired'],
  },
  {
    name: 'card number fails the Luhn check, cvv too long',
    body: patch(minimalBody(), {
      payment_method: 'card',
      credit_card: { ...card, number: '4111111111111112', cvv: 12345 },
      billing_address: address,
    }),
    problems: ['credit_card.cvv too_big', 'credit_card.number invalid_card_number'],
  },
  {
    name: 'renewal naming no previous order',
    body: minimalBody(),
    renewal: true,
    problems: ['renewal_of_order_id renewal_reference_missing'],
  },
  {
    name: 'thumbprint with colons',
    body: patch(minimalBody(), {
      renewed_thumbprint: '7D:23:6B:54:D1:9D:5E:AC:F0:88:1F:AF:24:D5:1D:FE:5D:23:E9:45',
    }),
    renewal: true,
    problems: ['renewed_thumbprint invalid_thumbprint'],
  },
  {
    name: 'renewal order id not positive',
    body: patch(minimalBody(), { renewal_of_order_id: 0 }),
    problems: ['renewal_of_order_id too_small'],
  },
  {
    name: 'order validity missing',
    body: patch(minimalBody(), { order_validity: undefined }),
    problems: ['order_validity required'],
  },
  {
    name: 'order validity empty',
    body: patch(minimalBody(), { order_validity: { years: undefined } }),
    problems: ['order_validity validity_empty'],
  },
  {
    name: 'order of four years',
    body: patch(minimalBody(), { order_validity: { years: 4 } }),
    problems: ['order_validity.years too_big'],
  },
  {
    name: 'order days beyond three years',
    body: patch(minimalBody(), { order_validity: { years: undefined, days: 1097 } }),
    problems: ['order_validity.days beyond_three_years'],
  },
  {
    name: 'order date that does not exist',
    body: patch(minimalBody(), {
      order_validity: { years: undefined, custom_expiration_date: '2027-02-30' },
    }),
    problems: ['order_validity.custom_expiration_date invalid_date'],
  },
  {
    name: 'order date not after today',
    body: patch(minimalBody(), {
      order_validity: { years: undefined, custom_expiration_date: '2026-06-01' },
    }),
    problems: ['order_validity.custom_expiration_date date_not_in_future'],
  },
  {
    name: 'order date beyond three years',
    body: patch(minimalBody(), {
      order_validity: { years: undefined, custom_expiration_date: '2029-06-02' },
    }),
    problems: ['order_validity.custom_expiration_date beyond_three_years'],
  },
  {
    name: 'certificate longer than the order',
    body: patch(minimalBody(), {
      order_validity: { years: undefined, days: 90 },
      certificate: { cert_validity: { days: 120 } },
    }),
    problems: ['certificate.cert_validity.days exceeds_order_validity'],
  },
  {
    name: 'certificate beyond the 199-day maximum',
    body: patch(minimalBody(), { certificate: { cert_validity: { days: 200 } } }),
    problems: ['certificate.cert_validity.days exceeds_maximum_validity'],
  },
  {
    name: 'certificate of one year',
    body: patch(minimalBody(), { certificate: { cert_validity: { years: 1 } } }),
    problems: ['certificate.cert_validity.years exceeds_maximum_validity'],
  },
  {
    name: 'certificate date past both limits',
    body: patch(minimalBody(), {
      order_validity: { years: undefined, days: 100 },
      certificate: { cert_validity: { custom_expiration_date: '2027-01-01' } },
    }),
    problems: [
      'certificate.cert_validity.custom_expiration_date exceeds_maximum_validity',
      'certificate.cert_validity.custom_expiration_date exceeds_order_validity',
    ],
  },
  {
    name: 'empty certificate validity',
    body: patch(minimalBody(), { certificate: { cert_validity: {} } }),
    problems: ['certificate.cert_validity validity_empty'],
  },
  {
    name: 'common name with one label',
    body: withNames('localhost'),
    problems: ['certificate.common_name single_label'],
  },
  {
    name: 'wildcard not leftmost',
    body: withNames('example.com', ['www.example.com', 'a.example.com', '*.a.*.com']),
    problems: ['certificate.dns_names[2] wildcard_not_leftmost'],
  },
  {
    name: 'duplicate dns names in any case',
    body: withNames('example.com', ['www.example.com', 'api.example.com', 'WWW.Example.com']),
    problems: ['certificate.dns_names[2] duplicate'],
  },
  {
    name: 'bad labels',
    body: withNames('-bad.example.com', [
      'a..example.com',
      `${'a'.repeat(64)}.example.com`,
      'under_score.example.com',
      'example.com.',
      '10.0.0.1',
      'w*.example.com',
    ]),
    problems: [
      'certificate.common_name hyphen_at_label_edge',
      'certificate.dns_names[0] empty_label',
      'certificate.dns_names[1] label_too_long',
      'certificate.dns_names[2] invalid_character',
      'certificate.dns_names[3] trailing_dot',
      'certificate.dns_names[4] numeric_tld',
      'certificate.dns_names[5] partial_wildcard',
    ],
  },
  {
    name: 'name longer than 253 characters',
    body: withNames(`${'a23456789.'.repeat(25)}example.com`),
    problems: ['certificate.common_name name_too_long'],
  },
  {
    name: 'http DCV with a wildcard',
    body: patch(withNames('example.com', ['*.example.com']), { dcv_method: 'http-token' }),
    product: OV,
    problems: ['dcv_method wildcard_with_http_dcv'],
  },
  {
    name: 'dynamic http DCV with a wildcard common name',
    body: patch(withNames('*.example.com'), { dcv_method: 'http-token-dynamic' }),
    product: OV,
    problems: ['dcv_method wildcard_with_http_dcv'],
  },
  {
    name: 'wildcard on an EV product',
    body: patch(minimalBody(), { certificate: { dns_names: ['*.example.com'] } }),
    problems: ['certificate.dns_names[0] wildcard_not_allowed'],
  },
  {
    name: 'EV order without an EV approver',
    body: ovBody(),
    product: 'ssl_ev_basic',
    problems: ['organization.contacts ev_approver_missing'],
  },
  {
    name: 'alternative order id of 65 characters',
    body: patch(minimalBody(), { alternative_order_id: 'a'.repeat(65) }),
    problems: ['alternative_order_id too_long'],
  },
  {
    name: 'alternative order id with a space',
    body: patch(minimalBody(), { alternative_order_id: 'order 1' }),
    problems: ['alternative_order_id invalid_character'],
  },
  {
    name: 'organization with neither id nor details',
    body: patch(ovBody(), { organization: { id: undefined, skip_duplicate_org_check: true } }),
    product: OV,
    problems: ['organization id_or_details_required'],
  },
  {
    name: 'organization with id and details',
    body: patch(minimalBody(), { organization: { name: 'Example Ltd', city: 'Lehi' } }),
    problems: ['organization id_and_details'],
  },
  {
    name: 'new organization missing details and its contact',
    body: patch(minimalBody(), {
      organization: { id: undefined, name: 'Example Ltd', address: '1 Main St', country: 'usa' },
    }),
    problems: [
      'organization.city required',
      'organization.contacts organization_contact_missing',
      'organization.country invalid_country',
      'organization.telephone required',
    ],
  },
  {
    name: 'new contact missing job title and email, unknown contact type',
    body: patch(minimalBody(), {
      organization: {
        contacts: [
          { contact_type: 'ev_approver', user_id: 1 },
          { contact_type: 'technical_contact', first_name: 'J', last_name: 'R', telephone: '1' },
          { contact_type: 'billing', user_id: 2 },
        ],
      },
    }),
    problems: [
      'organization.contacts[1].email required',
      'organization.contacts[1].job_title required',
      'organization.contacts[2].contact_type not_allowed',
    ],
  },
];
