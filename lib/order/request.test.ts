import { describe, expect, it } from 'vitest';
import { issuesToProblems } from './issues';
import { formatPath } from './problem';
import { OrderRequestSchema } from './request';
import { salvage } from './salvage';
import { fullBody, minimalBody, patch } from './testing/bodies';
import { unknownFields } from './unknown-fields';
import { validateOrderRequest } from './validate';

describe('OrderRequestSchema', () => {
  it('parses the minimal and the full body unchanged', () => {
    expect(OrderRequestSchema.parse(minimalBody())).toEqual(minimalBody());
    expect(OrderRequestSchema.parse(fullBody())).toEqual(fullBody());
  });

  it('produces no deprecated field and no default on its own', () => {
    const out = OrderRequestSchema.parse(minimalBody());
    expect(Object.keys(out).sort()).toEqual(['certificate', 'order_validity', 'organization']);
    expect(out.certificate).not.toHaveProperty('organization_units');
  });

  it('strips keys it does not know', () => {
    expect(OrderRequestSchema.parse(patch(minimalBody(), { extra: 1 }))).not.toHaveProperty('extra');
  });

  it.each([
    ['a UUID', '3f2b8c1e-6d4a-4b8e-9c71-0a5e2d9f4b13', true],
    ['64 characters', 'a'.repeat(64), true],
    ['underscores', 'order_2026_06', true],
    ['65 characters', 'a'.repeat(65), false],
    ['a slash', 'order/1', false],
  ])('alternative_order_id with %s: %s', (_what, id, ok) => {
    expect(OrderRequestSchema.safeParse(patch(minimalBody(), { alternative_order_id: id })).success).toBe(ok);
  });

  it.each([
    ['-----BEGIN NEW CERTIFICATE REQUEST-----\nMIIB\n-----END NEW CERTIFICATE REQUEST-----', true],
    ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', false],
    ['-----BEGIN CERTIFICATE REQUEST-----\nMIIB', false],
  ])('csr %#', (csr, ok) => {
    expect(OrderRequestSchema.safeParse(patch(minimalBody(), { certificate: { csr } })).success).toBe(ok);
  });

  it.each([
    [true, true],
    [1, true],
    [2, false],
    ['yes', false],
  ])('csa_agreed_to %j', (value, ok) => {
    expect(OrderRequestSchema.safeParse(patch(minimalBody(), { csa_agreed_to: value })).success).toBe(ok);
  });
});

describe('issuesToProblems', () => {
  it('tells a missing field from a wrong one', () => {
    const body = { certificate: { common_name: 7 } };
    const result = OrderRequestSchema.safeParse(body);
    const problems = result.success ? [] : issuesToProblems(result.error.issues, body);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(byPath['certificate.common_name']?.code).toBe('invalid_type');
    expect(byPath['certificate.common_name']?.message).toBe(
      'certificate.common_name: must be a text string (got 7).',
    );
    expect(byPath['certificate.csr']?.code).toBe('required');
    expect(byPath.organization?.message).toBe(
      'organization: is required but missing; add it as an object { ... }.',
    );
  });
});

describe('salvage', () => {
  it('keeps every valid part and keeps array indices', () => {
    const body = patch(minimalBody(), {
      certificate: { csr: 'bad', dns_names: ['www.example.com', 'bad name', 'api.example.com'] },
      organization: { contacts: [5, { contact_type: 'ev_approver', user_id: 1 }] },
    });
    expect(salvage(OrderRequestSchema, body)).toEqual({
      certificate: {
        common_name: 'example.com',
        signature_hash: 'sha256',
        dns_names: ['www.example.com', undefined, 'api.example.com'],
      },
      order_validity: { years: 1 },
      organization: { id: 117483, contacts: [undefined, { contact_type: 'ev_approver', user_id: 1 }] },
    });
  });
});

describe('unknownFields', () => {
  it('finds misspelt keys at any depth, including inside array entries', () => {
    const body = patch(minimalBody(), {
      certificate: { dns_name: ['a.example.com'] },
      organization: { contacts: [{ contact_type: 'ev_approver', userid: 1 }] },
      extra: true,
    });
    expect(unknownFields(body).map((p) => `${p.path} ${p.code}`)).toEqual([
      'certificate.dns_name unknown_field',
      'organization.contacts[0].userid unknown_field',
      'extra unknown_field',
    ]);
  });

  it('formats paths the way the brief shows them', () => {
    expect(formatPath(['organization', 'contacts', 0, 'email'])).toBe('organization.contacts[0].email');
    expect(formatPath(['certificate', 'dns_names', 2])).toBe('certificate.dns_names[2]');
  });
});

describe('deprecated field warnings', () => {
  it('name the replacement', () => {
    const r = validateOrderRequest(patch(minimalBody(), { validity_years: 1 }), {
      product: 'ssl_ev_securesite_pro',
      today: new Date('2026-06-01T00:00:00Z'),
    });
    expect(r.warnings.find((w) => w.code === 'deprecated_field')?.message).toBe(
      'validity_years: is deprecated: replaced by the order_validity object; use order_validity.years instead.',
    );
  });
});
