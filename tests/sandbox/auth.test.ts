import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, ORDERS, sandboxRequest, VIEW_ONLY, validEvOrderBody } from './client';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
let sb: Sandbox;
const get = (path: string, key?: string) =>
  sandboxRequest(sb.port, 'GET', `/services/v2${path}`, key ? { key } : {});
const codeOf = (json: unknown) => (json as { errors: { code: string }[] }).errors.map((e) => e.code);

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('API keys (X-DC-DEVKEY)', () => {
  it('refuses a call without a key (or with an empty one) with 403 access_denied|missing_api_key', async () => {
    const body = {
      errors: [{ code: 'access_denied|missing_api_key', message: 'Access denied due to missing_api_key.' }],
    };
    const res = await get('/user/me');
    expect(res.status).toBe(403);
    expect(res.json).toEqual(body);
    const empty = await sandboxRequest(sb.port, 'GET', '/services/v2/user/me', {
      headers: { 'x-dc-devkey': '' },
    });
    expect(empty.status).toBe(403);
    expect(empty.json).toEqual(body);
  });

  it('refuses an unknown key with the recorded 403 answer, word for word', async () => {
    for (const path of ['/user/me', '/order/certificate', '/organization']) {
      const res = await get(path, 'not-a-real-key');
      expect(res.status).toBe(403);
      expect(res.text).toBe(
        '{"errors":[{"code":"access_denied|access_denied_invalid_key",' +
          '"message":"Access denied due to access_denied_invalid_key."}]}',
      );
    }
    expect(sb.requestLog.map((e) => e.status)).toEqual([403, 403, 403]);
  });

  it('GET /user/me tells which roles each key has', async () => {
    const admin = (await get('/user/me', ADMIN)).json as { id: number; access_roles: { id: number }[] };
    expect(admin.id).toBe(100001);
    const view = (await get('/user/me', VIEW_ONLY)).json as { access_roles: { id: number; name: string }[] };
    expect(view.access_roles).toEqual([{ id: 102, name: 'View Only' }]);
    const orders = (await get('/user/me', ORDERS)).json as { access_roles: { id: number }[] };
    expect(orders.access_roles[0]?.id).toBe(100);
  });

  it('a view-only key may GET but any other method is 403 access_denied|missing_permission', async () => {
    expect((await get('/order/certificate/10000001', VIEW_ONLY)).status).toBe(200);
    const csr = await makeTestCsr('secure.example.com');
    const post = await sandboxRequest(
      sb.port,
      'POST',
      '/services/v2/order/certificate/ssl_ev_securesite_pro',
      {
        key: VIEW_ONLY,
        body: validEvOrderBody(csr),
      },
    );
    expect(post.status).toBe(403);
    expect(codeOf(post.json)).toEqual(['access_denied|missing_permission']);
    const put = await sandboxRequest(sb.port, 'PUT', '/services/v2/order/certificate/10000008/status', {
      key: VIEW_ONLY,
      body: { status: 'canceled', note: 'x' },
    });
    expect(put.status).toBe(403);
    expect(sb.state.orders).toHaveLength(11);
  });

  it('an Orders-role key cannot list organizations or users, but can test itself', async () => {
    expect((await get('/organization', ORDERS)).status).toBe(403);
    expect((await get('/user', ORDERS)).status).toBe(403);
    expect((await get('/user/me', ORDERS)).status).toBe(200);
    expect((await get('/order/certificate', ORDERS)).status).toBe(200);
  });

  it('logs which sandbox key was used but never the key itself', async () => {
    await get('/user/me', ADMIN);
    await get('/user/me', 'my-real-digicert-key');
    const [a, b] = sb.requestLog;
    expect(a?.key).toBe('admin');
    expect(a?.headers['x-dc-devkey']).toBe('[REDACTED]');
    expect(b?.key).toBe('unknown');
    expect(JSON.stringify(sb.requestLog)).not.toContain('my-real-digicert-key');
    const overHttp = await sandboxRequest(sb.port, 'GET', '/__sandbox/log');
    expect((overHttp.json as { entries: unknown[] }).entries).toHaveLength(2);
  });
});
