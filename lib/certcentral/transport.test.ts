import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { json, scriptedFetch, TEST_KEY } from './testing/fake-fetch';
import { caught, HEADERS, setup, Thing } from './testing/transport-harness';
import { backoffMs, createTransport } from './transport';

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

  it('goes through the limiter before every attempt, and tells it when each is over', async () => {
    const over = vi.fn();
    const acquire = vi.fn(async () => over);
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
    expect(over).toHaveBeenCalledTimes(2);
  });

  it('tells the limiter a request is over when it failed on the way', async () => {
    const over = vi.fn();
    const t = createTransport({
      apiKey: TEST_KEY,
      region: 'us',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      limiter: { acquire: async () => over },
      sleep: async () => {},
      maxGetRetries: 0,
    });
    await expect(t.post('/x', {}, Thing)).rejects.toThrow();
    expect(over).toHaveBeenCalledTimes(1);
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
