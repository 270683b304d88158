/**
 * The public TLS products ordered with the same body as Secure Site Pro EV SSL
 * (POST /services/v2/order/certificate/{name_id}; docs/certcentral-api.md "The same body serves the other
 * public TLS products"). Validation code reads these flags; it never branches on a product's name.
 * A product's live limits (hashes, server platforms) come from GET /product/{name_id} and may be narrower.
 */

export type ValidationLevel = 'ev' | 'ov' | 'dv';
export type SignatureHash = 'sha256' | 'sha384' | 'sha512';

export interface ProductInfo {
  readonly nameId: string;
  /** Display name (CertCentral wording where we have it; see the report for assumed names). */
  readonly name: string;
  readonly validation: ValidationLevel;
  /** EV orders need an `ev_approver` in organization.contacts (docs/certcentral-api.md, contacts). */
  readonly needsEvApprover: boolean;
  /** EV certificates may not contain wildcard names (CA/Browser Forum EV Guidelines). */
  readonly allowsWildcards: boolean;
  /** Longest Multi-year Plan (DigiCert's order page: 4- to 6-year plans ended 31 Oct 2023). */
  readonly maxOrderYears: number;
  readonly signatureHashes: readonly SignatureHash[];
}

const ALL_HASHES: readonly SignatureHash[] = ['sha256', 'sha384', 'sha512'];

const ev = { validation: 'ev', needsEvApprover: true, allowsWildcards: false } as const;
const ov = { validation: 'ov', needsEvApprover: false, allowsWildcards: true } as const;
const common = { maxOrderYears: 3, signatureHashes: ALL_HASHES } as const;

export const PRODUCTS = [
  { nameId: 'ssl_ev_securesite_pro', name: 'Secure Site Pro EV SSL', ...ev, ...common },
  { nameId: 'ssl_basic', name: 'Basic OV SSL', ...ov, ...common },
  { nameId: 'ssl_ev_basic', name: 'Basic EV SSL', ...ev, ...common },
  { nameId: 'ssl_securesite_flex', name: 'Secure Site OV SSL (Flex)', ...ov, ...common },
  { nameId: 'ssl_ev_securesite_flex', name: 'Secure Site EV SSL (Flex)', ...ev, ...common },
  { nameId: 'ssl_securesite_pro', name: 'Secure Site Pro SSL', ...ov, ...common },
] as const satisfies readonly ProductInfo[];

export type ProductNameId = (typeof PRODUCTS)[number]['nameId'];

export const PRODUCT_NAME_IDS: readonly ProductNameId[] = PRODUCTS.map((p) => p.nameId);

export function isProductNameId(value: unknown): value is ProductNameId {
  return typeof value === 'string' && (PRODUCT_NAME_IDS as readonly string[]).includes(value);
}

/** The product's row, or undefined for a name this table does not know. */
export function getProduct(nameId: string): ProductInfo | undefined {
  return PRODUCTS.find((p) => p.nameId === nameId);
}
