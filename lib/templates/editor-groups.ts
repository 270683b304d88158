/**
 * The editor's sections, in the order a person thinks about an order. Parts marked
 * `more` are folded away until needed: a new organization's details, one-off contacts, card billing.
 * editor-groups.test.ts keeps this and EDITABLE_FIELDS in step: every field exactly once.
 */
export interface EditorPart {
  /** Heading of a folded part; the first part of a group has none. */
  title?: string;
  more?: boolean;
  paths: readonly string[];
}

export interface EditorGroup {
  id: string;
  title: string;
  hint: string;
  parts: readonly EditorPart[];
}

const person = (p: string) =>
  ['first_name', 'last_name', 'email', 'job_title', 'telephone', 'telephone_extension'].map(
    (k) => `${p}.${k}`,
  );

export const EDITOR_GROUPS: readonly EditorGroup[] = [
  {
    id: 'product',
    title: 'Product & validity',
    hint: 'What is ordered, for how long, and how it is signed.',
    parts: [
      { paths: ['order_validity.years', 'certificate.signature_hash'] },
      {
        title: 'Exact lengths and dates',
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
    title: 'Names & CSR',
    hint: 'The domains the certificate secures and the signing request.',
    parts: [{ paths: ['certificate.common_name', 'certificate.dns_names', 'certificate.csr'] }],
  },
  {
    id: 'organization',
    title: 'Organization & contacts',
    hint: 'Who the certificate is for, who approves it, and where the order is kept.',
    parts: [
      { paths: ['organization.id', 'organization.contacts', 'container.id', 'user_id_assignments'] },
      {
        title: 'A new organization instead of an existing one',
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
        title: 'Organization contact for this order only',
        more: true,
        paths: person('organization_contact'),
      },
      { title: 'Technical contact for this order only', more: true, paths: person('technical_contact') },
    ],
  },
  {
    id: 'validation',
    title: 'Validation',
    hint: 'How DigiCert checks that you control the domains.',
    parts: [{ paths: ['dcv_method', 'certificate_dcv_scope', 'locale'] }],
  },
  {
    id: 'payment',
    title: 'Payment & approval',
    hint: 'How the order is paid and whether it waits for approval.',
    parts: [
      { paths: ['payment_method', 'skip_approval', 'csa_agreed_to', 'vat_number'] },
      {
        title: 'Card and billing address (asked when used)',
        more: true,
        paths: [
          'credit_card.number',
          'credit_card.expiration_month',
          'credit_card.expiration_year',
          'credit_card.cvv',
          'credit_card.cardholder_name',
          'billing_address.address',
          'billing_address.address2',
          'billing_address.city',
          'billing_address.state',
          'billing_address.zip',
          'billing_address.country',
        ],
      },
      { title: 'Competitive replacement', more: true, paths: ['apply_cr_discount', 'serial_number'] },
    ],
  },
  {
    id: 'renewal',
    title: 'Renewal & notifications',
    hint: 'What happens when the certificate nears its end, and who hears about it.',
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
    title: 'Custom fields & comments',
    hint: 'Your account’s own fields, and a note for the approver.',
    parts: [{ paths: ['custom_fields', 'comments'] }],
  },
  {
    id: 'advanced',
    title: 'Advanced',
    hint: 'Rarely changed: issuing CA, profile, CT logging, platform, licenses, guest access.',
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
