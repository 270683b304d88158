/**
 * The fields the template editor offers, in the words a person uses, and which sources make sense
 * for each. Offered: every value field of ORDER_FIELDS except deprecated ones ("deprecated
 * fields are not offered"), list entries (`[]`: the whole list is edited), groups (`object`: their
 * parts are edited) and alternative_order_id (fresh for every order; checkTemplate refuses it).
 */
import { type MessageKey, t } from '../../i18n';
import { type FieldInfo, ORDER_FIELDS } from '../../order';
import { CSR_PATHS, type FieldSource, isCardPath } from '../model';

export const EDITABLE_FIELDS: readonly FieldInfo[] = ORDER_FIELDS.filter(
  (f) => !f.deprecated && !f.path.includes('[]') && f.type !== 'object' && f.path !== 'alternative_order_id',
);

export const editableField = (path: string): FieldInfo | undefined =>
  EDITABLE_FIELDS.find((f) => f.path === path);

/** Every editable field by its name in the editor and the popup; EDITABLE_FIELDS all have one. */
const LABELS: Record<string, MessageKey> = {
  'certificate.common_name': 'editor_label_certificate_common_name',
  'certificate.dns_names': 'editor_label_certificate_dns_names',
  'certificate.csr': 'editor_label_certificate_csr',
  'certificate.signature_hash': 'editor_label_certificate_signature_hash',
  'certificate.server_platform.id': 'editor_label_certificate_server_platform_id',
  'certificate.cert_validity.years': 'editor_label_certificate_cert_validity_years',
  'certificate.cert_validity.days': 'editor_label_certificate_cert_validity_days',
  'certificate.cert_validity.custom_expiration_date':
    'editor_label_certificate_cert_validity_custom_expiration_date',
  'certificate.profile_option': 'editor_label_certificate_profile_option',
  'certificate.ca_cert_id': 'editor_label_certificate_ca_cert_id',
  renewed_thumbprint: 'editor_label_renewed_thumbprint',
  'order_validity.years': 'editor_label_order_validity_years',
  'order_validity.days': 'editor_label_order_validity_days',
  'order_validity.custom_expiration_date': 'editor_label_order_validity_custom_expiration_date',
  comments: 'editor_label_comments',
  apply_cr_discount: 'editor_label_apply_cr_discount',
  serial_number: 'editor_label_serial_number',
  auto_renew: 'editor_label_auto_renew',
  auto_reissue: 'editor_label_auto_reissue',
  custom_renewal_message: 'editor_label_custom_renewal_message',
  disable_renewal_notifications: 'editor_label_disable_renewal_notifications',
  additional_emails: 'editor_label_additional_emails',
  locale: 'editor_label_locale',
  server_licenses: 'editor_label_server_licenses',
  renewal_of_order_id: 'editor_label_renewal_of_order_id',
  payment_method: 'editor_label_payment_method',
  'credit_card.number': 'editor_label_credit_card_number',
  'credit_card.expiration_month': 'editor_label_credit_card_expiration_month',
  'credit_card.expiration_year': 'editor_label_credit_card_expiration_year',
  'credit_card.cvv': 'editor_label_credit_card_cvv',
  'credit_card.cardholder_name': 'editor_label_credit_card_cardholder_name',
  'billing_address.address': 'editor_label_billing_address_address',
  'billing_address.address2': 'editor_label_billing_address_address2',
  'billing_address.city': 'editor_label_billing_address_city',
  'billing_address.state': 'editor_label_billing_address_state',
  'billing_address.country': 'editor_label_billing_address_country',
  'billing_address.zip': 'editor_label_billing_address_zip',
  vat_number: 'editor_label_vat_number',
  dcv_method: 'editor_label_dcv_method',
  skip_approval: 'editor_label_skip_approval',
  disable_ct: 'editor_label_disable_ct',
  'organization_contact.first_name': 'editor_label_organization_contact_first_name',
  'organization_contact.last_name': 'editor_label_organization_contact_last_name',
  'organization_contact.email': 'editor_label_organization_contact_email',
  'organization_contact.job_title': 'editor_label_organization_contact_job_title',
  'organization_contact.telephone': 'editor_label_organization_contact_telephone',
  'organization_contact.telephone_extension': 'editor_label_organization_contact_telephone_extension',
  'technical_contact.first_name': 'editor_label_technical_contact_first_name',
  'technical_contact.last_name': 'editor_label_technical_contact_last_name',
  'technical_contact.email': 'editor_label_technical_contact_email',
  'technical_contact.job_title': 'editor_label_technical_contact_job_title',
  'technical_contact.telephone': 'editor_label_technical_contact_telephone',
  'technical_contact.telephone_extension': 'editor_label_technical_contact_telephone_extension',
  'organization.id': 'editor_label_organization_id',
  'organization.name': 'editor_label_organization_name',
  'organization.assumed_name': 'editor_label_organization_assumed_name',
  'organization.address': 'editor_label_organization_address',
  'organization.address2': 'editor_label_organization_address2',
  'organization.city': 'editor_label_organization_city',
  'organization.state': 'editor_label_organization_state',
  'organization.zip': 'editor_label_organization_zip',
  'organization.country': 'editor_label_organization_country',
  'organization.telephone': 'editor_label_organization_telephone',
  'organization.skip_duplicate_org_check': 'editor_label_organization_skip_duplicate_org_check',
  'organization.contacts': 'editor_label_organization_contacts',
  'container.id': 'editor_label_container_id',
  custom_fields: 'editor_label_custom_fields',
  enable_guest_access: 'editor_label_enable_guest_access',
  certificate_dcv_scope: 'editor_label_certificate_dcv_scope',
  disable_issuance_email: 'editor_label_disable_issuance_email',
  user_id_assignments: 'editor_label_user_id_assignments',
  csa_agreed_to: 'editor_label_csa_agreed_to',
};

/** "Technical contact: first name": the field's name in the user's language (its path when unknown). */
export function fieldLabel(path: string): string {
  const known = LABELS[path];
  return known ? t(known) : path;
}

/** Fields a renewal can copy from the order it renews (the renewal issue fills them). */
const FROM_RENEWAL = new Set([
  'certificate.common_name',
  'certificate.dns_names',
  'certificate.signature_hash',
  'certificate.server_platform.id',
  'order_validity.years',
  'organization.id',
  'organization.contacts',
  'container.id',
  'custom_fields',
  'dcv_method',
  'renewal_of_order_id',
  'renewed_thumbprint',
]);
/** Only known at use: a template can never fix which order or certificate is being renewed. */
const NEVER_FIXED = new Set(['renewal_of_order_id', 'renewed_thumbprint']);

/** The sources offered for a field, in the order the source choice lists them. */
export function sourcesFor(path: string): FieldSource[] {
  if (isCardPath(path)) return ['asked'];
  const out: FieldSource[] = NEVER_FIXED.has(path) ? [] : ['fixed'];
  out.push('asked');
  if (FROM_RENEWAL.has(path)) out.push('renewal');
  if (CSR_PATHS.includes(path)) out.push('csr');
  return out;
}

export const SOURCE_WORDS: Record<FieldSource, MessageKey> = {
  fixed: 'editor_source_fixed',
  asked: 'editor_source_asked',
  renewal: 'editor_source_renewal',
  csr: 'editor_source_csr',
};

/** Needed in every order: the field and every group above it are required. */
export function alwaysRequired(path: string): boolean {
  const parts = path.split('.');
  return parts.every((_, i) => {
    const info = ORDER_FIELDS.find((f) => f.path === parts.slice(0, i + 1).join('.'));
    return info?.presence === 'required';
  });
}
