import { beforeEach, describe, expect, it } from 'vitest';
import { CertCentralError, errorFromBody } from '../certcentral/errors';
import { describeFailure } from './connection';
import { getSettingsView, saveKey, testConnection, toUserError } from './service';
import { CHECKED, depsAnswering, resetSettingsStorage } from './testing';

// The real answer to a key that does not exist (docs/error-codes.md: recorded by public clients).
const WRONG_KEY = {
  errors: [
    {
      code: 'access_denied|access_denied_invalid_key',
      message: 'Access denied due to access_denied_invalid_key.',
    },
  ],
};
const answering = (status: number, body: unknown) => depsAnswering({ status, body });

beforeEach(resetSettingsStorage);

describe('connection test with the real wrong-key answer', () => {
  it.each([
    ['us', 'This test used the US region (www.digicert.com): if your CertCentral console says'],
    ['eu', 'This test used the Europe region (certcentral.digicert.eu): if you sign in to CertCentral at'],
  ] as const)('shows the invalid-key advice and names the %s region it used', async (region, hint) => {
    const deps = answering(403, WRONG_KEY);
    await saveKey({ apiKey: 'SOMEKEY-0123456789ABCDEF', region }, deps);
    await testConnection(deps);
    const shown = (await getSettingsView()).connection;
    if (shown?.state !== 'failed') throw new Error('expected a failed connection');
    expect(shown.error).toMatchObject({
      title: 'This API key is not valid.',
      code: 'access_denied|access_denied_invalid_key',
      status: 403,
    });
    expect(shown.error.detail).toMatch(/^This API key is not valid \(revoked or mistyped\)/);
    expect(shown.error.detail).toContain('Access denied due to access_denied_invalid_key.');
    expect(shown.error.detail).toContain(hint);
    expect(shown.error.detail).not.toMatch(/restricted|Orders role/);
  });
});

describe('describeFailure', () => {
  it('adds the region only when the key itself was refused', () => {
    const denied = toUserError(
      errorFromBody(
        'GET /user/me',
        403,
        JSON.stringify({ errors: [{ code: 'access_denied|missing_permission', message: 'No' }] }),
        false,
      ),
    );
    expect(describeFailure(denied, 'us', CHECKED)).toEqual({
      state: 'failed',
      checkedAt: '2026-11-29T10:00:00.000Z',
      region: 'us',
      error: denied,
    });
    const unauthorized = describeFailure({ title: 'x', status: 401 }, 'eu', CHECKED);
    expect(unauthorized.state === 'failed' && unauthorized.error.detail).toMatch(
      /^This test used the Europe region/,
    );
  });
});

describe('toUserError titles say what happened', () => {
  it.each([
    [new CertCentralError({ kind: 'network', message: 'x' }), 'CertCentral could not be reached.'],
    [new CertCentralError({ kind: 'timeout', message: 'x' }), 'CertCentral did not answer in time.'],
    [
      new CertCentralError({ kind: 'invalid-response', message: 'x' }),
      'CertCentral answered in an unexpected shape.',
    ],
    [errorFromBody('GET /x', 502, '<title>Bad Gateway</title>', false), 'CertCentral had a server problem.'],
    [
      errorFromBody('GET /x', 400, '{"errors":[{"code":"x","message":"y"}]}', false),
      'CertCentral refused the request.',
    ],
    [new Error('boom'), 'Something went wrong.'],
  ])('%#: %s', (error, title) => {
    expect(toUserError(error).title).toBe(title);
  });

  it('keeps code and status, and tells what still works after an unreadable answer', () => {
    expect(
      toUserError(errorFromBody('GET /x', 429, '{"errors":[{"code":"request_limit_exceeded"}]}', false)),
    ).toEqual({
      title: "CertCentral's rate limit was reached.",
      detail: expect.stringMatching(/^CertCentral's rate limit for this API key was reached/),
      code: 'request_limit_exceeded',
      status: 429,
    });
    const odd = new CertCentralError({
      kind: 'invalid-response',
      status: 200,
      message: 'GET /x: id missing',
    });
    expect(toUserError(odd).detail).toMatch(
      /\(GET \/x: id missing\)\. Nothing was changed; other lists and orders still work\.$/,
    );
  });
});
