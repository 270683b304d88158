/**
 * The editor's sections, in the order a person thinks about an order. Parts marked
 * `more` are folded away until needed: a new organization's details, one-off contacts, card billing.
 * editor-groups.test.ts keeps this and EDITABLE_FIELDS in step: every field exactly once.
 */
import type { MessageKey } from '../../i18n';

export interface EditorPart {
  /** Heading of a folded part; the first part of a group has none. */
  title?: MessageKey;
  more?: boolean;
  paths: readonly string[];
}

export interface EditorGroup {
  id: string;
  title: MessageKey;
  hint: MessageKey;
  parts: readonly EditorPart[];
}

const person = (p: string) =>
  ['first_name', 'last_name', 'email', 'job_title', 'telephone', 'telephone_extension'].map(
    (k) => `${p}.${k}`,
  );

export const EDITOR_GROUPS: readonly EditorGroup[] = [
  {
    id: 'product',
    title: 'editor_group_product',
    hint: 'editor_group_product_hint',
    parts: [
      { paths: ['order_validity.years', 'certificate.signature_hash'] },
      {
        title: 'editor_part_exact_lengths',
        more: true,
        paths: [
          'order_validity.days',
          'order_validity.custom_expiration_date',
          'certificate.cert_validity.years',
          'certificate.cert_validity.days',
          'certificate.cert_validity.custom_expiration_date',
        ],
      },
    ],
  },
  {
    id: 'names',
    title: 'editor_group_names',
    hint: 'editor_group_names_hint',
    parts: [{ paths: ['certificate.common_name', 'certificate.dns_names', 'certificate.csr'] }],
  },
  {
    id: 'organization',
    title: 'editor_group_organization',
    hint: 'editor_group_organization_hint',
    parts: [
      { paths: ['organization.id', 'organization.contacts', 'container.id', 'user_id_assignments'] },
      {
        title: 'editor_part_new_organization',
        more: true,
        paths: [
          'organization.name',
          'organization.assumed_name',
          'organization.address',
          'organization.address2',
          'organization.city',
          'organization.state',
          'organization.zip',
          'organization.country',
          'organization.telephone',
          'organization.skip_duplicate_org_check',
        ],
      },
      {
        title: 'editor_part_organization_contact',
        more: true,
        paths: person('organization_contact'),
      },
      { title: 'editor_part_technical_contact', more: true, paths: person('technical_contact') },
    ],
  },
  {
    id: 'validation',
    title: 'editor_group_validation',
    hint: 'editor_group_validation_hint',
    parts: [{ paths: ['dcv_method', 'certificate_dcv_scope', 'locale'] }],
  },
  {
    id: 'payment',
    title: 'editor_group_payment',
    hint: 'editor_group_payment_hint',
    parts: [
      { paths: ['payment_method', 'skip_approval', 'csa_agreed_to', 'vat_number'] },
      {
        title: 'editor_part_card',
        more: true,
        paths: [
          'credit_card.number',
          'credit_card.expiration_month',
          'credit_card.expiration_year',
          'credit_card.cvv',
          'credit_card.cardholder_name',
        ],
      },
      {
        title: 'editor_part_billing',
        more: true,
        paths: [
          'billing_address.address',
          'billing_address.address2',
          'billing_address.city',
          'billing_address.state',
          'billing_address.zip',
          'billing_address.country',
        ],
      },
      { title: 'editor_part_competitive', more: true, paths: ['apply_cr_discount', 'serial_number'] },
    ],
  },
  {
    id: 'renewal',
    title: 'editor_group_renewal',
    hint: 'editor_group_renewal_hint',
    parts: [
      {
        paths: [
          'renewal_of_order_id',
          'renewed_thumbprint',
          'auto_renew',
          'auto_reissue',
          'custom_renewal_message',
          'disable_renewal_notifications',
          'additional_emails',
          'disable_issuance_email',
        ],
      },
    ],
  },
  {
    id: 'custom',
    title: 'editor_group_custom',
    hint: 'editor_group_custom_hint',
    parts: [{ paths: ['custom_fields', 'comments'] }],
  },
  {
    id: 'advanced',
    title: 'editor_group_advanced',
    hint: 'editor_group_advanced_hint',
    parts: [
      {
        paths: [
          'certificate.ca_cert_id',
          'certificate.profile_option',
          'disable_ct',
          'certificate.server_platform.id',
          'server_licenses',
          'enable_guest_access',
        ],
      },
    ],
  },
];

export const groupPaths = (group: EditorGroup): string[] => group.parts.flatMap((p) => [...p.paths]);
