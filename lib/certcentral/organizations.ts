// Organizations. md "organizations": `GET /organization`, `GET /organization/{id}` →
// id, name, display_name, is_active, container, organization_contact, ev_approvers[{id, first_name, last_name}].
// EV orders need an `ev_approver` (md, POST order), hence ev_approvers is typed.
import { z } from 'zod';
import { IdRefSchema, PersonSchema } from './schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

export const EvApproverSchema = z.looseObject({
  id: z.number(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
});
export type EvApprover = z.infer<typeof EvApproverSchema>;

export const OrganizationValidationSchema = z.looseObject({
  type: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  validated_until: z.string().optional(),
});

export const OrganizationSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  status: z.string().optional(),
  assumed_name: z.string().optional(),
  display_name: z.string().optional(),
  is_active: z.boolean().optional(),
  address: z.string().optional(),
  address2: z.string().optional(),
  zip: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
  telephone: z.string().optional(),
  container: IdRefSchema.optional(),
  organization_contact: PersonSchema.optional(),
  ev_approvers: z.array(EvApproverSchema).optional(),
  validations: z.array(OrganizationValidationSchema).optional(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrganizationListSchema = z.looseObject({ organizations: z.array(OrganizationSchema) });

export async function listOrganizations(t: Transport): Promise<Organization[]> {
  return (await t.get('/organization', OrganizationListSchema)).organizations;
}

export function getOrganization(t: Transport, id: number): Promise<Organization> {
  return t.get(`/organization/${segment(id)}`, OrganizationSchema);
}
