// One draft, one order: the draft id keeps two windows or a stale button from ordering twice.

import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, EV, freshDatabase, orderBody } from './testing/harness';

beforeEach(freshDatabase);

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
