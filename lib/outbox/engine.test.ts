import { beforeEach, describe, expect, it } from 'vitest';
import { writePrivate } from '../storage/private-store';
import { certificateFilename } from './actions';
import { entryIn } from './testing/entries';
import { cardBody, createHarness, EV, freshDatabase, orderBody, submitOk, TODAY } from './testing/harness';
import { FIRST_CHECK_MS, HOUR, MINUTE } from './timing';

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

describe('one draft, one order', () => {
  const fromDraft = (draftId: string) => ({
    product: EV,
    request: orderBody(),
    template: { id: 'tpl-1', name: 'EV yearly' },
    draftId,
  });

  it('two windows placing the same draft at the same moment make one order, both shown it', async () => {
    const h = createHarness();
    const [a, b] = await Promise.all([h.engine.submit(fromDraft('d-1')), h.engine.submit(fromDraft('d-1'))]);
    if (!a.ok || !b.ok) throw new Error('refused');
    await Promise.all([a.processing, b.processing]);
    await h.engine.idle();
    expect(b.entry.id).toBe(a.entry.id);
    expect([a.alreadySent, b.alreadySent]).toEqual([undefined, true]);
    expect(h.fake.posts()).toBe(1);
    expect(h.fake.orders).toHaveLength(1);
    expect(await h.engine.list()).toHaveLength(1);
  });

  it('a stale button pressed after the order was placed, or after a worker restart, returns that order', async () => {
    const h = createHarness();
    const first = await h.engine.submit(fromDraft('d-2'));
    if (!first.ok) throw new Error('refused');
    await first.processing;
    h.restart();
    const again = await h.engine.submit(fromDraft('d-2'));
    expect(again).toMatchObject({
      ok: true,
      alreadySent: true,
      entry: { id: first.entry.id, state: 'placed' },
    });
    expect(h.fake.posts()).toBe(1);
  });

  it('a draft CertCentral refused may be corrected and placed again; other drafts are their own', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'refuse', errors: [{ code: 'invalid_dns_name', message: 'No.' }] });
    const refused = await h.engine.submit(fromDraft('d-3'));
    if (!refused.ok) throw new Error('refused locally');
    await refused.processing;
    expect((await h.engine.get(refused.entry.id))?.state).toBe('failed');
    const corrected = await h.engine.submit(fromDraft('d-3'));
    const other = await h.engine.submit(fromDraft('d-4'));
    if (!corrected.ok || !other.ok) throw new Error('refused locally');
    await Promise.all([corrected.processing, other.processing]);
    expect(corrected.alreadySent).toBeUndefined();
    expect(corrected.entry.id).not.toBe(refused.entry.id);
    expect(corrected.entry.draftId).toBe('d-3');
    expect(other.alreadySent).toBeUndefined();
    expect(h.fake.orders).toHaveLength(2);
  });

  it('an order refused by the extension itself is not remembered for its draft', async () => {
    const h = createHarness();
    const body = orderBody();
    delete body.order_validity;
    const invalid = await h.engine.submit({ ...fromDraft('d-5'), request: body });
    expect(invalid.ok).toBe(false);
    const valid = await h.engine.submit(fromDraft('d-5'));
    if (!valid.ok) throw new Error('refused');
    await valid.processing;
    expect(valid.alreadySent).toBeUndefined();
    expect(h.fake.orders).toHaveLength(1);
  });
});

describe('follow-up', () => {
  it('follows a placed order until issued, then offers the certificate', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    h.advance(FIRST_CHECK_MS);
    await h.engine.runDue();
    expect((await h.engine.get(placed.id))?.followUp).toEqual({
      checks: 1,
      nextCheckAt: new Date(h.clock.now.getTime() + MINUTE).toISOString(),
    });
    h.fake.setStatus(1001, 'issued');
    h.advance(MINUTE);
    await h.engine.runDue();
    const issued = await h.engine.get(placed.id);
    expect(issued).toMatchObject({ orderStatus: 'issued', certificateId: 6001, note: 'Issued.' });
    expect(issued?.finishedAt).toBeDefined();
    expect(h.kinds()).toEqual(['placed', 'issued']);
    const file = await h.engine.download(placed.id, 'pem_all');
    expect(file).toEqual({
      ok: true,
      value: {
        filename: 'example.com-order-1001.pem',
        text: expect.stringContaining('BEGIN CERTIFICATE'),
        mime: 'application/x-pem-file',
      },
    });
    const p7b = await h.engine.download(placed.id, 'p7b');
    expect(p7b.ok && p7b.value.filename).toBe('example.com-order-1001.p7b');
  });

  it('does not check before the time has come, and slows down with age', async () => {
    const h = createHarness();
    await submitOk(h);
    const gets = () => h.fake.calls.filter((c) => c.path.startsWith('/order/certificate/1001')).length;
    h.advance(FIRST_CHECK_MS - 1);
    await h.engine.runDue();
    expect(gets()).toBe(0);
    h.advance(1);
    await h.engine.runDue();
    expect(gets()).toBe(1);
    h.advance(2 * HOUR);
    await h.engine.runDue();
    const entry = (await h.engine.list())[0];
    expect(Date.parse(entry?.followUp.nextCheckAt ?? '') - h.clock.now.getTime()).toBe(30 * MINUTE);
  });

  it('pending and needs_approval are waiting; rejected ends with the reason and needs attention', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    h.fake.setStatus(1001, 'needs_approval');
    await h.engine.checkNow();
    expect(await h.engine.get(placed.id)).toMatchObject({
      orderStatus: 'needs_approval',
      finishedAt: undefined,
    });
    expect(await h.engine.needsAttentionCount()).toBe(0);
    h.fake.setStatus(1001, 'rejected', 'The EV approver declined.');
    await h.engine.checkNow();
    expect(await h.engine.get(placed.id)).toMatchObject({
      orderStatus: 'rejected',
      note: 'Rejected by CertCentral: The EV approver declined.',
    });
    expect(h.kinds()).toEqual(['placed', 'needs-attention']);
    expect(await h.engine.needsAttentionCount()).toBe(1);
  });

  it('a failed status check keeps following, recording the message', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    h.fake.faults.getOrder.push({ kind: 'status', status: 503 });
    await h.engine.checkNow();
    const entry = await h.engine.get(placed.id);
    expect(entry?.note).toMatch(/last status check failed/);
    expect(entry?.followUp.nextCheckAt).toBeDefined();
    expect(entry?.finishedAt).toBeUndefined();
  });

  it('stops following after 60 days with a note', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    h.advance(60 * 24 * HOUR);
    await h.engine.runDue();
    const entry = await h.engine.get(placed.id);
    expect(entry?.note).toMatch(/60 days/);
    expect(entry?.finishedAt).toBeDefined();
  });
});

describe('cancel and download', () => {
  it('cancels a pending order and records it', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    const reply = await h.engine.cancel(placed.id, 'Wrong domain');
    expect(reply.ok && reply.value).toMatchObject({
      orderStatus: 'canceled',
      note: 'Canceled by you: Wrong domain',
    });
    expect(h.fake.orders[0]).toMatchObject({ status: 'canceled', cancelNote: 'Wrong domain' });
  });

  it('refuses to cancel an issued order, a failed submission or an unknown id, saying why', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    h.fake.setStatus(1001, 'issued');
    await h.engine.checkNow();
    const issued = await h.engine.cancel(placed.id);
    expect(issued.ok || issued.error).toMatchObject({
      code: 'not_cancelable',
      detail: expect.stringMatching(/is issued/),
    });
    h.fake.faults.post.push({ kind: 'refuse', errors: [{ code: 'x', message: 'no' }] });
    const failed = await submitOk(h);
    expect((await h.engine.cancel(failed.id)).ok).toBe(false);
    expect((await h.engine.cancel('nope')).ok).toBe(false);
  });

  it('reports a refusal of the cancel by CertCentral', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    h.fake.setStatus(1001, 'issued'); // issued meanwhile, the extension has not looked yet
    const reply = await h.engine.cancel(placed.id);
    expect(reply.ok || reply.error).toMatchObject({
      title: 'Order 1001 was not canceled.',
      code: 'order_cannot_be_canceled',
    });
  });

  it('offers no download before issuance', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    expect(await h.engine.download(placed.id, 'pem_all')).toMatchObject({
      ok: false,
      error: { code: 'not_issued' },
    });
  });

  it('names a wildcard certificate file without the asterisk', () => {
    const entry = entryIn('placed', { commonName: '*.example.com', orderId: 42 });
    expect(certificateFilename(entry, 'pem_noroot')).toBe('star.example.com-order-42-noroot.pem');
    expect(certificateFilename({ ...entry, commonName: 'a/b c' }, 'pem_all')).toBe('a_b_c-order-42.pem');
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
