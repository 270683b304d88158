/**
 * The fields the template editor offers, in the words a person uses, and which sources make sense
 * for each. Offered: every value field of ORDER_FIELDS except deprecated ones ("deprecated
 * fields are not offered"), list entries (`[]`: the whole list is edited), groups (`object`: their
 * parts are edited) and alternative_order_id (fresh for every order; checkTemplate refuses it).
 */
import { type FieldInfo, ORDER_FIELDS } from '../order';
import { CSR_PATHS, type FieldSource, isCardPath } from './model';

export const EDITABLE_FIELDS: readonly FieldInfo[] = ORDER_FIELDS.filter(
  (f) => !f.deprecated && !f.path.includes('[]') && f.type !== 'object' && f.path !== 'alternative_order_id',
);

export const editableField = (path: string): FieldInfo | undefined =>
  EDITABLE_FIELDS.find((f) => f.path === path);

const LABELS: Record<string, string> = {
  'certificate.common_name': 'Common name',
  'certificate.dns_names': 'Other names (SANs)',
  'certificate.csr': 'CSR',
  'certificate.signature_hash': 'Signature hash',
  'certificate.server_platform.id': 'Server platform',
  'certificate.cert_validity.years': 'Certificate validity (years)',
  'certificate.cert_validity.days': 'Certificate validity (days)',
  'certificate.cert_validity.custom_expiration_date': 'Certificate expiry date',
  'certificate.profile_option': 'Certificate profile option',
  'certificate.ca_cert_id': 'Issuing CA certificate',
  renewed_thumbprint: 'Thumbprint of the renewed certificate',
  'order_validity.years': 'Order validity (years)',
  'order_validity.days': 'Order validity (days)',
  'order_validity.custom_expiration_date': 'Order end date',
  comments: 'Comments for the approver',
  apply_cr_discount: 'Competitive replacement discount',
  serial_number: 'Serial number of the replaced certificate',
  auto_renew: 'Automatic renewal',
  auto_reissue: 'Automatic reissue',
  custom_renewal_message: 'Renewal message',
  disable_renewal_notifications: 'No renewal notifications',
  additional_emails: 'More notification emails',
  locale: 'DCV email language',
  server_licenses: 'Server licenses',
  renewal_of_order_id: 'Renewed order number',
  payment_method: 'Payment method',
  vat_number: 'VAT number',
  dcv_method: 'DCV method',
  skip_approval: 'Skip approval',
  disable_ct: 'Keep out of CT logs',
  'organization.id': 'Organization',
  'organization.skip_duplicate_org_check': 'Create even if a matching organization exists',
  'organization.contacts': 'Organization contacts',
  'container.id': 'Container',
  custom_fields: 'Custom fields',
  enable_guest_access: 'Guest access',
  certificate_dcv_scope: 'DCV scope',
  disable_issuance_email: 'No issuance email',
  user_id_assignments: 'Users assigned to the order',
  csa_agreed_to: 'Certificate Services Agreement accepted',
};

const PREFIXES: Record<string, string> = {
  credit_card: 'Card',
  billing_address: 'Billing',
  organization_contact: 'Organization contact',
  technical_contact: 'Technical contact',
  organization: 'New organization',
};

const LEAVES: Record<string, string> = {
  number: 'number',
  expiration_month: 'expiry month',
  expiration_year: 'expiry year',
  cvv: 'CVV',
  cardholder_name: 'cardholder name',
  address2: 'address, continued',
  zip: 'zip or postal code',
  assumed_name: 'public (DBA) name',
  telephone_extension: 'telephone extension',
};

/** `technical_contact.first_name` → "Technical contact: first name". */
export function fieldLabel(path: string): string {
  const known = LABELS[path];
  if (known) return known;
  const dot = path.lastIndexOf('.');
  const leaf = path.slice(dot + 1);
  const words = LEAVES[leaf] ?? leaf.replace(/_/g, ' ');
  const prefix = PREFIXES[path.slice(0, dot)];
  return prefix ? `${prefix}: ${words}` : words.charAt(0).toUpperCase() + words.slice(1);
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

export const SOURCE_WORDS: Record<FieldSource, string> = {
  fixed: 'Fixed',
  asked: 'Ask when used',
  renewal: 'From the renewed order',
  csr: 'From the CSR',
};

/** Needed in every order: the field and every group above it are required. */
export function alwaysRequired(path: string): boolean {
  const parts = path.split('.');
  return parts.every((_, i) => {
    const info = ORDER_FIELDS.find((f) => f.path === parts.slice(0, i + 1).join('.'));
    return info?.presence === 'required';
  });
}
