import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import {
  AlternativeOrderId,
  CardNumber,
  Country,
  Csr,
  DnsNames,
  Email,
  HostName,
  Id,
  IsoDate,
  NonEmpty,
} from './formats';

/** Allowed values DigiCert's order page lost, restored from docs/certcentral-api.md (confidence noted there). */
export const SIGNATURE_HASHES = ['sha256', 'sha384', 'sha512'] as const; // [doc]
export const DCV_METHODS = [
  'email',
  'dns-txt-token',
  'dns-cname-token',
  'http-token',
  'http-token-dynamic',
] as const; // [doc]
/** DCV methods that cannot validate wildcard names [doc]. */
export const HTTP_DCV_METHODS: readonly string[] = ['http-token', 'http-token-dynamic'];
export const DCV_SCOPES = ['base_domain', 'fqdn'] as const; // [client]
export const PAYMENT_METHODS = ['balance', 'card', 'profile'] as const; // balance [doc]; card, profile [client]
export const CONTACT_TYPES = ['ev_approver', 'organization_contact', 'technical_contact'] as const; // [doc]

const opt = z.optional;

/** `order_validity`, `certificate.cert_validity`: custom_expiration_date > days > years (DigiCert's order page). */
export const OrderValidity = lazySchema(() =>
  z.object({
    // 1 to 3: 4- to 6-year Multi-year Plans ended on 31 Oct 2023 (DigiCert's order page warning).
    years: opt(z.int().check(z.gte(1), z.lte(3))),
    days: opt(Id),
    custom_expiration_date: opt(IsoDate),
  }),
);
export const CertValidity = lazySchema(() =>
  z.object({
    years: opt(Id),
    days: opt(Id),
    custom_expiration_date: opt(IsoDate),
  }),
);

export const Certificate = lazySchema(() =>
  z.object({
    common_name: HostName,
    dns_names: opt(DnsNames),
    csr: Csr,
    signature_hash: z.enum(SIGNATURE_HASHES),
    /** Deprecated: ignored for public TLS/SSL requests (DigiCert's order page). */
    organization_units: opt(z.array(z.string())),
    // -1 is "Other" [client]; real platforms have positive ids (GET /product/{name_id}).
    server_platform: opt(z.object({ id: z.int().check(z.gte(-1)) })),
    cert_validity: opt(CertValidity),
    profile_option: opt(NonEmpty),
    ca_cert_id: opt(NonEmpty),
  }),
);

export const CreditCard = lazySchema(() =>
  z.object({
    number: CardNumber,
    expiration_month: z.int().check(z.gte(1), z.lte(12)),
    expiration_year: z.int().check(z.gte(1000), z.lte(9999)),
    // Documented as an integer of three or four digits; a leading zero cannot survive as a JSON number.
    cvv: z.int().check(z.gte(0), z.lte(9999)),
    cardholder_name: NonEmpty,
  }),
);

export const BillingAddress = lazySchema(() =>
  z.object({
    address: NonEmpty,
    address2: opt(z.string()),
    city: NonEmpty,
    state: opt(NonEmpty), // "Optional for some countries": the API decides.
    country: Country,
    zip: opt(NonEmpty), // same
  }),
);

/** Root `organization_contact` / `technical_contact`: a person, not a user id (DigiCert's order page). */
export const OrderContact = lazySchema(() =>
  z.object({
    first_name: NonEmpty,
    last_name: NonEmpty,
    email: Email,
    job_title: opt(z.string()),
    telephone: opt(z.string()),
    telephone_extension: opt(z.string()),
  }),
);

/** `{contact_type, user_id}` or a new person; completeness is checked in rules/organization.ts. */
export const OrganizationContactEntry = lazySchema(() =>
  z.object({
    contact_type: z.enum(CONTACT_TYPES),
    user_id: opt(Id),
    first_name: opt(NonEmpty),
    last_name: opt(NonEmpty),
    job_title: opt(NonEmpty),
    telephone: opt(NonEmpty),
    email: opt(Email),
  }),
);

/** An existing organization by `id`, or the details of a new one (rules/organization.ts). */
export const Organization = lazySchema(() =>
  z.object({
    id: opt(Id),
    name: opt(NonEmpty),
    assumed_name: opt(NonEmpty),
    address: opt(NonEmpty),
    address2: opt(z.string()),
    city: opt(NonEmpty),
    state: opt(NonEmpty),
    zip: opt(NonEmpty),
    country: opt(Country),
    telephone: opt(NonEmpty),
    skip_duplicate_org_check: opt(z.boolean()),
    contacts: opt(z.array(OrganizationContactEntry)),
  }),
);

export const CustomField = lazySchema(() => z.object({ metadata_id: Id, value: z.string() }));

export { AlternativeOrderId };
