import https from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter } from './auth';
import { ADMIN, sandboxRequest, VIEW_ONLY } from './client';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z').getTime();
const clock = { t: T0 };
let sb: Sandbox;
let agent: https.Agent;
const me = (key: string = ADMIN) => sandboxRequest(sb.port, 'GET', '/services/v2/user/me', { key, agent });

beforeAll(async () => {
  sb = await startSandbox({ now: () => new Date(clock.t) });
  agent = new https.Agent({ keepAlive: true, maxSockets: 4, rejectUnauthorized: false });
});
afterAll(async () => {
  agent.destroy();
  await sb.close();
});
beforeEach(() => {
  clock.t = T0;
  sb.reset();
});

describe('rate limit per key: 100 per 5 s and 1000 per 3 min', () => {
  it('answers 429 request_limit_exceeded to the 101st request within 5 seconds', async () => {
    for (let i = 0; i < 100; i++) {
      clock.t = T0 + i * 40; // 100 requests spread over 4 s
      expect((await me()).status).toBe(200);
    }
    const over = await me();
    expect(over.status).toBe(429);
    expect(over.json).toEqual({ errors: [{ code: 'request_limit_exceeded', message: expect.any(String) }] });
    expect((await me(VIEW_ONLY)).status).toBe(200); // another key has its own budget
    clock.t = T0 + 5_000; // the first request has left the 5 s window
    expect((await me()).status).toBe(200);
  });

  it('can be switched off for manual exploration', async () => {
    sb.state.settings.rateLimit = false;
    for (let i = 0; i < 105; i++) expect((await me()).status).toBe(200);
  });

  it('1000 requests in any 3 minutes, checked on the limiter itself', () => {
    const t = { now: T0 };
    const limiter = new RateLimiter(() => new Date(t.now));
    for (let i = 0; i < 1000; i++) {
      t.now = T0 + i * 150; // 1000 requests over 150 s, never 100 in 5 s
      expect(limiter.check('admin')).toBeUndefined();
    }
    t.now = T0 + 150_100;
    expect(limiter.check('admin')?.status).toBe(429);
    t.now = T0 + 180_001; // the oldest request has left the 3 minute window
    expect(limiter.check('admin')).toBeUndefined();
  });
});
