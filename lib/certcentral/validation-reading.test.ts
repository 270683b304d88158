import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  DOC_ORDER_VALIDATION,
  DOC_ORDER_VALIDATION_OLDER,
  DOC_RANDOM_VALUE,
  HARSH_ORDER_VALIDATION,
} from './testing/validation-bodies';
import { domainLabel, isValueExpired, whatIsLeft } from './validation-reading';
import { OrderValidationSchema } from './validation-schemas';

const read = (body: unknown) => z.parse(OrderValidationSchema, body);

describe('whatIsLeft', () => {
  it('the documented example: the organization validation is pending, the domain is validated', () => {
    expect(whatIsLeft(read(DOC_ORDER_VALIDATION))).toEqual({
      domains: [],
      organization: [{ type: 'ov', status: 'pending' }],
      approvers: [],
      unreadable: 0,
    });
  });

  it('the older example: `complete` is done', () => {
    expect(whatIsLeft(read(DOC_ORDER_VALIDATION_OLDER)).organization).toEqual([]);
  });

  it('harsh: an unknown method kept as unknown, and every entry set aside counted', () => {
    const left = whatIsLeft(read(HARSH_ORDER_VALIDATION));
    expect(left.domains).toEqual([
      // No method on the entry: the order's method, which the extension does not know.
      { label: 'a.example.com', domainId: 40001001, method: 'unknown', status: 'pending' },
      { label: 'c.example.com', domainId: '40001003', method: 'unknown', status: 'pending' },
    ]);
    expect(left.organization).toEqual([{ type: 'ev', status: 'pending' }]);
    expect(left.approvers).toEqual([expect.objectContaining({ name: 'Evan Approver', status: 'pending' })]);
    // The bad domain, the organization validation without a type and the contact that is no object.
    expect(left.unreadable).toBe(3);
  });

  it('an answer of {} (nothing listed) reads as nothing left', () => {
    expect(whatIsLeft(read({}))).toEqual({ domains: [], organization: [], approvers: [], unreadable: 0 });
  });
});

describe('domainLabel', () => {
  it('name_scope, else the first name, else the id', () => {
    const [entry] = read(DOC_ORDER_VALIDATION_OLDER).dns_name_validations.items;
    expect(entry && domainLabel(entry)).toBe('sub.example.com');
    expect(
      domainLabel({ status: 'pending', name_scope: 'example.com', dns_names: ['www.example.com'] }),
    ).toBe('example.com');
    expect(domainLabel({ status: 'pending', domain_id: 1234 })).toBe('#1234');
  });
});

describe('isValueExpired', () => {
  it('is past its expiration_date; a date that cannot be read is not', () => {
    expect(isValueExpired(DOC_RANDOM_VALUE, new Date('2026-06-30T00:00:00Z'))).toBe(false);
    expect(isValueExpired(DOC_RANDOM_VALUE, new Date('2026-07-01T12:00:00Z'))).toBe(true);
    expect(isValueExpired({ expiration_date: undefined }, new Date())).toBe(false);
  });
});
