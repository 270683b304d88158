import { describe, expect, it } from 'vitest';
import { adviceFor, callHintOf, isInvalidKeyAnswer } from './error-advice';
import { CertCentralError, certCentralErrorTitle, describeCertCentralError, errorFromBody } from './errors';

const body = (code: string, message: string) => JSON.stringify({ errors: [{ code, message }] });
/** As the transport builds it: `what` is `METHOD /path`, which the role advice reads. */
const answer = (what: string, status: number, code: string, message = `Message for ${code}.`) =>
  errorFromBody(what, status, body(code, message), !what.startsWith('GET '));

const REAL_WRONG_KEY = answer(
  'GET /user/me',
  403,
  'access_denied|access_denied_invalid_key',
  'Access denied due to access_denied_invalid_key.',
);

describe('invalid key', () => {
  it('explains the real wrong-key answer as an invalid key with the region hint, never as "restricted"', () => {
    const text = describeCertCentralError(REAL_WRONG_KEY);
    expect(text).toBe(
      'This API key is not valid (revoked or mistyped): CertCentral refused the API key. Paste it again or ' +
        'create a new one under Automation › API Keys. Also check the region: a key from the US console ' +
        '(www.digicert.com) does not exist in CertCentral Europe (certcentral.digicert.eu), and the other way ' +
        'round. CertCentral said: access_denied|access_denied_invalid_key: Access denied due to ' +
        'access_denied_invalid_key.',
    );
    expect(text).not.toMatch(/restrict|Orders role/i);
    expect(certCentralErrorTitle(REAL_WRONG_KEY)).toBe('This API key is not valid.');
  });

  it.each([
    ['access_denied|missing_api_key', 403],
    ['access_denied|invalid_api_key', 401],
    ['invalid_api_key', 403],
    ['some_new_code', 401],
  ])('treats %s (HTTP %i) as an invalid key', (code, status) => {
    expect(adviceFor([{ code, message: '' }], status).kind).toBe('invalid-key');
    expect(isInvalidKeyAnswer(code, status)).toBe(true);
  });

  it('does not treat other refusals as an invalid key', () => {
    expect(isInvalidKeyAnswer('access_denied|missing_permission', 403)).toBe(false);
    expect(isInvalidKeyAnswer(undefined, 403)).toBe(false);
    expect(isInvalidKeyAnswer(undefined, 401)).toBe(true);
  });
});

describe('missing permission: the role the call needs', () => {
  it.each([
    ['POST /order/certificate/ssl_basic', /View Only key \(role 102\).*Orders role \(100\)/],
    ['PUT /order/certificate/7/status', /cannot place, reissue or cancel orders/],
    ['GET /organization', /Orders, Domains, Organizations role \(101\)/],
    ['GET /domain/5', /role \(101\)/],
    ['GET /user', /User Management role \(103\)/],
    ['POST /container/1/children', /A View Only key \(role 102\) can only read\./],
    ['GET /user/me', /100 Orders, 101 Orders, Domains, Organizations, 102 View Only, 103 User Management/],
  ])('%s', (what, advice) => {
    const err = answer(what, 403, 'access_denied|missing_permission', 'Permission denied');
    const text = describeCertCentralError(err);
    expect(text).toMatch(/^This API key is restricted and may not do this/);
    expect(text).toMatch(advice);
    expect(text).toMatch(/CertCentral said: access_denied\|missing_permission: Permission denied$/);
    expect(certCentralErrorTitle(err)).toBe('This API key may not do this.');
  });

  it("takes the caller's hint over the path", () => {
    const err = answer('GET /x', 403, 'access_denied|missing_permission');
    expect(describeCertCentralError(err, 'users')).toMatch(/role \(103\)/);
  });

  it.each([
    ['GET /organization/12 failed with HTTP 403', 'organizations'],
    ['POST /order/certificate/ssl_basic failed', 'orders'],
    ['POST /request/9/status failed', 'orders'],
    ['GET /order/certificate/1 failed', undefined],
    ['GET /user/me failed', undefined],
    ['PUT /account/metadata failed', 'other-write'],
    ['GET', undefined],
    ['something else', undefined],
  ])('reads the call from %j', (message, hint) => {
    expect(callHintOf({ message })).toBe(hint);
  });
});

describe('one advice per code', () => {
  it.each([
    ['rate-limit', 429, 'request_limit_exceeded', "CertCentral's rate limit for this API key was reached"],
    ['order-not-found', 404, 'not_found|order', 'CertCentral found no such order in this account'],
    [
      'product-not-found',
      404,
      'not_found|product',
      'This product is not available to this CertCentral account',
    ],
    ['csr', 400, 'csr_invalid_cannot_parse', 'CertCentral could not use the CSR'],
    [
      'invalid-value',
      400,
      'invalid_value:validity_years',
      'CertCentral refused the value of "validity_years"',
    ],
    ['validity', 400, 'cert_validity_exceeds_order_validity', "The certificate's validity cannot be longer"],
    ['bad-request-format', 400, 'bad_request_format', 'CertCentral could not read the request'],
    ['caa', 400, 'caa_check_failed|example.com', "The domain's DNS CAA records do not allow DigiCert"],
    ['caa', 400, 'caa_not_found|example.com', "The domain's DNS CAA records"],
    ['duplicate', 400, 'duplicate_order', 'CertCentral says this already exists'],
    ['not-found', 404, 'not_found|route', 'CertCentral could not find what was asked for (HTTP 404)'],
    ['forbidden', 403, 'access_denied', 'CertCentral refused this action for your account or key (HTTP 403)'],
    [
      'server',
      503,
      'server_error',
      'CertCentral had a server problem (HTTP 503). Try again in a few minutes.',
    ],
    ['unknown', 400, 'some_new_code', 'CertCentral rejected the request (HTTP 400).'],
  ])('%s: %s', (kind, status, code, start) => {
    const err = answer('POST /order/certificate/ssl_basic', status, code);
    expect(adviceFor(err.errors, err.status).kind).toBe(kind);
    const text = describeCertCentralError(err);
    expect(text.startsWith(start)).toBe(true);
    expect(text).toContain(`CertCentral said: ${code}: Message for ${code}.`);
  });

  it('shows an unknown code verbatim after the status', () => {
    expect(describeCertCentralError(answer('GET /x', 400, 'brand_new|thing', 'It broke.'))).toBe(
      'CertCentral rejected the request (HTTP 400). CertCentral said: brand_new|thing: It broke.',
    );
  });

  it('lets a code win over the status, and the status decide when no code fits', () => {
    expect(adviceFor([{ code: 'not_found|order', message: '' }], 403).kind).toBe('order-not-found');
    expect(adviceFor([{ code: 'x', message: '' }], 404).kind).toBe('not-found');
    expect(adviceFor([], 502).kind).toBe('server');
    expect(adviceFor([], undefined).kind).toBe('unknown');
    expect(adviceFor([{ code: 'invalid_value', message: '' }], 400).advice).toBe(
      'CertCentral refused one of the values sent: correct it and try again.',
    );
  });

  it('titles the rate limit, a missing order and a server problem', () => {
    expect(certCentralErrorTitle(answer('GET /x', 429, 'request_limit_exceeded'))).toBe(
      "CertCentral's rate limit was reached.",
    );
    expect(certCentralErrorTitle(answer('GET /x', 404, 'not_found|order'))).toBe(
      'Order not found in this account.',
    );
    expect(certCentralErrorTitle(answer('GET /x', 500, 'x'))).toBe('CertCentral had a server problem.');
    expect(certCentralErrorTitle(answer('GET /x', 400, 'x'))).toBe('CertCentral refused the request.');
  });
});

describe('when nothing or something unreadable answered', () => {
  it('says so honestly, warning about an order that may exist', () => {
    const timeout = new CertCentralError({ kind: 'timeout', message: 'x', unsafeMethod: true });
    expect(certCentralErrorTitle(timeout)).toBe('CertCentral did not answer in time.');
    expect(describeCertCentralError(timeout)).toBe(
      'CertCentral did not answer in time. Check your connection and try again. CertCentral may still ' +
        'have processed it: check the order list before trying again.',
    );
    const network = new CertCentralError({ kind: 'network', message: 'x' });
    expect(certCentralErrorTitle(network)).toBe('CertCentral could not be reached.');
    expect(describeCertCentralError(network)).toMatch(/^CertCentral could not be reached \(network error\)/);
  });

  it('names the unexpected field and what still works', () => {
    const odd = new CertCentralError({
      kind: 'invalid-response',
      status: 200,
      message: 'GET /organization answered in an unexpected shape: organizations[0].id: expected number',
    });
    expect(certCentralErrorTitle(odd)).toBe('CertCentral answered in an unexpected shape.');
    expect(describeCertCentralError(odd)).toBe(
      'CertCentral answered in a shape this extension does not understand (GET /organization answered in ' +
        'an unexpected shape: organizations[0].id: expected number). Nothing was changed; other lists and ' +
        'orders still work.',
    );
  });

  it('shows what a gateway answered, and caps anything that is not a CertCentralError', () => {
    const gateway = errorFromBody('GET /x', 502, '<html><title>502 Bad Gateway</title></html>', false);
    expect(describeCertCentralError(gateway)).toBe(
      'CertCentral had a server problem (HTTP 502). Try again in a few minutes. The server answered: 502 Bad Gateway',
    );
    expect(describeCertCentralError(new Error('boom'))).toBe('Unexpected error: boom');
    expect(describeCertCentralError(new Error('x'.repeat(10_000))).length).toBeLessThanOrEqual(600);
  });
});
