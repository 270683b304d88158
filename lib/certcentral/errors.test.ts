import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readErrorBody } from './error-body';
import { CertCentralError, describeCertCentralError, errorFromBody, parseErrorBody, redact } from './errors';
import { manyErrors, NGINX_502, WRONG_KEY } from './testing/error-bodies';
import { json, noWait, scriptedFetch, TEST_KEY } from './testing/fake-fetch';
import { createTransport } from './transport';

describe('errorFromBody', () => {
  it('keeps DigiCert errors of a JSON body, and a gateway page as text only', () => {
    const denied = errorFromBody('GET /user/me', 403, WRONG_KEY, false);
    expect(denied).toMatchObject({ kind: 'http', status: 403, moreErrors: 0, bodyText: undefined });
    expect(denied.errors).toEqual(parseErrorBody(WRONG_KEY));
    expect(denied.message).toBe(
      'GET /user/me failed with HTTP 403 (access_denied|access_denied_invalid_key: Access denied due to access_denied_invalid_key.)',
    );
    const gateway = errorFromBody('GET /order/certificate', 502, NGINX_502, false);
    expect(gateway).toMatchObject({ errors: [], bodyText: '502 Bad Gateway', retryable: true });
    expect(gateway.message).toBe('GET /order/certificate failed with HTTP 502 (502 Bad Gateway)');
    expect(errorFromBody('GET /x', 500, '', false).message).toBe(
      'GET /x failed with HTTP 500 (no error details)',
    );
  });

  it('never makes 20,000 errors into a huge message (regression: a 300,000-character message)', () => {
    const err = errorFromBody('POST /order/certificate/ssl_basic', 400, manyErrors(20_000), true);
    expect(err.errors).toHaveLength(5);
    expect(err.moreErrors).toBe(19_995);
    expect(err.message.length).toBeLessThan(500);
    expect(err.message).toContain('(and 19995 more)');
    const text = describeCertCentralError(err);
    expect(text.length).toBeLessThanOrEqual(600);
    expect(text).toBe(
      'CertCentral rejected the request (HTTP 400). CertCentral said: code_0: Message 0.; code_1: Message 1.; ' +
        'code_2: Message 2.; code_3: Message 3.; code_4: Message 4. (and 19,995 more)',
    );
  });

  it('through the transport, leaves no piece of the key even where a cap cuts the text', async () => {
    const message = `${'x'.repeat(290)} ${TEST_KEY} and more`;
    const body = { errors: [{ code: 'access_denied|access_denied_invalid_key', message }] };
    const t = createTransport({
      apiKey: TEST_KEY,
      region: 'us',
      fetch: scriptedFetch(json(403, body)),
      limiter: noWait,
    });
    const err = await t.get('/user/me', z.unknown()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CertCentralError);
    const everything = JSON.stringify({ m: (err as Error).message, e: (err as CertCentralError).errors });
    expect(everything).not.toContain(TEST_KEY.slice(0, 8));
    expect(describeCertCentralError(err)).not.toContain(TEST_KEY.slice(0, 8));
  });
});

// Every case that ever failed (in a property run, a timing or in use), kept by name.
describe('regressions', () => {
  it('a 10 MB `[[[[…` body does not reach JSON.parse (it took 5 s there)', () => {
    const started = performance.now();
    expect(parseErrorBody('['.repeat(5_000_000) + ']'.repeat(5_000_000))).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('900,000 list items are counted, not cleaned one by one (that took 1.4 s)', () => {
    const started = performance.now();
    const body = readErrorBody(`[${'"a",'.repeat(900_000)}"b"]`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(body).toEqual({ items: Array(5).fill({ code: '', message: 'a' }), more: 899_996, json: true });
  });

  it('a body nested deeper than 64 levels is read as text, and its sentence stays capped', () => {
    const deep = `${'['.repeat(133)}"deep_code"${']'.repeat(133)}`;
    const err = errorFromBody('GET /user/me', 401, deep, false);
    expect(err.bodyText).toBe(deep);
    expect(describeCertCentralError(err).length).toBeLessThanOrEqual(600);
  });
});

describe('CertCentralError', () => {
  const http = (status: number) => new CertCentralError({ kind: 'http', status, message: `HTTP ${status}` });

  it.each([
    [429, true],
    [500, true],
    [502, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
  ])('HTTP %i retryable=%s', (status, retryable) => {
    expect(http(status).retryable).toBe(retryable);
  });

  it('marks timeout and network retryable, invalid responses not; unknown outcomes of POST/PUT only', () => {
    expect(new CertCentralError({ kind: 'timeout', message: 't' }).retryable).toBe(true);
    expect(new CertCentralError({ kind: 'network', message: 'n' }).retryable).toBe(true);
    expect(new CertCentralError({ kind: 'invalid-response', message: 'i' }).retryable).toBe(false);
    const post = (kind: 'timeout' | 'http', status?: number) =>
      new CertCentralError({ kind, status, message: 'x', unsafeMethod: true });
    expect([post('timeout'), post('http', 502), post('http', 400)].map((e) => e.outcomeUnknown)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('matches pipe- and colon-qualified codes by their prefix', () => {
    const err = new CertCentralError({
      kind: 'http',
      status: 403,
      message: 'x',
      errors: [
        { code: 'access_denied|missing_permission', message: '' },
        { code: 'invalid_value:validity_years', message: '' },
      ],
    });
    expect(
      ['access_denied', 'access_denied|missing_permission', 'invalid_value', 'access'].map((c) =>
        err.hasCode(c),
      ),
    ).toEqual([true, true, true, false]);
    expect(err.name).toBe('CertCentralError');
  });
});

describe('redact', () => {
  it('removes every occurrence of the secret', () => {
    expect(redact('a KEY b KEY', 'KEY')).toBe('a [redacted] b [redacted]');
    expect(redact('text', '')).toBe('text');
  });
});
