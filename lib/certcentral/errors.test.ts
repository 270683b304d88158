import { describe, expect, it } from 'vitest';
import { CertCentralError, describeCertCentralError, parseErrorBody, redact } from './errors';

const http = (status: number, ...codes: string[]) =>
  new CertCentralError({
    kind: 'http',
    status,
    message: `HTTP ${status}`,
    errors: codes.map((code) => ({ code, message: `message for ${code}` })),
  });

describe('parseErrorBody', () => {
  it('keeps every error of the body', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'invalid_value:validity_years', message: 'Validity too long' },
        { code: 'csr_invalid_cannot_parse', message: 'Bad CSR' },
      ],
    });
    expect(parseErrorBody(body)).toEqual([
      { code: 'invalid_value:validity_years', message: 'Validity too long' },
      { code: 'csr_invalid_cannot_parse', message: 'Bad CSR' },
    ]);
  });

  it.each([
    ['<html><body>502 Bad Gateway</body></html>'],
    [''],
    ['null'],
    ['{"error":"x"}'],
    ['{"errors":"x"}'],
  ])('tolerates %j', (text) => {
    expect(parseErrorBody(text)).toEqual([]);
  });

  it('skips malformed items and fills a missing message', () => {
    expect(parseErrorBody('{"errors":[1,{"code":"not_found|order"},{}]}')).toEqual([
      { code: 'not_found|order', message: '' },
    ]);
  });
});

describe('CertCentralError', () => {
  it.each([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
  ])('HTTP %i retryable=%s', (status, retryable) => {
    expect(http(status).retryable).toBe(retryable);
  });

  it('marks timeout and network retryable, invalid responses not', () => {
    expect(new CertCentralError({ kind: 'timeout', message: 't' }).retryable).toBe(true);
    expect(new CertCentralError({ kind: 'network', message: 'n' }).retryable).toBe(true);
    expect(new CertCentralError({ kind: 'invalid-response', message: 'i' }).retryable).toBe(false);
  });

  it('marks unknown outcomes of POST/PUT only', () => {
    const post = (kind: 'timeout' | 'http', status?: number) =>
      new CertCentralError({ kind, status, message: 'x', unsafeMethod: true });
    expect(post('timeout').outcomeUnknown).toBe(true);
    expect(post('http', 502).outcomeUnknown).toBe(true);
    expect(post('http', 400).outcomeUnknown).toBe(false);
    expect(new CertCentralError({ kind: 'timeout', message: 'x' }).outcomeUnknown).toBe(false);
  });

  it('matches pipe- and colon-qualified codes by their prefix', () => {
    const err = http(403, 'access_denied|missing_permission', 'invalid_value:validity_years');
    expect(err.hasCode('access_denied')).toBe(true);
    expect(err.hasCode('access_denied|missing_permission')).toBe(true);
    expect(err.hasCode('invalid_value')).toBe(true);
    expect(err.hasCode('access')).toBe(false);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('CertCentralError');
  });
});

describe('describeCertCentralError', () => {
  it('explains a restricted key and how to fix it', () => {
    const text = describeCertCentralError(http(403, 'access_denied|missing_permission'));
    expect(text).toMatch(/restricted/);
    expect(text).toMatch(/View Only/);
    expect(text).toMatch(/102/);
    expect(text).toMatch(/without restrictions or with the Orders role/);
    expect(text).toMatch(/message for access_denied\|missing_permission/);
  });

  it('treats any access_denied code as a restriction', () => {
    expect(describeCertCentralError(http(403, 'access_denied'))).toMatch(/Orders role/);
  });

  it('says a refused key should be checked, with its region', () => {
    const text = describeCertCentralError(http(401));
    expect(text).toMatch(/refused the API key/);
    expect(text).toMatch(/region/);
    expect(describeCertCentralError(http(403, 'invalid_api_key'))).toMatch(/refused the API key/);
  });

  it('names the rate limit', () => {
    expect(describeCertCentralError(http(429, 'request_limit_exceeded'))).toMatch(/rate limit/);
  });

  it('says so for timeouts and network errors, warning about a possible order', () => {
    expect(describeCertCentralError(new CertCentralError({ kind: 'timeout', message: 'x' }))).toMatch(
      /did not answer in time/,
    );
    const lost = new CertCentralError({ kind: 'network', message: 'x', unsafeMethod: true });
    expect(describeCertCentralError(lost)).toMatch(/could not be reached.*check the order list/s);
  });

  it('shows every message of several errors', () => {
    const text = describeCertCentralError(
      http(400, 'invalid_value:validity_years', 'csr_invalid_cannot_parse'),
    );
    expect(text).toContain('message for invalid_value:validity_years; message for csr_invalid_cannot_parse');
  });

  it('covers not found, server errors and non-client errors', () => {
    expect(describeCertCentralError(http(404, 'not_found|order'))).toMatch(/could not find/);
    expect(describeCertCentralError(http(502))).toMatch(/server problem \(HTTP 502\)/);
    expect(describeCertCentralError(new Error('boom'))).toBe('Unexpected error: boom');
  });
});

describe('redact', () => {
  it('removes every occurrence of the secret', () => {
    expect(redact('a KEY b KEY', 'KEY')).toBe('a [redacted] b [redacted]');
    expect(redact('text', '')).toBe('text');
  });
});
