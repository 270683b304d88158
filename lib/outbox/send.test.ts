/** A locked API key (passphrase lock): entries wait in the outbox, untouched, and go once unlocked. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, EV, freshDatabase, orderBody, submitOk } from './testing/harness';
import { FIRST_CHECK_MS, MINUTE } from './timing';

beforeEach(freshDatabase);

const LOCKED = {
  ok: false as const,
  error: { title: 'The API key is locked.', detail: 'Unlock it.', code: 'key_locked' },
};

describe('with the API key locked', () => {
  it('keeps a queued entry queued, tells the user once, and sends it once unlocked', async () => {
    const h = createHarness();
    h.setTransport(() => LOCKED);
    const result = await h.engine.submit({ product: EV, request: orderBody() });
    if (!result.ok) throw new Error('refused');
    await result.processing;
    let entry = await h.engine.get(result.entry.id);
    expect(entry).toMatchObject({ state: 'queued', attempts: 0 });
    expect(h.fake.calls).toEqual([]);
    expect(h.events.map((e) => e.message)).toEqual([
      'Unlock the API key to send The order for example.com: it waits in the outbox.',
    ]);

    // Still locked a few sweeps later: nothing sent, nothing failed, no second notice.
    for (let i = 0; i < 3; i++) {
      h.advance(MINUTE);
      await h.engine.runDue();
    }
    entry = await h.engine.get(result.entry.id);
    expect(entry).toMatchObject({ state: 'queued', attempts: 0 });
    expect(h.events).toHaveLength(1);
    expect(await h.engine.needsAttentionCount()).toBe(0);

    h.setTransport(() => ({ ok: true, value: h.fake.transport }));
    h.advance(MINUTE);
    await h.engine.runDue();
    entry = await h.engine.get(result.entry.id);
    expect(entry).toMatchObject({ state: 'placed', attempts: 1 });
    expect(h.fake.orders).toHaveLength(1);
    expect(h.kinds()).toEqual(['needs-attention', 'placed']);
  });

  it('a still-locked entry survives a worker restart and is sent after unlocking', async () => {
    const h = createHarness();
    h.setTransport(() => LOCKED);
    const queued = await submitOk(h);
    expect(queued.state).toBe('queued');
    h.restart();
    h.setTransport(() => ({ ok: true, value: h.fake.transport }));
    h.advance(MINUTE);
    await h.engine.runDue();
    expect(await h.engine.get(queued.id)).toMatchObject({ state: 'placed' });
    expect(h.fake.orders).toHaveLength(1);
  });

  it('does not record a failed check for a placed order; checks it once unlocked', async () => {
    const h = createHarness();
    const placed = await submitOk(h);
    h.setTransport(() => LOCKED);
    h.advance(FIRST_CHECK_MS);
    await h.engine.runDue();
    const waiting = await h.engine.get(placed.id);
    expect(waiting).toMatchObject({ state: 'placed', followUp: placed.followUp });
    expect(h.events.at(-1)?.message).toMatch(/^Unlock the API key to check Order \d+/);
    h.setTransport(() => ({ ok: true, value: h.fake.transport }));
    h.advance(MINUTE);
    await h.engine.runDue();
    expect((await h.engine.get(placed.id))?.followUp.checks).toBe(1);
  });
});
