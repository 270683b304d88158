// After placement: the engine follows an order to issuance (or its end), cancels and downloads.

import { beforeEach, describe, expect, it } from 'vitest';
import { certificateFilename } from './actions';
import { entryIn } from './testing/entries';
import { createHarness, freshDatabase, submitOk } from './testing/harness';
import { FIRST_CHECK_MS, HOUR, MINUTE } from './timing';

beforeEach(freshDatabase);

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
