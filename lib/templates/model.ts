/**
 * The order template: a product plus values for any field of the order request body, keyed by the
 * field's JSON path in ORDER_FIELDS (`certificate.signature_hash`, `organization.contacts` as a whole
 * list). Each value says where it comes from when the template is used (its *source*), so renewal and
 * CSR values (later issues) flow through the same mechanism as fixed and asked ones.
 *
 * zod/mini, not zod: this runs in the popup, whose initial JavaScript must stay under 30 KB gzip.
 * The schema checks only the shape; what a field may hold (known path, type, secrets) is check.ts.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { isProductNameId, type ProductNameId } from '../order';

export { TEMPLATE_VERSION } from './version';
export const MAX_NAME_LENGTH = 100;
const MAX_TEXT_LENGTH = 500;

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const name = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_NAME_LENGTH)));
const isoTime = lazySchema(() => z.iso.datetime());

/** Fixed in the template: used as is for every order. */
const fixedSchema = lazySchema(() => z.strictObject({ source: z.literal('fixed'), value: z.json() }));
/** Asked when the template is used; `default` prefills the popup's form. */
const askedSchema = lazySchema(() =>
  z.strictObject({
    source: z.literal('asked'),
    default: z.optional(z.json()),
    label: z.optional(text(80)),
    help: z.optional(text(MAX_TEXT_LENGTH)),
    /** May be left empty: the field is then left out of the body instead of being reported missing. */
    optional: z.optional(z.boolean()),
  }),
);
/** Taken from the order being renewed (confirmed through the API; filled by the renewal issue). */
const renewalSchema = lazySchema(() => z.strictObject({ source: z.literal('renewal') }));
/** Taken from the CSR given when the template is used: its PEM, common name or SANs. */
const csrSchema = lazySchema(() => z.strictObject({ source: z.literal('csr') }));

export const fieldValueSchema = lazySchema(() =>
  z.discriminatedUnion('source', [fixedSchema, askedSchema, renewalSchema, csrSchema]),
);
export type FieldValue = z.infer<typeof fieldValueSchema>;
export type FieldSource = FieldValue['source'];
export type AskedValue = z.infer<typeof askedSchema>;

const productSchema = lazySchema(() => z.custom<ProductNameId>(isProductNameId));

export const templateSchema = lazySchema(() =>
  z.object({
    id: z.uuid(),
    name,
    description: z.optional(text(MAX_TEXT_LENGTH)),
    product: productSchema,
    /** Field path (ORDER_FIELDS) → where its value comes from. */
    fields: z.record(z.string(), fieldValueSchema),
    /**
     * The organization's display name, stored beside organization.id only so that search can find the
     * template by the name a person knows (the id alone means little to them).
     */
    organizationName: z.optional(text(200)),
    createdAt: isoTime,
    updatedAt: isoTime,
    lastUsedAt: z.optional(isoTime),
    useCount: z._default(z.int().check(z.minimum(0)), 0),
  }),
);
export type Template = z.infer<typeof templateSchema>;

/** What a person edits: everything but identity and bookkeeping. */
export type TemplateDraft = Pick<Template, 'name' | 'product' | 'fields'> &
  Partial<Pick<Template, 'description' | 'organizationName'>>;

/** Paths whose value may come from the CSR (its PEM, subject common name, SANs). */
export const CSR_PATHS: readonly string[] = [
  'certificate.csr',
  'certificate.common_name',
  'certificate.dns_names',
];

/** Card fields: only ever asked, never stored (a template can never hold card data). */
export const isCardPath = (path: string): boolean => path.startsWith('credit_card.');

/** Names compare as a person reads them: case, accents and outer spaces do not matter. */
export function sameName(a: string, b: string): boolean {
  return foldText(a.trim()) === foldText(b.trim());
}

export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
