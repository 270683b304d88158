import { type Invalid, minimalBody, patch } from './bodies';

/** Invalid bodies caught by the schema: one field's type, allowed values or format. */
export const INVALID_BY_FIELDS: Invalid[] = [
  {
    name: 'SHA-1 signature',
    body: patch(minimalBody(), { certificate: { signature_hash: 'sha1' } }),
    problems: ['certificate.signature_hash not_allowed'],
  },
  {
    name: 'unknown DCV method and scope',
    body: patch(minimalBody(), { dcv_method: 'dns', certificate_dcv_scope: 'domain' }),
    problems: ['certificate_dcv_scope not_allowed', 'dcv_method not_allowed'],
  },
  {
    name: 'unknown payment method',
    body: patch(minimalBody(), { payment_method: 'paypal' }),
    problems: ['payment_method not_allowed'],
  },
  {
    name: 'auto renew negative, auto reissue 2',
    body: patch(minimalBody(), { auto_renew: -1, auto_reissue: 2 }),
    problems: ['auto_renew too_small', 'auto_reissue not_allowed'],
  },
  {
    name: 'notification email malformed',
    body: patch(minimalBody(), { additional_emails: ['pki@example.com', 'pki.example.com'] }),
    problems: ['additional_emails[1] invalid_email'],
  },
  {
    name: 'custom field with bad id and a number value',
    body: patch(minimalBody(), { custom_fields: [{ metadata_id: 0, value: 5 }] }),
    problems: ['custom_fields[0].metadata_id too_small', 'custom_fields[0].value invalid_type'],
  },
  {
    name: 'CSR without PEM armour',
    body: patch(minimalBody(), { certificate: { csr: 'MIICvDCCAaQCAQAw' } }),
    problems: ['certificate.csr invalid_csr'],
  },
  {
    name: 'CSR missing',
    body: patch(minimalBody(), { certificate: { csr: undefined } }),
    problems: ['certificate.csr required'],
  },
  {
    name: 'booleans as text, ids as text',
    body: patch(minimalBody(), { skip_approval: 'yes', container: { id: '5' } }),
    problems: ['container.id invalid_type', 'skip_approval invalid_type'],
  },
  {
    name: 'contact entry that is not an object',
    body: patch(minimalBody(), {
      organization: { contacts: [{ contact_type: 'ev_approver', user_id: 1 }, 'bob'] },
    }),
    problems: ['organization.contacts[1] invalid_type'],
  },
  {
    name: 'root contact without email',
    body: patch(minimalBody(), { technical_contact: { first_name: 'J', last_name: 'R' } }),
    problems: ['technical_contact.email required'],
  },
  {
    name: 'empty common name',
    body: patch(minimalBody(), { certificate: { common_name: '' } }),
    problems: ['certificate.common_name empty'],
  },
  {
    name: 'deprecated validity_years out of range',
    body: patch(minimalBody(), { validity_years: 6 }),
    problems: ['validity_years too_big'],
  },
];
