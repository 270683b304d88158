// Account custom fields. docs/certcentral-api.md "custom fields": `GET /account/metadata` →
// metadata[{id, label, is_required, is_active, data_type}]. Required fields must be sent with orders.
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { listOf, opt, type ReadList } from './schemas';
import type { Transport } from './transport';

export const CustomFieldSchema = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    label: opt(z.string()),
    is_required: opt(z.boolean()),
    is_active: opt(z.boolean()),
    data_type: opt(z.string()),
  }),
);
export type CustomField = z.infer<typeof CustomFieldSchema>;

// An account without custom fields may answer without `metadata` or with an empty body; both mean none.
export const CustomFieldListSchema = lazySchema(() =>
  opt(z.looseObject({ metadata: listOf(CustomFieldSchema) })),
);

export async function listCustomFields(t: Transport): Promise<ReadList<CustomField>> {
  return (await t.get('/account/metadata', CustomFieldListSchema))?.metadata ?? { items: [], unreadable: [] };
}
