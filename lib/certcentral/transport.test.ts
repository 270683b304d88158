import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { json, noWait, type Reply, scriptedFetch, TEST_KEY } from './__fixtures__/fake-fetch';
import { CertCentralError } from './errors';
import type { Region } from './regions';
import { API_FETCH_INIT, apiUrl, backoffMs, createTransport, REDIRECT_REFUSED } from './transport';

const Thing = z.looseObject({ id: z.number(), name: z.string() });

function setup(
  replies: Reply[],
  extra: { region?: Region; timeoutMs?: number; maxGetRetries?: number } = {},
) {
  const fetch = scriptedFetch(...replies);
  const sleep = vi.fn(async (_ms: number) => {});
  const t = createTransport({
    apiKey: TEST_KEY,
    region: extra.region ?? 'us',
    fetch,
    limiter: noWait,
    sleep,
    random: () => 0.5,
    ...(extra.timeoutMs === undefined ? {} : { timeoutMs: extra.timeoutMs }),
    ...(extra.maxGetRetries === undefined ? {} : { maxGetRetries: extra.maxGetRetries }),
  });
  return { t, fetch, sleep };
}

async function caught(p: Promise<unknown>): Promise<CertCentralError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(CertCentralError);
    return err as CertCentralError;
  }
  throw new Error('expected a CertCentralError');
}

const HEADERS = { 'X-DC-DEVKEY': TEST_KEY, 'Content-Type': 'application/json', Accept: 'application/json' };

describe('createTransport: requests', () => {
  it.each([
    ['us', 'https://www.digicert.com/services/v2/user/me'],
    ['eu', 'https://certcentral.digicert.eu/services/v2/user/me'],
  ] as const)('sends GET to the %s base with the key and JSON headers', async (region, url) => {
    const { t, fetch } = setup([json(200, { id: 1, name: 'a', extra: true })], { region });
    await expect(t.get('/user/me', Thing)).resolves.toEqual({ id: 1, name: 'a', extra: true });
    expect(fetch.calls).toEqual([{ url, method: 'GET', headers: HEADERS, body: undefined }]);
  });

  it('keeps bracketed filter keys as given, encodes values and skips undefined', async () => {
    const { t, fetch } = setup([json(200, { id: 1, name: 'a' })]);
    await t.get('/order/certificate', Thing, {
      'filters[status]': 'issued',
      'filters[search]': 'a b&c',
      sort: undefined,
      limit: 10,
      flag: true,
    });
    expect(fetch.calls[0]?.url).toBe(
      'https://www.digicert.com/services/v2/order/certificate?filters[status]=issued&filters[search]=a%20b%26c&limit=10&flag=true',
    );
  });

  it('sends POST and PUT bodies as JSON', async () => {
    const { t, fetch } = setup([json(201, { id: 7, name: 'x' }), new Response(null, { status: 204 })]);
    await t.post('/order/certificate/ssl_basic', { a: 1 }, Thing);
    await expect(t.put('/order/certificate/7/status', { status: 'canceled' })).resolves.toBeUndefined();
    expect(fetch.calls.map((c) => [c.method, c.body, c.headers])).toEqual([
      ['POST', '{"a":1}', HEADERS],
      ['PUT', '{"status":"canceled"}', HEADERS],
    ]);
  });

  it('goes through the limiter before every attempt', async () => {
    const acquire = vi.fn(async () => {});
    const fetch = scriptedFetch(json(503, ''), json(200, { id: 1, name: 'a' }));
    const t = createTransport({
      apiKey: TEST_KEY,
      region: 'us',
      fetch,
      limiter: { acquire },
      sleep: async () => {},
    });
    await t.get('/x', Thing);
    expect(acquire).toHaveBeenCalledTimes(2);
  });

  it('refuses an empty or malformed key without echoing it', () => {
    expect(() => createTransport({ apiKey: '  ', region: 'us' })).toThrow(TypeError);
    const bad = () => createTransport({ apiKey: `${TEST_KEY}\nX`, region: 'us' });
    expect(bad).toThrow(TypeError);
    expect(bad).not.toThrow(TEST_KEY);
  });
});

describe('createTransport: retries', () => {
  it('retries a GET after 429 with backoff, then succeeds', async () => {
    const { t, fetch, sleep } = setup([
      json(429, { errors: [{ code: 'request_limit_exceeded', message: 'Slow down' }] }),
      json(200, { id: 1, name: 'a' }),
    ]);
    await expect(t.get('/user/me', Thing)).resolves.toMatchObject({ id: 1 });
    expect(fetch.calls).toHaveLength(2);
    expect(sleep).toHaveBeenCalledWith(backoffMs(0, 429, () => 0.5));
    expect(sleep.mock.calls[0]?.[0]).toBeGreaterThanOrEqual(2_500);
  });

  it('retries 5xx and network errors a bounded number of times, growing the wait', async () => {
    const { t, fetch, sleep } = setup([
      json(500, ''),
      new TypeError('fetch failed'),
      json(502, '<html>Bad gateway</html>'),
      json(503, ''),
    ]);
    const err = await caught(t.get('/x', Thing));
    expect(err).toMatchObject({ kind: 'http', status: 503, retryable: true });
    expect(fetch.calls).toHaveLength(4);
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([750, 1500, 3000]);
  });

  it('does not retry a 4xx', async () => {
    const { t, fetch } = setup([
      json(404, { errors: [{ code: 'not_found|order', message: 'Order not found' }] }),
    ]);
    const err = await caught(t.get('/order/certificate/1', Thing));
    expect(err).toMatchObject({ kind: 'http', status: 404, retryable: false });
    expect(err.errors).toEqual([{ code: 'not_found|order', message: 'Order not found' }]);
    expect(fetch.calls).toHaveLength(1);
  });

  it.each(['post', 'put'] as const)(
    'never retries a %s, even on 500, and flags the unknown outcome',
    async (m) => {
      const { t, fetch, sleep } = setup([json(500, { errors: [{ code: 'server_error', message: 'Oops' }] })]);
      const call = m === 'post' ? t.post('/order/certificate/ssl_basic', {}, Thing) : t.put('/x', {});
      const err = await caught(call);
      expect(err).toMatchObject({ kind: 'http', status: 500, retryable: true, outcomeUnknown: true });
      expect(fetch.calls).toHaveLength(1);
      expect(sleep).not.toHaveBeenCalled();
    },
  );

  it('bounds the backoff', () => {
    expect(backoffMs(10, 500, () => 1)).toBe(30_000);
    expect(backoffMs(0, 500, () => 0)).toBe(500);
  });
});

describe('createTransport: failures', () => {
  it('times out a call whose fetch never answers', async () => {
    const { t } = setup(['hang'], { timeoutMs: 20 });
    const err = await caught(t.post('/order/certificate/ssl_basic', {}, Thing));
    expect(err).toMatchObject({ kind: 'timeout', retryable: true, outcomeUnknown: true });
    expect(err.message).toContain('POST /order/certificate/ssl_basic');
  });

  it('retries a timed-out GET, then reports the timeout', async () => {
    const { t, fetch } = setup(['hang', 'hang'], { timeoutMs: 10, maxGetRetries: 1 });
    expect(await caught(t.get('/x', Thing))).toMatchObject({ kind: 'timeout' });
    expect(fetch.calls).toHaveLength(2);
  });

  it('names the missing field of an unexpected response', async () => {
    const { t } = setup([json(200, { orders: [{ id: 1, name: 'a' }, { id: 2 }] })]);
    const err = await caught(t.get('/o', z.looseObject({ orders: z.array(Thing) })));
    expect(err).toMatchObject({ kind: 'invalid-response', retryable: false, outcomeUnknown: false });
    expect(err.message).toContain('orders[1].name');
  });

  it('reports a 2xx body that is not JSON, and an empty body where data was expected', async () => {
    const { t } = setup([json(200, 'not json'), new Response(null, { status: 204 })]);
    expect(await caught(t.get('/x', Thing))).toMatchObject({ kind: 'invalid-response', status: 200 });
    const err = await caught(t.post('/x', {}, Thing));
    expect(err).toMatchObject({ kind: 'invalid-response', status: 204, outcomeUnknown: true });
    expect(err.message).toContain('(root)');
  });

  it('keeps several errors and tolerates a non-JSON error body', async () => {
    const two = {
      errors: [
        { code: 'invalid_value:validity_years', message: 'Too long' },
        { code: 'csr_invalid_cannot_parse', message: 'Bad CSR' },
      ],
    };
    const { t } = setup([json(400, two), json(502, '<html>Bad gateway</html>')], { maxGetRetries: 0 });
    expect((await caught(t.post('/x', {}, Thing))).errors).toHaveLength(2);
    const err = await caught(t.get('/x', Thing));
    expect(err).toMatchObject({ kind: 'http', status: 502, errors: [] });
  });
});

describe('createTransport: the key never leaks', () => {
  it('is absent from messages and causes, even when the network error or body echoes it', async () => {
    const { t } = setup(
      [
        new TypeError(`Headers.append: "${TEST_KEY}" is an invalid header value`),
        json(401, {
          errors: [{ code: 'access_denied|invalid_api_key', message: `Key ${TEST_KEY} is invalid` }],
        }),
        json(200, { id: `x${TEST_KEY}` }),
        'hang',
      ],
      { maxGetRetries: 0, timeoutMs: 5 },
    );
    const errors = [
      await caught(t.get('/a', Thing)),
      await caught(t.get('/b', Thing)),
      await caught(t.get('/c', Thing)),
      await caught(t.get('/d', Thing)),
    ];
    expect(errors.map((e) => e.kind)).toEqual(['network', 'http', 'invalid-response', 'timeout']);
    for (const err of errors) {
      const everything =
        JSON.stringify({ message: err.message, errors: err.errors, stack: err.stack }) +
        String((err.cause as Error | undefined)?.message) +
        String((err.cause as Error | undefined)?.stack);
      expect(everything).not.toContain(TEST_KEY);
    }
    expect(errors[0]?.message).toContain('[redacted]');
  });
});

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
