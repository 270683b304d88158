// Containers (divisions). md: `GET /container`, `GET /container/{id}/children` → id, name, parent_id, is_active.
// The children call is assumed to answer in the same `{containers: [...]}` shape as the list.
import { z } from 'zod';
import type { Transport } from './transport';
import { segment } from './transport-util';

export const ContainerSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  parent_id: z.number().nullable().optional(),
  is_active: z.boolean().optional(),
  public_id: z.string().optional(),
});
export type Container = z.infer<typeof ContainerSchema>;

export const ContainerListSchema = z.looseObject({ containers: z.array(ContainerSchema) });

export async function listContainers(t: Transport): Promise<Container[]> {
  return (await t.get('/container', ContainerListSchema)).containers;
}

export async function listChildContainers(t: Transport, id: number): Promise<Container[]> {
  return (await t.get(`/container/${segment(id)}/children`, ContainerListSchema)).containers;
}
