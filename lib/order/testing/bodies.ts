import type { ProductNameId } from '../products';
import type { ValidationResult } from '../validate';

/**
 * Test data for lib/order tests only (imported by *.test.ts, never by product code).
 * Bodies are plain JSON as a caller would send them; `patch` edits a copy for one test case.
 */

export type Json = Record<string, unknown>;

/** Only the PEM armour is checked here, so a placeholder body is enough. */
export const CSR =
  '-----BEGIN CERTIFICATE REQUEST-----\nMIICvDCCAaQCAQAwdzELMAkGA1UEBhMCVVM=\n-----END CERTIFICATE REQUEST-----\n';

/** A day well inside the 199-day era (2026-02-24 .. 2027-03-14). */
export const TODAY = new Date('2026-06-01T15:30:00Z');

/** The least an EV order needs: certificate, order validity, an existing organization with an EV approver. */
export function minimalBody(): Json {
  return {
    certificate: { common_name: 'example.com', csr: CSR, signature_hash: 'sha256' },
    order_validity: { years: 1 },
    organization: { id: 117483, contacts: [{ contact_type: 'ev_approver', user_id: 153208 }] },
  };
}

/** Every documented, non-deprecated field, paid by card. */
export function fullBody(): Json {
  return {
    certificate: {
      common_name: 'example.com',
      dns_names: ['example.com', 'www.example.com', 'shop.example.com'],
      csr: CSR,
      signature_hash: 'sha384',
      server_platform: { id: 45 },
      cert_validity: { days: 199 },
      profile_option: 'default_profile',
      ca_cert_id: 'f7slk4shv9s2wr3',
    },
    order_validity: { years: 2 },
    comments: 'Ordered by the CertCentral Companion',
    apply_cr_discount: false,
    serial_number: '0669D46CAE79EF684A69777490602485',
    auto_renew: 1,
    auto_reissue: 1,
    custom_renewal_message: 'Renew before the launch.',
    disable_renewal_notifications: false,
    additional_emails: ['pki@example.com', 'ops@example.com'],
    locale: 'en',
    server_licenses: 1,
    payment_method: 'card',
    credit_card: {
      number: '4111111111111111',
      expiration_month: 12,
      expiration_year: 2030,
      cvv: 123,
      cardholder_name: 'Jane Doe',
    },
    billing_address: {
      address: '2801 N Thanksgiving Way',
      address2: 'Suite 500',
      city: 'Lehi',
      state: 'Utah',
      country: 'us',
      zip: '84043',
    },
    vat_number: 'DE123456789',
    dcv_method: 'dns-txt-token',
    skip_approval: true,
    disable_ct: false,
    organization_contact: {
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'jane@example.com',
      job_title: 'CISO',
      telephone: '8015551212',
      telephone_extension: '12',
    },
    technical_contact: {
      first_name: 'John',
      last_name: 'Roe',
      email: 'john@example.com',
      job_title: 'Admin',
      telephone: '8015551213',
    },
    organization: {
      id: 117483,
      skip_duplicate_org_check: false,
      contacts: [
        { contact_type: 'ev_approver', user_id: 153208 },
        {
          contact_type: 'technical_contact',
          first_name: 'John',
          last_name: 'Roe',
          job_title: 'Admin',
          telephone: '8015551213',
          email: 'john@example.com',
        },
      ],
    },
    container: { id: 5 },
    custom_fields: [{ metadata_id: 12, value: 'CC-1234' }],
    alternative_order_id: '3f2b8c1e-6d4a-4b8e-9c71-0a5e2d9f4b13',
    enable_guest_access: 0,
    certificate_dcv_scope: 'base_domain',
    disable_issuance_email: false,
    user_id_assignments: [153208],
    csa_agreed_to: true,
  };
}

/**
 * A deep merge for test cases: objects merge, anything else (arrays included) replaces,
 * and `undefined` deletes the key.
 */
export function patch(base: Json, changes: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = out[key];
    if (value === undefined) delete out[key];
    else if (isJson(value) && isJson(current)) out[key] = patch(current, value);
    else out[key] = value;
  }
  return out;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const EV: ProductNameId = 'ssl_ev_securesite_pro';
export const OV: ProductNameId = 'ssl_securesite_pro';

/** `path code` pairs, sorted, so a test states exactly what is reported and nothing else. */
export const pairs = (list: { path: string; code: string }[]) =>
  list.map((p) => `${p.path} ${p.code}`).sort();
export const problemsOf = (r: ValidationResult) => (r.ok ? [] : pairs(r.problems));

/** An OV body: no EV approver. */
export const ovBody = () => patch(minimalBody(), { organization: { contacts: undefined } });

/** One invalid body and exactly the `path code` pairs it must produce. */
export interface Invalid {
  name: string;
  body: unknown;
  product?: ProductNameId;
  renewal?: boolean;
  problems: string[];
}
