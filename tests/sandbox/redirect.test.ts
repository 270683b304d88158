// The redirect fault: the sandbox answers an API request with a 3xx to another host instead of doing
// the work, so end-to-end tests can check that the extension never follows it with the key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, sandboxRequest } from './client';
import { type Sandbox, startSandbox } from './server';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('redirect fault', () => {
  it('answers 302 with the Location given, once, without doing the work', async () => {
    const add = await sandboxRequest(sb.port, 'POST', '/__sandbox/faults', {
      body: {
        method: 'GET',
        pathPrefix: '/services/v2/user/me',
        fault: { kind: 'redirect', location: 'https://127.0.0.1:9/steal' },
      },
    });
    expect(add.status).toBe(201);
    const me = () => sandboxRequest(sb.port, 'GET', '/services/v2/user/me', { key: ADMIN });
    const redirected = await me();
    expect(redirected.status).toBe(302);
    expect(redirected.headers.location).toBe('https://127.0.0.1:9/steal');
    expect(redirected.text).toBe('');
    expect((await me()).status).toBe(200);
    expect(sb.requestLog.map((e) => [e.status, e.fault])).toEqual([
      [302, 'redirect'],
      [200, undefined],
    ]);
    expect(sb.faults.injectedCount).toBe(1);
  });

  it('takes another redirect status, and refuses a bad one or a Location that is no URL', async () => {
    sb.faults.add({
      method: 'POST',
      fault: { kind: 'redirect', status: 307, location: 'https://127.0.0.1:9/steal' },
    });
    const post = await sandboxRequest(sb.port, 'POST', '/services/v2/order/certificate/ssl_basic', {
      key: ADMIN,
      body: {},
    });
    expect(post.status).toBe(307);
    expect(sb.state.orders.some((o) => o.id > 10001000)).toBe(false);
    for (const fault of [
      { kind: 'redirect', status: 200, location: 'https://127.0.0.1:9/' },
      { kind: 'redirect', location: 'not a url' },
    ]) {
      const res = await sandboxRequest(sb.port, 'POST', '/__sandbox/faults', { body: { fault } });
      expect(res.status).toBe(400);
    }
  });
});
