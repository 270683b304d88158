import type { MessageKey } from '../i18n';
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
  /** What the field is, in a person's words: its message in the catalogue (lib/i18n). */
  description: MessageKey;
  format?: FieldFormat;
  items?: FieldType | FieldFormat;
  values?: readonly (string | number | boolean)[];
  deprecated?: { replacement: string | null; reason: MessageKey };
  /** Only seen in public clients' payloads, not in DigiCert's page. */
  undocumented?: true;
}

type Extra = Omit<FieldInfo, 'path' | 'type' | 'presence' | 'description'>;
const f = (
  path: string,
  type: FieldType,
  presence: FieldPresence,
  description: MessageKey,
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

/** years, days and custom_expiration_date of a validity object, with the help of each. */
const validity = (p: string, help: readonly [MessageKey, MessageKey, MessageKey]): FieldInfo[] => [
  f(`${p}.years`, 'integer', O, help[0]),
  f(`${p}.days`, 'integer', O, help[1]),
  f(`${p}.custom_expiration_date`, 'string', O, help[2], fmt('date')),
];
const person = (p: string, help: MessageKey): FieldInfo[] => [
  f(p, 'object', O, help),
  f(`${p}.first_name`, 'string', R, 'editor_help_person_first_name'),
  f(`${p}.last_name`, 'string', R, 'editor_help_person_last_name'),
  f(`${p}.email`, 'string', R, 'editor_help_person_email', fmt('email')),
  f(`${p}.job_title`, 'string', O, 'editor_help_person_job_title'),
  f(`${p}.telephone`, 'string', O, 'editor_help_person_telephone'),
  f(`${p}.telephone_extension`, 'string', O, 'editor_help_person_telephone_extension'),
];

export const ORDER_FIELDS: readonly FieldInfo[] = [
  f('certificate', 'object', R, 'editor_help_certificate'),
  f('certificate.common_name', 'string', R, 'editor_help_certificate_common_name', fmt('host_name')),
  f('certificate.dns_names', 'array', O, 'editor_help_certificate_dns_names', {
    items: 'host_name',
  }),
  f('certificate.csr', 'string', R, 'editor_help_certificate_csr', fmt('pem_csr')),
  f(
    'certificate.signature_hash',
    'string',
    R,
    'editor_help_certificate_signature_hash',
    oneOf(...SIGNATURE_HASHES),
  ),
  f('certificate.organization_units', 'array', O, 'editor_help_certificate_organization_units', {
    items: 'string',
  }),
  f('certificate.server_platform', 'object', O, 'editor_help_certificate_server_platform'),
  f('certificate.server_platform.id', 'integer', R, 'editor_help_certificate_server_platform_id'),
  f('certificate.cert_validity', 'object', O, 'editor_help_certificate_cert_validity'),
  ...validity('certificate.cert_validity', [
    'editor_help_certificate_cert_validity_years',
    'editor_help_certificate_cert_validity_days',
    'editor_help_certificate_cert_validity_custom_expiration_date',
  ]),
  f('certificate.profile_option', 'string', O, 'editor_help_certificate_profile_option'),
  f('certificate.ca_cert_id', 'string', O, 'editor_help_certificate_ca_cert_id'),
  f('renewed_thumbprint', 'string', C, 'editor_help_renewed_thumbprint', fmt('sha1_hex')),
  f('order_validity', 'object', R, 'editor_help_order_validity'),
  ...validity('order_validity', [
    'editor_help_order_validity_years',
    'editor_help_order_validity_days',
    'editor_help_order_validity_custom_expiration_date',
  ]),
  f('validity_years', 'integer', O, 'editor_help_validity_years'),
  f('custom_expiration_date', 'string', O, 'editor_help_custom_expiration_date', fmt('date')),
  f('comments', 'string', O, 'editor_help_comments'),
  f('apply_cr_discount', 'boolean', O, 'editor_help_apply_cr_discount'),
  f('serial_number', 'string', O, 'editor_help_serial_number'),
  f('auto_renew', 'integer', O, 'editor_help_auto_renew'),
  f('auto_reissue', 'integer', O, 'editor_help_auto_reissue', oneOf(0, 1)),
  f('custom_renewal_message', 'string', O, 'editor_help_custom_renewal_message'),
  f('disable_renewal_notifications', 'boolean', O, 'editor_help_disable_renewal_notifications'),
  f('additional_emails', 'array', O, 'editor_help_additional_emails', {
    items: 'email',
  }),
  f('locale', 'string', O, 'editor_help_locale', fmt('locale')),
  f('server_licenses', 'integer', O, 'editor_help_server_licenses'),
  f('renewal_of_order_id', 'integer', C, 'editor_help_renewal_of_order_id'),
  f('payment_method', 'string', O, 'editor_help_payment_method', oneOf(...PAYMENT_METHODS)),
  f('credit_card', 'object', C, 'editor_help_credit_card'),
  f('credit_card.number', 'string', R, 'editor_help_credit_card_number', fmt('card_number')),
  f('credit_card.expiration_month', 'integer', R, 'editor_help_credit_card_expiration_month'),
  f('credit_card.expiration_year', 'integer', R, 'editor_help_credit_card_expiration_year'),
  f('credit_card.cvv', 'integer', R, 'editor_help_credit_card_cvv'),
  f('credit_card.cardholder_name', 'string', R, 'editor_help_credit_card_cardholder_name'),
  f('billing_address', 'object', C, 'editor_help_billing_address'),
  f('billing_address.address', 'string', R, 'editor_help_billing_address_address'),
  f('billing_address.address2', 'string', O, 'editor_help_billing_address_address2'),
  f('billing_address.city', 'string', R, 'editor_help_billing_address_city'),
  f('billing_address.state', 'string', C, 'editor_help_billing_address_state'),
  f('billing_address.country', 'string', R, 'editor_help_billing_address_country', fmt('country')),
  f('billing_address.zip', 'string', C, 'editor_help_billing_address_zip'),
  f('vat_number', 'string', O, 'editor_help_vat_number'),
  f('dcv_method', 'string', O, 'editor_help_dcv_method', oneOf(...DCV_METHODS)),
  f('skip_approval', 'boolean', O, 'editor_help_skip_approval'),
  f('disable_ct', 'boolean', O, 'editor_help_disable_ct'),
  ...person('organization_contact', 'editor_help_organization_contact'),
  ...person('technical_contact', 'editor_help_technical_contact'),
  f('organization', 'object', R, 'editor_help_organization'),
  f('organization.id', 'integer', C, 'editor_help_organization_id'),
  f('organization.name', 'string', C, 'editor_help_organization_name'),
  f('organization.assumed_name', 'string', O, 'editor_help_organization_assumed_name'),
  f('organization.address', 'string', C, 'editor_help_organization_address'),
  f('organization.address2', 'string', O, 'editor_help_organization_address2'),
  f('organization.city', 'string', C, 'editor_help_organization_city'),
  f('organization.state', 'string', O, 'editor_help_organization_state'),
  f('organization.zip', 'string', O, 'editor_help_organization_zip'),
  f('organization.country', 'string', C, 'editor_help_organization_country', fmt('country')),
  f('organization.telephone', 'string', C, 'editor_help_organization_telephone'),
  f(
    'organization.skip_duplicate_org_check',
    'boolean',
    O,
    'editor_help_organization_skip_duplicate_org_check',
  ),
  f('organization.contacts', 'array', C, 'editor_help_organization_contacts', {
    items: 'object',
  }),
  f(
    'organization.contacts[].contact_type',
    'string',
    R,
    'editor_help_organization_contacts_contact_type',
    oneOf(...CONTACT_TYPES),
  ),
  f('organization.contacts[].user_id', 'integer', C, 'editor_help_organization_contacts_user_id'),
  f('organization.contacts[].first_name', 'string', C, 'editor_help_organization_contacts_first_name'),
  f('organization.contacts[].last_name', 'string', C, 'editor_help_organization_contacts_last_name'),
  f('organization.contacts[].job_title', 'string', C, 'editor_help_organization_contacts_job_title'),
  f('organization.contacts[].telephone', 'string', C, 'editor_help_organization_contacts_telephone'),
  f('organization.contacts[].email', 'string', C, 'editor_help_organization_contacts_email', fmt('email')),
  f('container', 'object', O, 'editor_help_container'),
  f('container.id', 'integer', R, 'editor_help_container_id'),
  f('custom_fields', 'array', C, 'editor_help_custom_fields', { items: 'object' }),
  f('custom_fields[].metadata_id', 'integer', R, 'editor_help_custom_fields_metadata_id'),
  f('custom_fields[].value', 'string', R, 'editor_help_custom_fields_value'),
  f('alternative_order_id', 'string', O, 'editor_help_alternative_order_id', fmt('alternative_order_id')),
  f('enable_guest_access', 'integer', O, 'editor_help_enable_guest_access', oneOf(0, 1)),
  f('certificate_dcv_scope', 'string', O, 'editor_help_certificate_dcv_scope', oneOf(...DCV_SCOPES)),
  f('disable_issuance_email', 'boolean', O, 'editor_help_disable_issuance_email', { undocumented: true }),
  f('user_id_assignments', 'array', O, 'editor_help_user_id_assignments', {
    items: 'integer',
    undocumented: true,
  }),
  f('csa_agreed_to', 'boolean', O, 'editor_help_csa_agreed_to', {
    undocumented: true,
  }),
];

/** By path, in a Map: a path comes from a template or a form, and `toString` must find nothing. */
const BY_PATH: ReadonlyMap<string, FieldInfo> = new Map(ORDER_FIELDS.map((field) => [field.path, field]));

export function fieldInfo(path: string): FieldInfo | undefined {
  return BY_PATH.get(path);
}
