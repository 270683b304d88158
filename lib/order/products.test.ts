import { describe, expect, it } from 'vitest';
import { getProduct, isProductNameId, PRODUCT_NAME_IDS, PRODUCTS } from './products';

describe('products', () => {
  it('starts with Secure Site Pro EV SSL and lists the documented public TLS products', () => {
    expect(PRODUCT_NAME_IDS).toEqual([
      'ssl_ev_securesite_pro',
      'ssl_basic',
      'ssl_ev_basic',
      'ssl_securesite_flex',
      'ssl_ev_securesite_flex',
      'ssl_securesite_pro',
    ]);
  });

  it.each(PRODUCTS.map((p) => [p.nameId, p] as const))(
    '%s: EV needs an approver and allows no wildcard',
    (_id, p) => {
      expect(p.needsEvApprover).toBe(p.validation === 'ev');
      expect(p.allowsWildcards).toBe(p.validation !== 'ev');
      expect(p.maxOrderYears).toBe(3);
      expect(p.signatureHashes).toContain('sha256');
    },
  );

  it('finds a product by name_id and refuses others', () => {
    expect(getProduct('ssl_ev_basic')?.name).toBe('Basic EV SSL');
    expect(getProduct('code_signing')).toBeUndefined();
    expect(isProductNameId('ssl_basic')).toBe(true);
    expect(isProductNameId('ssl_plus')).toBe(false);
    expect(isProductNameId(42)).toBe(false);
  });
});
