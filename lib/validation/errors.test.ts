import { describe, expect, it } from 'vitest';
import { CertCentralError } from '../certcentral/errors';
import { validationError } from './errors';

const refused = (code: string, message: string, status = 400) =>
  new CertCentralError({ kind: 'http', status, message: `${status}`, errors: [{ code, message }] });

describe('validationError', () => {
  it('names the action that did not happen, what CertCentral said and what to do', () => {
    const e = validationError('check', refused('invalid_dcv_method', 'check-dcv is for the token methods.'));
    expect(e.title).toBe('DCV was not checked');
    expect(e.detail).toContain('validates by email');
    expect(e.code).toBe('invalid_dcv_method');
  });

  it('an order no longer pending', () => {
    const e = validationError('token', refused('invalid_order_status', 'Order 1 is issued.'));
    expect(e.title).toBe('No new value was given');
    expect(e.detail).toContain('no longer waits on validation');
  });

  it('a method DigiCert refuses', () => {
    const e = validationError('method', refused('invalid_value:dcv_method', 'No http for wildcards.'));
    expect(e.title).toBe('The method was not changed');
    expect(e.detail).toContain('choose another method');
  });

  it('a change whose answer was lost may have been done', () => {
    const lost = new CertCentralError({ kind: 'timeout', message: 'timed out', unsafeMethod: true });
    expect(validationError('resend', lost).detail).toContain('may have done it');
  });
});
