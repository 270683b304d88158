// Products. md "products": `GET /product`, `GET /product/{name_id}` with allowed validity,
// `signature_hash_types{allowed_hash_types[{id,name}], default_hash_type_id}`, `server_platforms`.
// Only `name_id` and `name` are required: the recorded product lacks `allowed_order_validity_years`
// and `allowed_ca_certs` although the md lists them, so every detail field is optional.
import { z } from 'zod';
import { IdNameSchema } from './schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

export const ProductSummarySchema = z.looseObject({
  name_id: z.string(),
  name: z.string(),
  type: z.string().optional(),
  group_name: z.string().optional(),
});
export type ProductSummary = z.infer<typeof ProductSummarySchema>;

/** md: hash types are objects `{"id": "sha256", "name": "SHA-256"}`; a bare "sha256" is accepted too. */
export const HashTypeSchema = z.union([
  z.looseObject({ id: z.string(), name: z.string() }),
  z.string().transform((id) => ({ id, name: id })),
]);
export type HashType = z.infer<typeof HashTypeSchema>;

export const ProductDetailsSchema = ProductSummarySchema.extend({
  allowed_validity_years: z.array(z.number()).optional(),
  allowed_order_validity_years: z.array(z.number()).optional(),
  signature_hash_types: z
    .looseObject({
      allowed_hash_types: z.array(HashTypeSchema),
      default_hash_type_id: z.string().optional(),
    })
    .optional(),
  server_platforms: z.array(IdNameSchema).optional(),
  allowed_ca_certs: z.array(z.looseObject({ id: z.string(), name: z.string().optional() })).optional(),
  csr_required: z.boolean().optional(),
  duplicates_allowed: z.boolean().optional(),
  additional_dns_names_allowed: z.boolean().optional(),
  custom_expiration_date_allowed: z.boolean().optional(),
  allow_auto_renew: z.boolean().optional(),
});
export type ProductDetails = z.infer<typeof ProductDetailsSchema>;

export const ProductListSchema = z.looseObject({ products: z.array(ProductSummarySchema) });

export async function listProducts(t: Transport): Promise<ProductSummary[]> {
  return (await t.get('/product', ProductListSchema)).products;
}

export function getProduct(t: Transport, nameId: string): Promise<ProductDetails> {
  return t.get(`/product/${segment(nameId)}`, ProductDetailsSchema);
}
