/**
 * The renewal core on the production build against the sandbox, driven through the message
 * protocol from an extension page: the Expiring view, a bulk renewal of the expiring seed orders with
 * one refused by the API (nothing ordered twice, even when the same selection is run again), a free
 * reissue, and a 200-order run that must finish without a single 429.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkRenewal } from '../../lib/messaging';
import { makeTestCsr } from '../sandbox/client';
import { SEED_IDS } from '../sandbox/seed';
import { addIssuedOrders } from '../sandbox/seed/bulk';
import type { Sandbox } from '../sandbox/server';
import type { ExtensionBrowser } from '../support/browser';
import { callBackground } from '../support/extension-calls';
import {
  addRefusedRenewal,
  REFUSED_RENEWAL as REFUSED,
  startConnected,
  stopConnected,
} from '../support/setup';
import { renewalTemplate, RENEWAL_TEMPLATE_ID as TEMPLATE_ID } from '../support/stored-templates';

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let driver: Page;

async function runToEnd(orderIds: number[], timeoutMs = 60_000): Promise<BulkRenewal> {
  const started = await callBackground(driver, 'startBulkRenewal', { templateId: TEMPLATE_ID, orderIds });
  if (!started.ok) throw new Error(`${started.error.title} ${started.error.detail ?? ''}`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const run = await callBackground(driver, 'getBulkRenewal', { runId: started.value.runId });
    if (!run.ok) throw new Error(run.error.title);
    if (run.value.finishedAt) return run.value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the bulk renewal did not finish in time');
}

const renewalsOf = (orderId: number) =>
  sandbox.state.orders.filter((o) => o.renewal_of_order_id === orderId).length;

beforeAll(async () => {
  const run = await startConnected({ templates: [renewalTemplate()], prepare: addRefusedRenewal });
  ({ sandbox, browser, driver } = run);
});

afterAll(() => stopConnected({ sandbox, browser }));

describe('renewal', () => {
  it('lists the expiring orders confirmed from the API, with their guard rails', async () => {
    const reply = await callBackground(driver, 'listExpiringOrders', { withinDays: 30 });
    if (!reply.ok) throw new Error(reply.error.title);
    const byId = new Map(reply.value.orders.map((o) => [o.orderId, o]));
    for (const id of [...SEED_IDS.expiringWithin30, SEED_IDS.renewed, REFUSED])
      expect(byId.has(id)).toBe(true);
    expect(byId.get(SEED_IDS.multiYear)?.guards.map((g) => g.kind)).toEqual(['reissue-instead']);
    expect(byId.get(SEED_IDS.renewed)?.guards.map((g) => g.kind)).toEqual(['already-renewed']);
    expect(byId.get(10000001)).toMatchObject({
      csrAvailable: true,
      guards: [],
      renewalValues: { renewal_of_order_id: 10000001 },
    });
  });

  it('bulk-renews the expiring orders: one refused by the API, nothing ordered twice', async () => {
    const ids = [...SEED_IDS.expiringWithin30, SEED_IDS.renewed, SEED_IDS.pending, REFUSED];
    const run = await runToEnd(ids);
    const state = (id: number) => run.items.find((i) => i.orderId === id);
    for (const id of SEED_IDS.expiringWithin30)
      expect(state(id)?.state, JSON.stringify(state(id))).toBe('submitted');
    expect(state(SEED_IDS.multiYear)?.message).toContain('Multi-year Plan');
    expect(state(SEED_IDS.renewed)).toMatchObject({
      state: 'skipped',
      message: expect.stringContaining('already renewed'),
    });
    expect(state(SEED_IDS.pending)).toMatchObject({
      state: 'skipped',
      message: expect.stringContaining('pending'),
    });
    expect(state(REFUSED)).toMatchObject({
      state: 'failed',
      message: expect.stringContaining('deactivated'),
    });
    const placed = sandbox.state.orders.find((o) => o.renewal_of_order_id === 10000002);
    expect(placed?.body).toMatchObject({
      certificate: {
        common_name: 'api.example.com',
        dns_names: ['api.example.com'],
        server_platform: { id: 45 },
      },
      organization: { id: SEED_IDS.organizations.ov },
      renewal_of_order_id: 10000002,
    });

    const again = await runToEnd(ids);
    expect(again.items.filter((i) => i.state === 'submitted')).toEqual([]);
    for (const id of ids) expect(renewalsOf(id), `order ${id}`).toBeLessThanOrEqual(1);
  });

  it('reissues a Multi-year Plan for free instead', async () => {
    const csr = await makeTestCsr('mail.example.com');
    const refused = await callBackground(driver, 'reissueOrder', { orderId: SEED_IDS.pending, csr });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_issued' } });
    const done = await callBackground(driver, 'reissueOrder', { orderId: 10000005, csr });
    expect(done).toMatchObject({ ok: true, value: { orderId: 10000005 } });
    expect(sandbox.state.orders.find((o) => o.id === 10000005)?.reissues?.[0]?.body).toMatchObject({
      certificate: { common_name: 'mail.example.com', csr },
    });
  });

  it('renews 200 orders with zero 429 responses', { timeout: 300_000 }, async () => {
    const extra = addIssuedOrders(sandbox.state, new Date(), { count: 200, firstId: 10005001, daysLeft: 25 });
    const firstSeq = sandbox.requestLog.at(-1)?.seq ?? 0;
    const t0 = Date.now();
    const run = await runToEnd(
      extra.map((o) => o.id),
      280_000,
    );
    const seconds = (Date.now() - t0) / 1000;
    const log = sandbox.requestLog.filter((e) => e.seq > firstSeq && e.path.startsWith('/services/v2/'));
    const tooMany = log.filter((e) => e.status === 429).length;
    const floor = (log.length / 100) * 5;
    // Which calls the requests went to, so a change that spends more of the budget shows where.
    const byCall = new Map<string, number>();
    for (const e of log) {
      const call = `${e.method} ${e.path
        .replace('/services/v2', '')
        .replace(/\?.*$/, '')
        .replace(/\/\d+/g, '/{id}')
        .replace(/renewal-of-[\w-]+/, '{alt}')}`;
      byCall.set(call, (byCall.get(call) ?? 0) + 1);
    }
    const calls = [...byCall].sort((x, y) => y[1] - x[1]).map(([call, n]) => `${n} ${call}`);
    console.log(
      `bulk renewal of 200 orders: ${seconds.toFixed(1)} s, ${log.length} API requests (${calls.join(', ')}), ${tooMany} × 429; rate-limit floor ${floor.toFixed(1)} s (requests ÷ 100 per 5 s)`,
    );
    expect(run.items.filter((i) => i.state === 'submitted')).toHaveLength(200);
    expect(tooMany).toBe(0);
    for (const o of extra) expect(renewalsOf(o.id)).toBe(1);
  });
});
