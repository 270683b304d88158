// Products. docs/certcentral-api.md "products": `GET /product`, `GET /product/{name_id}` with allowed
// validity, `signature_hash_types{allowed_hash_types[{id,name}], default_hash_type_id}`, `server_platforms`.
// Only `name_id` is required: the recorded product lacks `allowed_order_validity_years` and
// `allowed_ca_certs` although the docs list them, so every detail field is optional.
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { IdNameSchema, listOf, opt, type ReadList } from './schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

export const ProductSummarySchema = lazySchema(() =>
  z.looseObject({
    name_id: z.string(),
    name: opt(z.string()),
    type: opt(z.string()),
    group_name: opt(z.string()),
  }),
);
export type ProductSummary = z.infer<typeof ProductSummarySchema>;

/** Hash types are objects `{"id": "sha256", "name": "SHA-256"}`; a bare "sha256" is accepted too. */
export const HashTypeSchema = lazySchema(() =>
  z.union([
    z.looseObject({ id: z.string(), name: opt(z.string()) }),
    z.pipe(
      z.string(),
      z.transform((id: string) => ({ id, name: id })),
    ),
  ]),
);
export type HashType = z.infer<typeof HashTypeSchema>;

const numbers = lazySchema(() =>
  opt(
    z.pipe(
      z.array(z.unknown()),
      z.transform((l: unknown[]) => l.filter((v): v is number => typeof v === 'number')),
    ),
  ),
);

export const ProductDetailsSchema = lazySchema(() =>
  z.extend(ProductSummarySchema, {
    allowed_validity_years: numbers,
    allowed_order_validity_years: numbers,
    signature_hash_types: opt(
      z.looseObject({
        allowed_hash_types: listOf(HashTypeSchema),
        default_hash_type_id: opt(z.string()),
      }),
    ),
    server_platforms: listOf(IdNameSchema),
    allowed_ca_certs: listOf(z.looseObject({ id: z.string(), name: opt(z.string()) })),
    csr_required: opt(z.boolean()),
    duplicates_allowed: opt(z.boolean()),
    additional_dns_names_allowed: opt(z.boolean()),
    custom_expiration_date_allowed: opt(z.boolean()),
    allow_auto_renew: opt(z.boolean()),
  }),
);
export type ProductDetails = z.infer<typeof ProductDetailsSchema>;

export const ProductListSchema = lazySchema(() => z.looseObject({ products: listOf(ProductSummarySchema) }));

export async function listProducts(t: Transport): Promise<ReadList<ProductSummary>> {
  return (await t.get('/product', ProductListSchema)).products;
}

export function getProduct(t: Transport, nameId: string): Promise<ProductDetails> {
  return t.get(`/product/${segment(nameId)}`, ProductDetailsSchema);
}
