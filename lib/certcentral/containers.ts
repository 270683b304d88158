// Containers (divisions). docs/certcentral-api.md: `GET /container`, `GET /container/{id}/children` →
// id, name, parent_id, is_active. The children call is assumed to answer in the same
// `{containers: [...]}` shape as the list (unconfirmed).
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { listOf, opt, type ReadList } from './schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

export const ContainerSchema = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    name: opt(z.string()),
    // The recorded top container has `parent_id: 0`; others send null.
    parent_id: opt(z.number()),
    is_active: opt(z.boolean()),
    public_id: opt(z.string()),
  }),
);
export type Container = z.infer<typeof ContainerSchema>;

export const ContainerListSchema = lazySchema(() => z.looseObject({ containers: listOf(ContainerSchema) }));

export async function listContainers(t: Transport): Promise<ReadList<Container>> {
  return (await t.get('/container', ContainerListSchema)).containers;
}

export async function listChildContainers(t: Transport, id: number): Promise<ReadList<Container>> {
  return (await t.get(`/container/${segment(id)}/children`, ContainerListSchema)).containers;
}
