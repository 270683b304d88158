import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestCsr, sandboxRequest, validEvOrderBody } from './client';
import { type Sandbox, startSandbox } from './server';

const T0 = new Date('2026-06-01T12:00:00Z');
let sb: Sandbox;
let csr: string;
const page = (path: string) => sandboxRequest(sb.port, 'GET', path, { host: 'www.digicert.com' });

beforeAll(async () => {
  sb = await startSandbox({ now: () => T0 });
  csr = await makeTestCsr('secure.example.com');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('console pages', () => {
  it('orders list: an "Order #" column linking to each order, with and without the trailing slash', async () => {
    for (const path of ['/secure/orders/', '/secure/orders']) {
      const res = await page(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<th>Order #</th>');
      expect(res.text).toContain('<a href="/secure/orders/10000001">10000001</a>');
      expect(res.text.match(/<a href="\/secure\/orders\/\d+">/g)).toHaveLength(11);
      expect(res.text).toContain('shop.example.com');
    }
  });

  it('order details: heading with the order number and the facts', async () => {
    const res = await page('/secure/orders/10000004');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Order #10000004</h1>');
    expect(res.text).toContain('www.example.org');
    expect(res.text).toContain('Basic EV');
  });

  it('unknown order ids give a not-found page', async () => {
    const res = await page('/secure/orders/123');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Order not found');
    expect(res.text).not.toContain('<h1>Order #');
  });

  it('escapes hostile text taken from orders and URLs', async () => {
    const body = { ...validEvOrderBody(csr), comments: '<img src=x onerror=alert(1)>"&\'' };
    expect(
      (
        await sandboxRequest(sb.port, 'POST', '/services/v2/order/certificate/ssl_ev_securesite_pro', {
          key: ADMIN,
          body,
        })
      ).status,
    ).toBe(201);
    const res = await page('/secure/orders/10001001');
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    expect(res.text).not.toContain('<img');
    const weird = await page('/secure/orders/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(weird.text).toContain('&lt;script&gt;');
    expect(weird.text).not.toContain('<script>');
  });

  it('?rows=N renders N synthetic rows for benchmarks', async () => {
    const res = await page('/secure/orders/?rows=1000');
    expect(res.text.match(/<tr><td><a href="\/secure\/orders\/\d+">/g)).toHaveLength(1000);
    expect(res.text).toContain('<a href="/secure/orders/90001000">90001000</a>');
  });

  it('load nothing from elsewhere', async () => {
    for (const path of ['/secure/orders/', '/secure/orders/10000001', '/__sandbox/']) {
      const res = await page(path);
      expect(res.text).not.toMatch(/<(script|img|link|iframe)\b/i);
      expect(res.text).not.toMatch(/(src|href)="(https?:)?\/\//i);
    }
    expect((await page('/secure/orders/')).headers['content-security-policy']).toContain(
      "default-src 'none'",
    );
  });
});
