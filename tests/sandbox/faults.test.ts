import https from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, sandboxRequest, validEvOrderBody } from './client';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
const ORDER_PATH = '/services/v2/order/certificate/ssl_ev_securesite_pro';
let sb: Sandbox;
let csr: string;
const post = (agent?: https.Agent) =>
  sandboxRequest(sb.port, 'POST', ORDER_PATH, {
    key: ADMIN,
    body: validEvOrderBody(csr),
    ...(agent ? { agent } : {}),
  });
const newOrders = () => sb.state.orders.filter((o) => o.id > 10001000);

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  csr = await makeTestCsr('secure.example.com');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('fault injection', () => {
  it('status: answers the error without doing the work, once by default', async () => {
    sb.faults.add({
      method: 'POST',
      pathPrefix: '/services/v2/order/',
      fault: { kind: 'status', status: 503 },
    });
    const res = await post();
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ errors: [{ code: 'internal_error', message: expect.any(String) }] });
    expect(newOrders()).toHaveLength(0);
    expect((await post()).status).toBe(201);
    expect(sb.faults.injectedCount).toBe(1);
    expect(sb.requestLog[0]).toMatchObject({ status: 503, fault: 'status' });
  });

  it('status over HTTP, matched by method and path, `times` times', async () => {
    const add = await sandboxRequest(sb.port, 'POST', '/__sandbox/faults', {
      body: {
        method: 'GET',
        pathPrefix: '/services/v2/user/me',
        times: 2,
        fault: { kind: 'status', status: 429 },
      },
    });
    expect(add.status).toBe(201);
    const me = () => sandboxRequest(sb.port, 'GET', '/services/v2/user/me', { key: ADMIN });
    expect((await sandboxRequest(sb.port, 'GET', '/services/v2/product', { key: ADMIN })).status).toBe(200);
    expect((await me()).json).toMatchObject({ errors: [{ code: 'request_limit_exceeded' }] });
    expect((await me()).status).toBe(429);
    expect((await me()).status).toBe(200);
    const info = await sandboxRequest(sb.port, 'GET', '/__sandbox/faults');
    expect(info.json).toEqual({ rules: [], injectedCount: 2 });
    const bad = await sandboxRequest(sb.port, 'POST', '/__sandbox/faults', {
      body: { fault: { kind: 'explode' } },
    });
    expect(bad.status).toBe(400);
  });

  it('clear() and DELETE /__sandbox/faults remove armed rules', async () => {
    sb.faults.add({ fault: { kind: 'status', status: 500 }, times: 5 });
    expect((await sandboxRequest(sb.port, 'DELETE', '/__sandbox/faults')).status).toBe(204);
    expect((await sandboxRequest(sb.port, 'GET', '/services/v2/user/me', { key: ADMIN })).status).toBe(200);
    expect(sb.faults.injectedCount).toBe(0);
  });

  it('delay: waits, then answers normally', async () => {
    sb.faults.add({ pathPrefix: '/services/v2/user/me', fault: { kind: 'delay', ms: 300 } });
    const t = Date.now();
    const res = await sandboxRequest(sb.port, 'GET', '/services/v2/user/me', { key: ADMIN });
    expect(res.status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
  });

  it('lose-response: stores the order, the client gets a socket error', async () => {
    sb.faults.add({ method: 'POST', fault: { kind: 'lose-response' } });
    await expect(post()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(newOrders()).toHaveLength(1);
    expect(sb.requestLog.at(-1)).toMatchObject({ method: 'POST', status: null, fault: 'lose-response' });
    expect(sb.faults.injectedCount).toBe(1);
  });

  it('drop-keepalive: fires only on a reused keep-alive socket, after storing the order', async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
    try {
      sb.faults.add({ method: 'POST', pathPrefix: ORDER_PATH, fault: { kind: 'drop-keepalive' } });
      // First request on a fresh connection: passes, the rule stays armed.
      expect((await post(agent)).status).toBe(201);
      expect(sb.faults.injectedCount).toBe(0);
      // Second request reuses the same connection: the order is stored, then the socket is destroyed.
      await expect(post(agent)).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(newOrders()).toHaveLength(2);
      const [first, second] = sb.requestLog;
      expect(first).toMatchObject({ socketRequest: 1, socketReused: false, status: 201 });
      expect(second).toMatchObject({
        socketId: first?.socketId,
        socketRequest: 2,
        socketReused: true,
        status: null,
        fault: 'drop-keepalive',
      });
      expect(sb.faults.injectedCount).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});
