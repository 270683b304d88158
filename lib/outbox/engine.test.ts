// The engine's front door: submit (checked, persisted, placed), the history and what needs attention.
// Drafts: engine-drafts.test.ts; following placed orders, cancel and download: engine-follow-up.test.ts.

import { beforeEach, describe, expect, it } from 'vitest';
import { writePrivate } from '../storage/private-store';
import { cardBody, createHarness, EV, freshDatabase, orderBody, submitOk, TODAY } from './testing/harness';
import { FIRST_CHECK_MS, MINUTE } from './timing';

beforeEach(freshDatabase);

describe('submit', () => {
  it('refuses an invalid order with every problem and creates nothing', async () => {
    const h = createHarness();
    const body = orderBody();
    delete body.order_validity;
    (body.certificate as Record<string, unknown>).common_name = '';
    const result = await h.engine.submit({ product: EV, request: body });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.path).sort()).toEqual([
        'certificate.common_name',
        'order_validity',
      ]);
    expect(await h.engine.list()).toEqual([]);
    expect(h.fake.calls).toEqual([]);
  });

  it('refuses an unknown product', async () => {
    const h = createHarness();
    const result = await h.engine.submit({ product: 'ssl_plus', request: orderBody() });
    expect(result.ok).toBe(false);
  });

  it('persists a queued entry with a fresh alternative_order_id before anything is sent', async () => {
    const h = createHarness();
    const result = await h.engine.submit({
      product: EV,
      request: { ...orderBody(), alternative_order_id: 'from-the-template' },
      template: { id: 't1', name: 'EV' },
    });
    if (!result.ok) throw new Error('refused');
    expect(result.entry).toMatchObject({
      state: 'queued',
      template: { id: 't1', name: 'EV' },
      commonName: 'example.com',
    });
    expect(result.entry.request.alternative_order_id).toBe(result.entry.id);
    expect(h.fake.calls).toEqual([]);
    await result.processing;
    expect(h.fake.orders[0]?.alternative_order_id).toBe(result.entry.id);
  });

  it('places the order, checks for duplicates, notifies and schedules the first check', async () => {
    const h = createHarness();
    const entry = await submitOk(h);
    expect(entry).toMatchObject({
      state: 'placed',
      orderId: 1001,
      requestId: 10001,
      certificateId: 6001,
      attempts: 1,
    });
    expect(entry.duplicatesCheckedAt).toBeDefined();
    expect(h.fake.calls.map((c) => c.method)).toEqual(['POST', 'GET']);
    expect(h.kinds()).toEqual(['placed']);
    expect(h.scheduled.at(-1)).toEqual(new Date(TODAY.getTime() + FIRST_CHECK_MS));
    expect(h.changes()).toBeGreaterThan(2);
    expect(entry.timeline.map((s) => s.state)).toEqual(['queued', 'sending', 'placed']);
  });

  it('an API refusal fails the entry with every {code, message}, keeps the request, places nothing', async () => {
    const h = createHarness();
    const errors = [
      { code: 'invalid_dns_name', message: 'Domain is invalid.' },
      { code: 'missing_org', message: 'Organization is missing.' },
    ];
    h.fake.faults.post.push({ kind: 'refuse', errors });
    const entry = await submitOk(h);
    expect(entry.state).toBe('failed');
    expect(entry.messages).toEqual(errors);
    expect(entry.note).toContain(
      'invalid_dns_name: Domain is invalid.; missing_org: Organization is missing.',
    );
    expect(entry.request.certificate).toMatchObject({ common_name: 'example.com' });
    expect(h.fake.orders).toHaveLength(0);
    expect(h.kinds()).toEqual(['needs-attention']);
    expect(await h.engine.needsAttentionCount()).toBe(1);
  });

  it('with no API key, fails with the reason and sends nothing', async () => {
    const h = createHarness();
    h.setTransport(() => ({ ok: false, error: { title: 'No API key is saved.', code: 'no_api_key' } }));
    const entry = await submitOk(h);
    expect(entry).toMatchObject({ state: 'failed', note: 'Not sent: No API key is saved.' });
    expect(h.fake.calls).toEqual([]);
  });
});

describe('history', () => {
  it('lists, exports and prunes through the engine', async () => {
    const h = createHarness();
    await submitOk(h);
    await h.engine.submit({ product: EV, request: cardBody() }); // invalid: no card → not saved
    expect(await h.engine.list()).toHaveLength(1);
    const exported = JSON.parse(await h.engine.exportHistory());
    expect(exported.entries).toHaveLength(1);
    expect(await h.engine.setAside()).toEqual([]);
  });
});

describe('needs attention', () => {
  it('counts failed entries and records set aside; acknowledge dismisses one', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'refuse', errors: [{ code: 'x', message: 'no' }] });
    const failed = await submitOk(h);
    await writePrivate('outbox:broken', { version: 99 });
    expect(await h.engine.needsAttentionCount()).toBe(2);
    expect(await h.engine.setAside()).toHaveLength(1);
    const reply = await h.engine.acknowledge(failed.id);
    expect(reply.ok).toBe(true);
    expect(await h.engine.needsAttentionCount()).toBe(1);
  });

  it('asks for an alarm at the earliest time anything is due', async () => {
    const h = createHarness();
    await submitOk(h);
    h.advance(FIRST_CHECK_MS);
    await h.engine.runDue();
    expect(h.scheduled.at(-1)).toEqual(new Date(h.clock.now.getTime() + MINUTE));
  });
});
