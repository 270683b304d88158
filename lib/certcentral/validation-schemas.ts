// The answers of the validation calls (validation.ts), as DigiCert's Services API pages show them
// (docs/certcentral-api.md "Validation follow-through"):
// - GET /order/certificate/{id}/validation: `order_status`, `order_dcv_method`, `order_name_scope`,
//   `organization_validations[{type, status, verified_contacts[{…, status}]}]` (left out for DV orders),
//   `dns_name_validations[{domain_id, name_scope, status, method, dns_names}]`. The page's example sends
//   ids as strings, so ids are read as number or string.
// - PUT …/check-dcv: `{order_status, certificate_id, dcv_status, dns_name_validations[{dns_name, status}]}`.
// - PUT …/dcv-random-value and PUT …/dcv-method: `{dcv_random_value, expiration_date}`; dcv-method
//   answers 204 (no body) for email.
// - PUT /domain/{id}/dcv/validate-token: `{token, status}`.
// Tolerant reading as everywhere, with the shared helpers of schemas.ts (`opt`, `listOf`): only what
// the code acts on is required (a domain's and a contact's `status`, an organization validation's
// `type`, the random value); the rest may be missing or null; unknown fields are kept; one unreadable
// domain entry is set aside, not the answer.
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { listOf, opt, StringListSchema } from './schemas';

/**
 * Number or text: ids come as numbers and, in the validation page's example, as strings; the domain
 * check's `token` is typed int and shown as text.
 */
const NumberOrTextSchema = lazySchema(() => z.union([z.number(), z.string()]));

export const DomainValidationSchema = lazySchema(() =>
  z.looseObject({
    status: z.string(),
    domain_id: opt(NumberOrTextSchema),
    // The older example sends `"name_scope": ""` beside the names: read the names too.
    name_scope: opt(z.string()),
    approval_scope: opt(z.string()),
    method: opt(z.string()),
    dns_names: StringListSchema,
    approval_expiration_date: opt(z.string()),
  }),
);
export type DomainValidation = z.infer<typeof DomainValidationSchema>;

export const VerifiedContactSchema = lazySchema(() =>
  z.looseObject({
    user_id: opt(NumberOrTextSchema),
    name: opt(z.string()),
    first_name: opt(z.string()),
    last_name: opt(z.string()),
    email: opt(z.string()),
    job_title: opt(z.string()),
    telephone: opt(z.string()),
    status: opt(z.string()),
  }),
);
export type VerifiedContact = z.infer<typeof VerifiedContactSchema>;

export const OrderOrganizationValidationSchema = lazySchema(() =>
  z.looseObject({
    type: z.string(),
    name: opt(z.string()),
    description: opt(z.string()),
    date_created: opt(z.string()),
    validated_until: opt(z.string()),
    status: opt(z.string()),
    verified_contacts: listOf(VerifiedContactSchema),
    verification_details: opt(z.looseObject({})),
  }),
);
export type OrderOrganizationValidation = z.infer<typeof OrderOrganizationValidationSchema>;

/** GET /order/certificate/{id}/validation. */
export const OrderValidationSchema = lazySchema(() =>
  z.looseObject({
    order_id: opt(NumberOrTextSchema),
    order_status: opt(z.string()),
    order_name_scope: opt(z.string()),
    order_dcv_method: opt(z.string()),
    organization_id: opt(NumberOrTextSchema),
    organization_name: opt(z.string()),
    organization_validations: listOf(OrderOrganizationValidationSchema),
    dns_name_validations: listOf(DomainValidationSchema),
  }),
);
export type OrderValidation = z.infer<typeof OrderValidationSchema>;

export const DcvCheckItemSchema = lazySchema(() =>
  z.looseObject({ status: z.string(), dns_name: opt(z.string()) }),
);

/** PUT /order/certificate/{id}/check-dcv (200). */
export const DcvCheckSchema = lazySchema(() =>
  z.looseObject({
    order_status: opt(z.string()),
    certificate_id: opt(z.number()),
    dcv_status: opt(z.string()),
    dns_name_validations: listOf(DcvCheckItemSchema),
  }),
);
export type DcvCheck = z.infer<typeof DcvCheckSchema>;

/** PUT …/dcv-random-value, and PUT …/dcv-method for a token method. */
export const DcvRandomValueSchema = lazySchema(() =>
  z.looseObject({
    dcv_random_value: z.string(),
    expiration_date: opt(z.string()),
  }),
);
export type DcvRandomValue = z.infer<typeof DcvRandomValueSchema>;

/** PUT /domain/{id}/dcv/validate-token. The page types `token` as int; its examples show text. */
export const DomainDcvCheckSchema = lazySchema(() =>
  z.looseObject({
    status: z.string(),
    token: opt(NumberOrTextSchema),
  }),
);
export type DomainDcvCheck = z.infer<typeof DomainDcvCheckSchema>;

/**
 * The schemas this module reads answers with, by the call that answers with them, in the form of
 * RESPONSE_SCHEMAS (response-schemas.ts) so the tolerant-reader walk can take them in; every call
 * below reads its answer through this table.
 */
export const VALIDATION_RESPONSE_SCHEMAS = {
  orderValidation: { call: 'GET /order/certificate/{id}/validation', schema: OrderValidationSchema },
  dcvCheck: { call: 'PUT /order/certificate/{id}/check-dcv', schema: DcvCheckSchema },
  dcvRandomValue: { call: 'PUT /order/certificate/{id}/dcv-random-value', schema: DcvRandomValueSchema },
  // 204 (no body) for email, the new value for a token method.
  dcvMethod: {
    call: 'PUT /order/certificate/{id}/dcv-method',
    schema: lazySchema(() => z.optional(DcvRandomValueSchema)),
  },
  domainDcvCheck: { call: 'PUT /domain/{id}/dcv/validate-token', schema: DomainDcvCheckSchema },
} as const satisfies Record<string, { call: string; schema: z.core.$ZodType }>;
