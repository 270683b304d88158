// The key goes to the API origin only: fetch options, redirects refused, URLs checked before sending.
import { describe, expect, it } from 'vitest';
import { json, noWait, type Reply, scriptedFetch, TEST_KEY } from './testing/fake-fetch';
import { caught, Thing } from './testing/transport-harness';
import { API_FETCH_INIT, apiUrl, createTransport, REDIRECT_REFUSED } from './transport';

describe('createTransport: the key goes to the API origin only', () => {
  /** The init options each fetch got, besides what scriptedFetch records. */
  function spied(replies: Reply[]) {
    const fetch = scriptedFetch(...replies);
    const inits: RequestInit[] = [];
    const t = createTransport({
      apiKey: TEST_KEY,
      region: 'eu',
      limiter: noWait,
      sleep: async () => {},
      fetch: (url, init) => {
        inits.push(init);
        return fetch(url, init);
      },
    });
    return { t, fetch, inits };
  }
  const redirect = (status: number, location: string) =>
    new Response(null, { status, headers: { Location: location } });

  it('sends every request with no redirect, no cookie, no referrer and no cache', async () => {
    const { t, inits } = spied([
      json(200, { id: 1, name: 'a' }),
      new Response('PEM', { status: 200 }),
      json(201, { id: 2, name: 'b' }),
      new Response(null, { status: 204 }),
    ]);
    await t.get('/user/me', Thing);
    await t.getText('/certificate/1/download/format/pem_all');
    await t.post('/order/certificate/ssl_basic', {}, Thing);
    await t.put('/order/certificate/2/status', {});
    expect(inits).toHaveLength(4);
    for (const init of inits) {
      expect(init).toMatchObject({
        redirect: 'error',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
    }
    expect(API_FETCH_INIT).toEqual({
      redirect: 'error',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  });

  it('refuses a redirect answer without following or retrying it', async () => {
    const { t, fetch } = spied([redirect(302, 'https://127.0.0.1:9/steal')]);
    const err = await caught(t.get('/user/me', Thing));
    expect(err).toMatchObject({ kind: 'network', outcomeUnknown: false });
    expect(err.message).toBe(`GET /user/me: ${REDIRECT_REFUSED}.`);
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://certcentral.digicert.eu/services/v2/user/me']);
  });

  it.each([301, 303, 307, 308])('treats a %s on the order POST as an unknown outcome', async (status) => {
    const { t, fetch } = spied([redirect(status, 'https://127.0.0.1:9/steal')]);
    const err = await caught(t.post('/order/certificate/ssl_basic', {}, Thing));
    expect(err).toMatchObject({ kind: 'network', outcomeUnknown: true });
    expect(err.message).toBe(`POST /order/certificate/ssl_basic: ${REDIRECT_REFUSED}.`);
    expect(fetch.calls).toHaveLength(1);
  });

  it('refuses an answer a fetch followed elsewhere, or one from another origin', async () => {
    const moved = json(200, { id: 1, name: 'a' });
    Object.defineProperty(moved, 'url', { value: 'https://127.0.0.1:9/steal' });
    const followed = json(200, { id: 1, name: 'a' });
    Object.defineProperty(followed, 'redirected', { value: true });
    const { t } = spied([() => moved, () => followed]);
    expect((await caught(t.get('/a', Thing))).message).toContain(REDIRECT_REFUSED);
    expect((await caught(t.put('/b', {}))).outcomeUnknown).toBe(true);
  });

  it('counts the redirect that fetch itself fails as a network error (redirect: error)', async () => {
    const { t } = spied([new TypeError('Failed to fetch')]);
    const err = await caught(t.post('/order/certificate/ssl_basic', {}, Thing));
    expect(err).toMatchObject({ kind: 'network', outcomeUnknown: true });
  });

  it.each(['/../../steal', '/%2e%2e/%2E%2E/steal', '/v2/../../v1/user', '/./../v1/user'])(
    'refuses %s before any fetch, outside /services/v2/',
    async (path) => {
      const { t, fetch } = spied([json(200, { id: 1, name: 'a' })]);
      await expect(t.get(path, Thing)).rejects.toThrow(
        new TypeError(
          `Refused to call ${path}: not under the CertCentral API https://certcentral.digicert.eu/services/v2/`,
        ),
      );
      await expect(t.post(path, {}, Thing)).rejects.toThrow(TypeError);
      expect(fetch.calls).toEqual([]);
    },
  );

  it('keeps every built URL on the API origin under /services/v2/', () => {
    const base = 'https://www.digicert.com/services/v2';
    expect(apiUrl(base, '/order/certificate', { 'filters[search]': '../x' })).toBe(
      `${base}/order/certificate?filters[search]=..%2Fx`,
    );
    expect(apiUrl(base, '//127.0.0.1:9/steal')).toBe(`${base}//127.0.0.1:9/steal`);
    expect(() => apiUrl(base, 'https://127.0.0.1:9/steal')).toThrow(TypeError);
    expect(() => apiUrl(base, '/../v1')).toThrow('Refused to call /../v1');
  });
});
