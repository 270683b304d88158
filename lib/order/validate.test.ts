import { describe, expect, it } from 'vitest';
import type { ProductNameId } from './products';
import { EV, minimalBody, pairs, patch, problemsOf, TODAY } from './testing/bodies';
import { type ValidationResult, validateOrderRequest } from './validate';

describe('validateOrderRequest: every problem at once', () => {
  it('reports field, cross-field, product and date problems of one broken body together', () => {
    const body = patch(minimalBody(), {
      certificate: {
        common_name: 'localhost',
        dns_names: ['*.example.com', 'a.example.com', 'A.example.com', '*.a.*.com'],
        csr: 'not a csr',
        signature_hash: 'md5',
        cert_validity: { days: 400 },
      },
      order_validity: { years: undefined, days: 90 },
      payment_method: 'card',
      dcv_method: 'http-token',
      alternative_order_id: 'x'.repeat(65),
      renewed_thumbprint: 'abc',
      organization: { id: undefined, contacts: [{ contact_type: 'technical_contact', first_name: 'J' }] },
      additional_emails: ['nope'],
      skip_approval: true,
      validity_years: 2,
    });
    const result = validateOrderRequest(body, { product: EV, today: TODAY, renewal: true });
    expect(problemsOf(result)).toEqual(
      [
        'additional_emails[0] invalid_email',
        'alternative_order_id too_long',
        'billing_address required',
        'certificate.cert_validity.days exceeds_maximum_validity',
        'certificate.cert_validity.days exceeds_order_validity',
        'certificate.common_name single_label',
        'certificate.csr invalid_csr',
        'certificate.dns_names[0] wildcard_not_allowed',
        'certificate.dns_names[2] duplicate',
        'certificate.dns_names[3] wildcard_not_leftmost',
        'certificate.signature_hash not_allowed',
        'credit_card required',
        'dcv_method wildcard_with_http_dcv',
        'organization id_or_details_required',
        'organization.contacts ev_approver_missing',
        'organization.contacts[0].email required',
        'organization.contacts[0].job_title required',
        'organization.contacts[0].last_name required',
        'organization.contacts[0].telephone required',
        'renewed_thumbprint invalid_thumbprint',
      ].sort(),
    );
    expect(pairs(result.warnings)).toEqual([
      'payment_method card_payment',
      'skip_approval skip_approval',
      'validity_years deprecated_field',
    ]);
  });
});

describe('validateOrderRequest: messages', () => {
  const run = (body: unknown, product: ProductNameId = EV) =>
    validateOrderRequest(body, { product, today: TODAY });
  const messages = (r: ValidationResult) => (r.ok ? [] : r.problems.map((p) => p.message));

  it('says what is wrong and how to fix it, starting with the path', () => {
    const result = run(
      patch(minimalBody(), { certificate: { dns_names: ['a.example.com', 'b.example.com', '*.a.*.com'] } }),
    );
    expect(messages(result)).toEqual([
      'certificate.dns_names[2]: "*.a.*.com" has a wildcard that is not the leftmost label; use a name like *.example.com.',
    ]);
  });

  it('starts every message with its path', () => {
    const result = run({
      certificate: { common_name: 5 },
      order_validity: { years: 9 },
      organization: {},
      payment_method: 'card',
    });
    expect(result.ok).toBe(false);
    for (const p of result.ok ? [] : result.problems) expect(p.message.startsWith(`${p.path}: `)).toBe(true);
  });

  it('names the allowed values and the value it got', () => {
    const result = run(patch(minimalBody(), { certificate: { signature_hash: 'SHA256' } }));
    expect(messages(result)).toEqual([
      'certificate.signature_hash: must be one of "sha256", "sha384", "sha512" (got "SHA256").',
    ]);
  });

  it('never repeats card data in a message', () => {
    const body = patch(minimalBody(), {
      payment_method: 'card',
      credit_card: {
        number: 4111111111111112,
        expiration_month: 1,
        expiration_year: 2030,
        cvv: 123,
        cardholder_name: 'J D',
      },
      billing_address: { address: '1 Main St', city: 'Lehi', country: 'us' },
    });
    const text = messages(run(body)).join('\n');
    expect(text).toContain('credit_card.number');
    expect(text).not.toContain('411111');
  });

  it('refuses a product the table does not know', () => {
    const result = validateOrderRequest(minimalBody(), {
      product: 'code_signing' as ProductNameId,
      today: TODAY,
    });
    expect(problemsOf(result)).toEqual([' unknown_product']);
  });
});
