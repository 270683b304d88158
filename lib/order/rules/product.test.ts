import { describe, expect, it } from 'vitest';
import { getProduct, type ProductInfo } from '../products';
import type { RequestView } from '../request';
import { TODAY } from '../testing/bodies';
import { wildcardRule } from './names';
import { evApproverRule } from './organization';
import { productLimitsRule } from './product';
import { collector, makeContext, type Rule } from './rule';

/** Rules read product data only: a made-up product with other data changes the outcome. */
const base = getProduct('ssl_securesite_pro') as ProductInfo;
const narrow: ProductInfo = { ...base, name: 'Narrow OV', signatureHashes: ['sha256'], maxOrderYears: 2 };
const strictEv: ProductInfo = {
  ...base,
  name: 'Made-up EV',
  validation: 'ev',
  needsEvApprover: true,
  allowsWildcards: false,
};

function run(rule: Rule, request: RequestView, product: ProductInfo): string[] {
  const report = collector();
  rule(request, makeContext(request, product, TODAY, false), report);
  return report.errors.map((p) => `${p.path} ${p.code}`);
}

describe('rules driven by product data', () => {
  const request: RequestView = {
    certificate: { common_name: '*.example.com', signature_hash: 'sha384' },
    order_validity: { years: 3 },
    organization: { id: 1 },
  };

  it('accepts the request for the real OV product', () => {
    expect([productLimitsRule, wildcardRule, evApproverRule].flatMap((r) => run(r, request, base))).toEqual(
      [],
    );
  });

  it('applies a narrower hash list and plan length from the table', () => {
    expect(run(productLimitsRule, request, narrow)).toEqual([
      'certificate.signature_hash not_allowed',
      'order_validity.years too_big',
    ]);
  });

  it('applies EV flags from the table, whatever the name', () => {
    expect(run(wildcardRule, request, strictEv)).toEqual(['certificate.common_name wildcard_not_allowed']);
    expect(run(evApproverRule, request, strictEv)).toEqual(['organization.contacts ev_approver_missing']);
  });
});
