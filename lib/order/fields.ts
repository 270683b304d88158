import { DEPRECATED_FIELDS } from './deprecated';
import { CONTACT_TYPES, DCV_METHODS, DCV_SCOPES, PAYMENT_METHODS, SIGNATURE_HASHES } from './request-parts';

/**
 * Every field of the order body, in the order in which DigiCert's order page lists them, for a form editor to list and for
 * validation to recognise (unknown-fields.ts). `[]` in a path stands for any entry of an array.
 * A drift test (fields.test.ts) keeps this list and OrderRequestSchema in step.
 */
export { DEPRECATED_FIELDS, type DeprecatedField } from './deprecated';

export type FieldType = 'object' | 'array' | 'string' | 'integer' | 'boolean';
export type FieldPresence = 'required' | 'optional' | 'conditional';
export type FieldFormat =
  | 'host_name'
  | 'email'
  | 'date'
  | 'sha1_hex'
  | 'pem_csr'
  | 'country'
  | 'card_number'
  | 'locale'
  | 'alternative_order_id';

export interface FieldInfo {
  path: string;
  type: FieldType;
  /** Relative to the parent: a required field of an optional object is required only when the object is sent. */
  presence: FieldPresence;
  description: string;
  format?: FieldFormat;
  items?: FieldType | FieldFormat;
  values?: readonly (string | number | boolean)[];
  deprecated?: { replacement: string | null; reason: string };
  /** Only seen in public clients' payloads, not in DigiCert's page. */
  undocumented?: true;
}

type Extra = Omit<FieldInfo, 'path' | 'type' | 'presence' | 'description'>;
const f = (
  path: string,
  type: FieldType,
  presence: FieldPresence,
  description: string,
  extra: Extra = {},
): FieldInfo => {
  const old = DEPRECATED_FIELDS.find((d) => d.path === path);
  const deprecated = old ? { deprecated: { replacement: old.replacement, reason: old.reason } } : {};
  return { path, type, presence, description, ...extra, ...deprecated };
};
const R = 'required';
const O = 'optional';
const C = 'conditional';
const fmt = (format: FieldFormat): Extra => ({ format });
const oneOf = (...values: readonly (string | number | boolean)[]): Extra => ({ values });

const validity = (p: string, what: string, yearsNote: string): FieldInfo[] => [
  f(
    `${p}.years`,
    'integer',
    O,
    `Years the ${what} is valid (${yearsNote}); overridden by days and custom_expiration_date.`,
  ),
  f(`${p}.days`, 'integer', O, `Days the ${what} is valid; overrides years.`),
  f(
    `${p}.custom_expiration_date`,
    'string',
    O,
    `Expiry date of the ${what} (YYYY-MM-DD); overrides days and years.`,
    fmt('date'),
  ),
];
const person = (p: string, who: string): FieldInfo[] => [
  f(p, 'object', O, `${who} for this order, instead of the one assigned to the organization.`),
  f(`${p}.first_name`, 'string', R, 'First name.'),
  f(`${p}.last_name`, 'string', R, 'Last name.'),
  f(`${p}.email`, 'string', R, 'Email address.', fmt('email')),
  f(`${p}.job_title`, 'string', O, 'Job title.'),
  f(`${p}.telephone`, 'string', O, 'Telephone number.'),
  f(`${p}.telephone_extension`, 'string', O, 'Telephone extension.'),
];
const newOrg = 'Required (with the others marked so) when creating a new organization instead of giving id.';

export const ORDER_FIELDS: readonly FieldInfo[] = [
  f('certificate', 'object', R, 'Certificate details.'),
  f('certificate.common_name', 'string', R, 'Domain to be secured.', fmt('host_name')),
  f('certificate.dns_names', 'array', O, 'Additional domains to be secured (may cost extra).', {
    items: 'host_name',
  }),
  f('certificate.csr', 'string', R, 'Certificate signing request, PEM.', fmt('pem_csr')),
  f(
    'certificate.signature_hash',
    'string',
    R,
    'Hash algorithm used to sign the certificate.',
    oneOf(...SIGNATURE_HASHES),
  ),
  f('certificate.organization_units', 'array', O, 'Department names.', {
    items: 'string',
  }),
  f('certificate.server_platform', 'object', O, 'Server platform type.'),
  f(
    'certificate.server_platform.id',
    'integer',
    R,
    'Server platform ID (-1 = other); see GET /product/{name_id}.',
  ),
  f(
    'certificate.cert_validity',
    'object',
    O,
    'Validity of the first certificate; cannot exceed the order validity.',
  ),
  ...validity('certificate.cert_validity', 'certificate', 'at most the public TLS maximum in force'),
  f('certificate.profile_option', 'string', O, 'Custom certificate profile name.'),
  f('certificate.ca_cert_id', 'string', O, 'ID of the issuing intermediate CA certificate.'),
  f(
    'renewed_thumbprint',
    'string',
    C,
    'Renewal: SHA-1 thumbprint of the previous certificate (or renewal_of_order_id).',
    fmt('sha1_hex'),
  ),
  f('order_validity', 'object', R, 'Validity of the order (the Multi-year Plan), up to three years.'),
  ...validity('order_validity', 'order', '1 to 3'),
  f('validity_years', 'integer', O, 'Years the order is valid.'),
  f('custom_expiration_date', 'string', O, 'Expiry date of the order (YYYY-MM-DD).', fmt('date')),
  f('comments', 'string', O, 'Comments for the approver.'),
  f('apply_cr_discount', 'boolean', O, 'Apply a competitive replacement discount.'),
  f(
    'serial_number',
    'string',
    O,
    'Serial number of the non-DigiCert certificate being replaced (for the discount).',
  ),
  f('auto_renew', 'integer', O, 'Renew automatically: 0 or 1 (or a number of renewals).'),
  f('auto_reissue', 'integer', O, 'Reissue automatically within a Multi-year Plan.', oneOf(0, 1)),
  f('custom_renewal_message', 'string', O, 'Message included in renewal notifications.'),
  f('disable_renewal_notifications', 'boolean', O, 'Do not send renewal notification emails.'),
  f('additional_emails', 'array', O, 'More addresses for certificate notification emails.', {
    items: 'email',
  }),
  f('locale', 'string', O, 'Language of the DCV email, e.g. en.', fmt('locale')),
  f('server_licenses', 'integer', O, 'Number of server licenses.'),
  f('renewal_of_order_id', 'integer', C, 'Renewal: ID of the previous order (or renewed_thumbprint).'),
  f('payment_method', 'string', O, 'How the order is paid.', oneOf(...PAYMENT_METHODS)),
  f('credit_card', 'object', C, 'Card charged for the order; required when payment_method is card.'),
  f('credit_card.number', 'string', R, 'Card number.', fmt('card_number')),
  f('credit_card.expiration_month', 'integer', R, 'Expiry month, 1 to 12.'),
  f('credit_card.expiration_year', 'integer', R, 'Expiry year, four digits.'),
  f('credit_card.cvv', 'integer', R, 'Card verification value, three or four digits.'),
  f('credit_card.cardholder_name', 'string', R, "Cardholder's first and last name."),
  f('billing_address', 'object', C, 'Billing address; required when payment_method is card.'),
  f('billing_address.address', 'string', R, 'Street address.'),
  f('billing_address.address2', 'string', O, 'Street address, continued.'),
  f('billing_address.city', 'string', R, 'City.'),
  f('billing_address.state', 'string', C, 'State or province (optional for some countries).'),
  f('billing_address.country', 'string', R, 'Country, two-letter code.', fmt('country')),
  f('billing_address.zip', 'string', C, 'Zip or postal code (optional for some countries).'),
  f('vat_number', 'string', O, 'VAT number.'),
  f(
    'dcv_method',
    'string',
    O,
    'Domain control validation method (http methods cannot validate wildcards).',
    oneOf(...DCV_METHODS),
  ),
  f('skip_approval', 'boolean', O, 'Skip the approval step and submit for validation at once.'),
  f('disable_ct', 'boolean', O, 'Keep the certificate out of CT logs (if the account allows it).'),
  ...person('organization_contact', 'Organization contact'),
  ...person('technical_contact', 'Technical contact'),
  f('organization', 'object', R, 'The organization: an existing one by id, or the details of a new one.'),
  f('organization.id', 'integer', C, 'ID of an existing organization (recommended).'),
  f('organization.name', 'string', C, `Legal name. ${newOrg}`),
  f('organization.assumed_name', 'string', O, 'Public (doing business as) name of a new organization.'),
  f('organization.address', 'string', C, `Street address. ${newOrg}`),
  f('organization.address2', 'string', O, 'Street address, continued.'),
  f('organization.city', 'string', C, `City. ${newOrg}`),
  f('organization.state', 'string', O, 'State or province (needed in some countries).'),
  f('organization.zip', 'string', O, 'Zip or postal code (needed in some countries).'),
  f('organization.country', 'string', C, `Two-letter country code. ${newOrg}`, fmt('country')),
  f('organization.telephone', 'string', C, `Telephone number. ${newOrg}`),
  f(
    'organization.skip_duplicate_org_check',
    'boolean',
    O,
    'Create a new organization even if a matching one exists.',
  ),
  f('organization.contacts', 'array', C, 'Organization contacts; EV needs an ev_approver.', {
    items: 'object',
  }),
  f('organization.contacts[].contact_type', 'string', R, 'Role of the contact.', oneOf(...CONTACT_TYPES)),
  f('organization.contacts[].user_id', 'integer', C, 'Existing user or contact; omit to add a new person.'),
  f('organization.contacts[].first_name', 'string', C, 'First name (new contact).'),
  f('organization.contacts[].last_name', 'string', C, 'Last name (new contact).'),
  f('organization.contacts[].job_title', 'string', C, 'Job title (new contact).'),
  f('organization.contacts[].telephone', 'string', C, 'Telephone number (new contact).'),
  f('organization.contacts[].email', 'string', C, 'Email address (new contact).', fmt('email')),
  f('container', 'object', O, 'Container (division) to place the order under.'),
  f('container.id', 'integer', R, 'Container ID.'),
  f(
    'custom_fields',
    'array',
    C,
    "Account-specific custom fields (required ones depend on the account's settings).",
    { items: 'object' },
  ),
  f('custom_fields[].metadata_id', 'integer', R, 'Custom field ID (GET /account/metadata).'),
  f('custom_fields[].value', 'string', R, 'Value for the custom field.'),
  f(
    'alternative_order_id',
    'string',
    O,
    'Your own ID for the order, up to 64 characters; makes retries safe.',
    fmt('alternative_order_id'),
  ),
  f('enable_guest_access', 'integer', O, 'Enable guest access for the order.', oneOf(0, 1)),
  f('certificate_dcv_scope', 'string', O, 'Scope of domain validation.', oneOf(...DCV_SCOPES)),
  f('disable_issuance_email', 'boolean', O, 'Do not send the issuance email.', { undocumented: true }),
  f('user_id_assignments', 'array', O, 'IDs of users assigned to the order.', {
    items: 'integer',
    undocumented: true,
  }),
  f('csa_agreed_to', 'boolean', O, 'The Certificate Services Agreement was accepted (true/false or 1/0).', {
    undocumented: true,
  }),
];

/** By path, in a Map: a path comes from a template or a form, and `toString` must find nothing. */
const BY_PATH: ReadonlyMap<string, FieldInfo> = new Map(ORDER_FIELDS.map((field) => [field.path, field]));

export function fieldInfo(path: string): FieldInfo | undefined {
  return BY_PATH.get(path);
}
