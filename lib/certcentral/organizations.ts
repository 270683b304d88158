// Organizations. docs/certcentral-api.md "organizations": `GET /organization`, `GET /organization/{id}` →
// id, name, display_name, is_active, container, organization_contact, ev_approvers[{id, first_name, last_name}].
// EV orders need an `ev_approver` (order docs), hence ev_approvers is typed. Only `id` is required: a
// real organization list carried `assumed_name: null`, and the whole list must not fail for it.
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { IdRefSchema, listOf, opt, PersonSchema, type ReadList } from './schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

export const EvApproverSchema = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    first_name: opt(z.string()),
    last_name: opt(z.string()),
  }),
);
export type EvApprover = z.infer<typeof EvApproverSchema>;

/** One validation of an organization (recorded organizations.json: ov / ev / cs, active / pending / expired). */
export const OrganizationValidationSchema = lazySchema(() =>
  z.looseObject({
    type: z.string(),
    name: opt(z.string()),
    description: opt(z.string()),
    status: opt(z.string()),
    date_created: opt(z.string()),
    validated_until: opt(z.string()),
    verified_users: listOf(EvApproverSchema),
  }),
);
export type OrganizationValidation = z.infer<typeof OrganizationValidationSchema>;

export const OrganizationSchema = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    name: opt(z.string()),
    status: opt(z.string()),
    assumed_name: opt(z.string()),
    display_name: opt(z.string()),
    is_active: opt(z.boolean()),
    address: opt(z.string()),
    address2: opt(z.string()),
    zip: opt(z.string()),
    city: opt(z.string()),
    state: opt(z.string()),
    country: opt(z.string()),
    telephone: opt(z.string()),
    container: opt(IdRefSchema),
    organization_contact: opt(PersonSchema),
    // Optional lists: "not given" (undefined) differs from "given, empty" for what the editor says.
    ev_approvers: opt(listOf(EvApproverSchema)),
    validations: opt(listOf(OrganizationValidationSchema)),
  }),
);
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrganizationListSchema = lazySchema(() =>
  z.looseObject({ organizations: listOf(OrganizationSchema) }),
);

/**
 * The account's organizations. `include_validation=true` asks for each organization's `validations`
 * (documented for the organization list; docs/certcentral-api.md), which the editor needs to warn
 * about an EV order for an organization without an active EV validation.
 */
export async function listOrganizations(t: Transport): Promise<ReadList<Organization>> {
  return (await t.get('/organization', OrganizationListSchema, { include_validation: 'true' })).organizations;
}

export function getOrganization(t: Transport, id: number): Promise<Organization> {
  return t.get(`/organization/${segment(id)}`, OrganizationSchema);
}

export const OrganizationValidationListSchema = lazySchema(() =>
  z.looseObject({
    validations: listOf(OrganizationValidationSchema),
  }),
);

/**
 * `GET /organization/{id}/validation` (DigiCert "Validation details",
 * dev.digicert.com/services-api/organizations/validation-details/): `{validations: [...]}`, the same
 * items as the list's `include_validation=true`. Asked when the list did not carry them.
 */
export async function listOrganizationValidations(
  t: Transport,
  id: number,
): Promise<ReadList<OrganizationValidation>> {
  return (await t.get(`/organization/${segment(id)}/validation`, OrganizationValidationListSchema))
    .validations;
}
