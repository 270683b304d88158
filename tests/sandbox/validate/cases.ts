// Order bodies the sandbox must refuse, for validate.test.ts: each differs from the valid EV body
// (or, with a product given, from the OV body for ssl_basic) in one way, with the codes expected.

/** Dotted path → new value; `undefined` deletes the field. A string replaces the whole body. */
export type Patch = Record<string, unknown> | string;

export const EV = 'ssl_ev_securesite_pro';
export const REFUSED_BODIES: [string, Patch, string[], string?][] = [
  ['a JSON array instead of an object', '[]', ['bad_request_format']],
  ['text that is not JSON', '{"certificate":', ['bad_request_format']],
  ['no common_name', { 'certificate.common_name': undefined }, ['missing_param:certificate.common_name']],
  [
    'a common_name that is not a host name',
    { 'certificate.common_name': 'exa mple.com' },
    ['invalid_value:certificate.common_name'],
  ],
  [
    'a dns_names entry with an empty label',
    { 'certificate.dns_names': ['ok.example.com', 'bad..example.com'] },
    ['invalid_value:certificate.dns_names'],
  ],
  ['a CSR without PEM armour', { 'certificate.csr': 'MIIBfake' }, ['csr_invalid_cannot_parse']],
  [
    'a CSR with armour but garbage inside',
    { 'certificate.csr': '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----' },
    ['csr_invalid_cannot_parse'],
  ],
  ['no CSR', { 'certificate.csr': undefined }, ['missing_param:certificate.csr']],
  [
    'a hash the product does not allow',
    { 'certificate.signature_hash': 'sha512' },
    ['invalid_value:certificate.signature_hash'],
    'ssl_basic',
  ],
  [
    'an unknown server platform',
    { 'certificate.server_platform': { id: 9999 } },
    ['invalid_value:certificate.server_platform.id'],
  ],
  ['no order_validity', { order_validity: undefined }, ['missing_param:order_validity']],
  ['order_validity of 4 years', { order_validity: { years: 4 } }, ['invalid_value:order_validity.years']],
  [
    'an order expiration date beyond three years',
    { order_validity: { custom_expiration_date: '2029-06-02' } },
    ['invalid_value:order_validity.custom_expiration_date'],
  ],
  [
    'cert validity longer than the order',
    { order_validity: { days: 90 }, 'certificate.cert_validity': { days: 120 } },
    ['cert_validity_exceeds_order_validity'],
  ],
  [
    'cert validity of a year (over the 199-day maximum)',
    { 'certificate.cert_validity': { years: 1 } },
    ['cert_validity_exceeds_max_validity'],
  ],
  [
    'an OV-only organization on an EV product',
    { 'organization.id': 60002 },
    ['invalid_value:organization.id'],
  ],
  [
    'an organization whose EV validation expired',
    { 'organization.id': 60004 },
    ['invalid_value:organization.id'],
  ],
  [
    'an organization whose EV validation is pending',
    { 'organization.id': 60005 },
    ['invalid_value:organization.id'],
  ],
  [
    'a deactivated organization',
    { organization: { id: 60003 } },
    ['invalid_value:organization.id'],
    'ssl_basic',
  ],
  ['no organization', { organization: undefined }, ['missing_param:organization']],
  [
    'no ev_approver on an EV order',
    { 'organization.contacts': [{ contact_type: 'technical_contact', user_id: 100003 }] },
    ['missing_param:organization.contacts.ev_approver'],
  ],
  [
    "an ev_approver who is not one of the organization's",
    { 'organization.contacts': [{ contact_type: 'ev_approver', user_id: 100003 }] },
    ['invalid_value:organization.contacts.user_id'],
  ],
  [
    'a new contact without job_title',
    {
      'organization.contacts': [
        {
          contact_type: 'ev_approver',
          first_name: 'N',
          last_name: 'P',
          telephone: '1',
          email: 'n@example.com',
        },
      ],
    },
    ['missing_param:organization.contacts.job_title'],
  ],
  [
    'a wildcard on an EV product',
    { 'certificate.common_name': '*.example.com', 'certificate.dns_names': undefined },
    ['invalid_value:certificate.common_name'],
  ],
  [
    'a wildcard with http-token DCV',
    {
      'certificate.common_name': '*.example.net',
      'certificate.dns_names': undefined,
      dcv_method: 'http-token',
    },
    ['invalid_value:dcv_method'],
    'ssl_basic',
  ],
  [
    'payment by card without card or address',
    { payment_method: 'card' },
    ['missing_param:credit_card', 'missing_param:billing_address'],
  ],
  [
    'renewal of an order that does not exist',
    { renewal_of_order_id: 123 },
    ['invalid_value:renewal_of_order_id'],
  ],
  ['the required custom field missing', { custom_fields: [] }, ['missing_param:custom_fields']],
  [
    'text in the int custom field',
    {
      custom_fields: [
        { metadata_id: 70001, value: 'CC' },
        { metadata_id: 70002, value: 'abc' },
      ],
    },
    ['invalid_value:custom_fields.value'],
  ],
  ['an unknown container', { container: { id: 999 } }, ['invalid_value:container.id']],
  [
    'an alternative_order_id of 65 characters',
    { alternative_order_id: 'a'.repeat(65) },
    ['invalid_value:alternative_order_id'],
  ],
];
