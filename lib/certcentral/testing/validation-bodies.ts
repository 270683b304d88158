// Answers of the validation calls (lib/certcentral/validation.ts) as DigiCert's Services API pages show
// them, and harsher variants the client must read as well. No public client was found with recorded
// answers of these calls, so the documented examples are the only real shapes; the values in them
// (ids, random values, dates) are the pages' own or stand-ins where the page elides them.

/**
 * What the two "validation status" pages' examples share: the order and organization, the OV
 * validation and the one domain entry (each page then sets its own status, scope and names).
 */
const EXAMPLE_ORDER = {
  order_id: '112211',
  organization_id: '12345',
  organization_name: 'Example Organization',
};
const EXAMPLE_OV = {
  type: 'ov',
  name: 'OV',
  description: 'Normal Organization Validation',
  date_created: '2018-04-25T21:52:33+00:00',
  validated_until: '2019-04-25T21:52:33+00:00',
};
const EXAMPLE_DOMAIN = {
  domain_id: '1234',
  approval_scope: 'subdomains',
  status: 'approved',
  method: 'email',
  approval_expiration_date: '2020-09-11T16:27:39+00:00',
};

/**
 * "Order validation status", https://dev.digicert.com/en/certcentral-apis/services-api/orders/validation-status.html
 * (200 example): ids as strings, `order_name_scope`, `order_dcv_method`, verification_details.
 */
export const DOC_ORDER_VALIDATION = {
  ...EXAMPLE_ORDER,
  order_status: 'pending',
  order_name_scope: 'base_domain',
  order_dcv_method: 'email',
  organization_validations: [
    {
      ...EXAMPLE_OV,
      status: 'pending',
      verification_details: {
        organization_type: 'pending',
        organization_status: 'pending',
        address_verification: 'pending',
        blacklist_fraud: 'pending',
        request_authenticity: 'pending',
      },
    },
  ],
  dns_name_validations: [
    { ...EXAMPLE_DOMAIN, name_scope: 'example.com', dns_names: ['sub.example.com', 'www.example.com'] },
  ],
};

/**
 * The older "Validation status" page, https://dev.digicert.com/services-api/orders/validation-status/
 * (200 example): an issued order, status `complete`, `name_scope` sent as an empty string.
 */
export const DOC_ORDER_VALIDATION_OLDER = {
  ...EXAMPLE_ORDER,
  order_status: 'issued',
  organization_validations: [{ ...EXAMPLE_OV, status: 'complete' }],
  dns_name_validations: [{ ...EXAMPLE_DOMAIN, name_scope: '', dns_names: ['sub.example.com'] }],
};

/** "Check order DCV", https://dev.digicert.com/en/certcentral-apis/services-api/orders/dv-ssl--check-dcv.html (all domains found). */
export const DOC_CHECK_DCV = {
  order_status: 'issued',
  certificate_id: 249043544,
  dcv_status: 'valid',
  dns_name_validations: [
    { dns_name: 'example.com', status: 'approved' },
    { dns_name: 'example.org', status: 'approved' },
  ],
};

/** The older "DV SSL: Check DCV" page, https://dev.digicert.com/services-api/orders/dv-ssl-check-dcv/: no list. */
export const DOC_CHECK_DCV_OLDER = { order_status: 'pending', certificate_id: 123456, dcv_status: 'valid' };

/** An error answer as the "Check DCV" pages show it: one error, its code and message. */
const oneError = (code: string, message: string) => ({ errors: [{ code, message }] });

/** Both "Check DCV" pages: http-token value not found. */
export const DOC_CHECK_DCV_HTTP_NOT_FOUND = oneError(
  'file_random_value_not_found',
  'Could not find the random value at the expected file location for one or more domains.',
);

/** The older "DV SSL: Check DCV" page: dns-txt-token record not found. */
export const DOC_CHECK_DCV_TXT_NOT_FOUND = oneError(
  'invalid_dns_txt',
  'Could not find a valid TXT record for one or more domains.',
);

/**
 * "Get order DCV random value", https://dev.digicert.com/en/certcentral-apis/services-api/orders/dv-ssl--generate-dcv-token.html
 * (fields `dcv_random_value`, `expiration_date` "YYYY-MM-DDTHH:MM:SSZ"; the value is a stand-in).
 */
export const DOC_RANDOM_VALUE = {
  dcv_random_value: '4kcb2n0v3bbh5ctr9l3q9w1tzqd7dp6y',
  expiration_date: '2026-07-01T12:00:00Z',
};

/** "Check domain DCV", https://dev.digicert.com/en/certcentral-apis/services-api/domains/ov-ev-ssl--check-dcv.html (fields `token`, `status`; values are stand-ins). */
export const DOC_DOMAIN_CHECK = { token: 'abc123xyz789', status: 'active' };

/**
 * Harsher than any page shows: nulls for every optional field, a method name the extension does not
 * know, one domain entry without a status (unreadable) between good ones, a contact list of null.
 */
export const HARSH_ORDER_VALIDATION = {
  order_id: 10001001,
  order_status: 'pending',
  order_name_scope: null,
  order_dcv_method: 'dns-caa-token',
  organization_id: null,
  organization_name: null,
  organization_validations: [
    {
      type: 'ev',
      name: null,
      description: null,
      date_created: null,
      validated_until: null,
      status: 'pending',
      verified_contacts: [
        {
          user_id: '0',
          name: 'Evan Approver',
          email: 'evan@example.com',
          status: 'pending',
          job_title: null,
        },
        'not a contact',
      ],
      verification_details: null,
      a_field_added_later: { nested: true },
    },
    { name: 'no type' },
  ],
  dns_name_validations: [
    { domain_id: 40001001, name_scope: 'a.example.com', status: 'pending', method: null, dns_names: null },
    { domain_id: 40001002, name_scope: 'b.example.com', method: 'dns-txt-token' },
    {
      domain_id: '40001003',
      name_scope: null,
      status: 'pending',
      method: 'dns-caa-token',
      dns_names: ['c.example.com', 7],
      approval_expiration_date: null,
    },
    { domain_id: 40001004, name_scope: 'd.example.com', status: 'approved', method: 'http-token' },
  ],
};
