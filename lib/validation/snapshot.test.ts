import { describe, expect, it } from 'vitest';
import { DOC_ORDER_VALIDATION, HARSH_ORDER_VALIDATION } from '../certcentral/testing/validation-bodies';
import { OrderValidationSchema } from '../certcentral/validation-schemas';
import { snapshotOf, tokenMethodOf } from './snapshot';

const AT = new Date('2026-06-10T12:00:00Z');
const read = (body: unknown) => OrderValidationSchema.parse(body);

describe('snapshotOf', () => {
  it('keeps the documented example as CertCentral sent it', () => {
    const s = snapshotOf(112211, read(DOC_ORDER_VALIDATION), AT);
    expect(s).toEqual({
      orderId: 112211,
      readAt: AT.toISOString(),
      orderStatus: 'pending',
      dcvMethod: 'email',
      domains: [
        {
          name: 'example.com',
          domainId: '1234',
          method: 'email',
          status: 'approved',
          validated: true,
          dnsNames: ['sub.example.com', 'www.example.com'],
        },
      ],
      organization: [
        {
          type: 'ov',
          status: 'pending',
          done: false,
          dateCreated: '2018-04-25T21:52:33+00:00',
          validatedUntil: '2019-04-25T21:52:33+00:00',
        },
      ],
      approvers: [],
      unreadable: 0,
    });
  });

  it('counts what it could not read, keeps a method it has no instructions for as sent', () => {
    const s = snapshotOf(10001001, read(HARSH_ORDER_VALIDATION), AT);
    expect(s.unreadable).toBeGreaterThanOrEqual(3);
    expect(s.domains.map((d) => d.method)).toContain('dns-caa-token');
    expect(s.approvers).toEqual([
      { name: 'Evan Approver', email: 'evan@example.com', status: 'pending', done: false },
    ]);
  });

  it('carries the known value over only while the method stays the same', () => {
    const body = {
      order_status: 'pending',
      order_dcv_method: 'dns-txt-token',
      dns_name_validations: [{ name_scope: 'example.com', status: 'pending', method: 'dns-txt-token' }],
    };
    const token = { value: 'v', expiresAt: '2026-07-01T00:00:00Z', method: 'dns-txt-token' };
    const first = { ...snapshotOf(1, read(body), AT), token };
    expect(snapshotOf(1, read(body), AT, first).token).toEqual(token);
    const changed = {
      ...body,
      order_dcv_method: 'http-token',
      dns_name_validations: [{ name_scope: 'example.com', status: 'pending', method: 'http-token' }],
    };
    expect(snapshotOf(1, read(changed), AT, first).token).toBeUndefined();
  });
});

describe('tokenMethodOf', () => {
  it('is the token method of a pending domain, none for email or unknown methods', () => {
    const d = (method: string, validated = false) => ({
      name: 'x',
      method,
      status: 's',
      validated,
      dnsNames: [],
    });
    expect(tokenMethodOf({ domains: [d('dns-txt-token')] })).toBe('dns-txt-token');
    expect(tokenMethodOf({ domains: [d('email')] })).toBeUndefined();
    expect(tokenMethodOf({ domains: [d('dns-caa-token')] })).toBeUndefined();
    expect(tokenMethodOf({ dcvMethod: 'http-token', domains: [d('email', true)] })).toBe('http-token');
  });
});
