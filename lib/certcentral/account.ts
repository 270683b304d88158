// Account custom fields. md "custom fields": `GET /account/metadata` →
// metadata[{id, label, is_required, is_active, data_type}]. Required fields must be sent with orders.
import { z } from 'zod';
import type { Transport } from './transport';

export const CustomFieldSchema = z.looseObject({
  id: z.number(),
  label: z.string(),
  is_required: z.boolean(),
  is_active: z.boolean(),
  data_type: z.string(),
});
export type CustomField = z.infer<typeof CustomFieldSchema>;

// An account without custom fields may answer without `metadata` or with an empty body; both mean none.
export const CustomFieldListSchema = z
  .looseObject({ metadata: z.array(CustomFieldSchema).optional() })
  .optional();

export async function listCustomFields(t: Transport): Promise<CustomField[]> {
  return (await t.get('/account/metadata', CustomFieldListSchema))?.metadata ?? [];
}
