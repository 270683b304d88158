import { describe, expect, it } from 'vitest';
import type { Policy } from './model';
import { orderPolicyProblems } from './order-rules';

const TODAY = new Date('2026-12-03T10:00:00Z');
const policy: Policy = {
  templates: [],
  allowedProducts: ['ssl_basic'],
  maxValidityYears: 1,
  requiredCustomFields: [{ id: 12, label: 'Cost center' }, { id: 13 }],
  personalTemplates: true,
};
const fields = [
  { metadata_id: 12, value: 'CC-1' },
  { metadata_id: 13, value: 'x' },
];
const codes = (product: string, request: Record<string, unknown>, p = policy) =>
  orderPolicyProblems(p, { product, request }, TODAY).map((x) => `${x.path}|${x.code}`);

describe('orderPolicyProblems', () => {
  it('passes an order that keeps every rule', () => {
    expect(codes('ssl_basic', { order_validity: { years: 1 }, custom_fields: fields })).toEqual([]);
  });

  it('refuses a product the policy does not allow, naming the allowed ones', () => {
    const [problem] = orderPolicyProblems(
      policy,
      { product: 'ssl_ev_basic', request: { order_validity: { years: 1 }, custom_fields: fields } },
      TODAY,
    );
    expect(problem?.message).toBe(
      'Your organization does not allow ordering Basic EV SSL. Allowed: Basic OV SSL.',
    );
  });

  it('refuses a validity past the longest, however it is written', () => {
    const base = { custom_fields: fields };
    expect(codes('ssl_basic', { ...base, order_validity: { years: 2 } })).toEqual([
      'order_validity|policy_validity_too_long',
    ]);
    expect(codes('ssl_basic', { ...base, order_validity: { days: 366 } })).toEqual([
      'order_validity|policy_validity_too_long',
    ]);
    expect(codes('ssl_basic', { ...base, order_validity: { days: 365 } })).toEqual([]);
    // custom_expiration_date decides over years (DigiCert's precedence).
    expect(
      codes('ssl_basic', { ...base, order_validity: { years: 1, custom_expiration_date: '2028-01-01' } }),
    ).toEqual(['order_validity|policy_validity_too_long']);
    expect(codes('ssl_basic', { ...base, order_validity: { years: 1 }, validity_years: 3 })).toEqual([
      'validity_years|policy_validity_too_long',
    ]);
    expect(
      codes('ssl_basic', { ...base, order_validity: { years: 1 }, custom_expiration_date: '2027-12-04' }),
    ).toEqual(['custom_expiration_date|policy_validity_too_long']);
  });

  it('says the dates and the limit', () => {
    const [problem] = orderPolicyProblems(
      policy,
      { product: 'ssl_basic', request: { order_validity: { years: 3 }, custom_fields: fields } },
      TODAY,
    );
    expect(problem?.message).toMatch(/until Dec 3, 2029.*at most 1 year\(s\), until Dec 3, 2027/);
  });

  it('requires each custom field the policy names, filled in', () => {
    expect(codes('ssl_basic', { order_validity: { years: 1 } })).toEqual([
      'custom_fields|policy_custom_field_missing',
      'custom_fields|policy_custom_field_missing',
    ]);
    const [problem] = orderPolicyProblems(
      policy,
      {
        product: 'ssl_basic',
        request: {
          order_validity: { years: 1 },
          custom_fields: [{ metadata_id: 12, value: '  ' }, fields[1]],
        },
      },
      TODAY,
    );
    expect(problem?.message).toBe(
      'Your organization requires the custom field Cost center (id 12) on every order: fill it in.',
    );
  });

  it('sets no limit the policy leaves out', () => {
    const open: Policy = { templates: [], requiredCustomFields: [], personalTemplates: true };
    expect(codes('ssl_ev_basic', { order_validity: { years: 3 } }, open)).toEqual([]);
  });
});
