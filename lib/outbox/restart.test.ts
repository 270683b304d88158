// "a service worker stopped at any point resumes correctly on its next start". Each test
// leaves an entry in one state on disk, throws the engine away (memory and cards with it), makes
// a new engine on the same store and calls resume(), then checks the fake's stored orders.
import { beforeEach, describe, expect, it } from 'vitest';
import { saveEntry } from './store';
import { entryIn, queuedEntry } from './testing/entries';
import {
  CARD,
  cardBody,
  createHarness,
  EV,
  freshDatabase,
  type Harness,
  orderBody,
  submitOk,
} from './testing/harness';

beforeEach(freshDatabase);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  if (!check()) throw new Error('condition never became true');
}

/** Submits and leaves the POST hanging, as when the worker is stopped during it. */
async function stopDuringPost(h: Harness, options: { card?: boolean; stored: boolean }): Promise<string> {
  h.fake.faults.post.push({ kind: 'hang', store: options.stored });
  const result = await h.engine.submit({
    product: EV,
    request: options.card ? cardBody() : orderBody(),
    ...(options.card ? { card: CARD } : {}),
  });
  if (!result.ok) throw new Error('refused');
  await until(() => h.fake.posts() === 1);
  expect((await h.engine.get(result.entry.id))?.state).toBe('sending');
  return result.entry.id;
}

describe('restart in each state', () => {
  it('queued, never sent → sent after restart, one order', async () => {
    const h = createHarness();
    const entry = queuedEntry();
    await saveEntry(entry);
    await h.restart().resume();
    expect(await h.engine.get(entry.id)).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.orders.map((o) => o.alternative_order_id)).toEqual([entry.id]);
  });

  it('queued for later → left alone, an alarm is asked for, sent when due', async () => {
    const h = createHarness();
    const due = new Date(h.clock.now.getTime() + 5 * 60_000);
    await saveEntry(queuedEntry({ nextAttemptAt: due.toISOString() }));
    await h.restart().resume();
    expect(h.fake.calls).toEqual([]);
    expect(h.scheduled.at(-1)).toEqual(due);
    h.advance(5 * 60_000);
    await h.engine.runDue();
    expect(h.fake.orders).toHaveLength(1);
  });

  it('queued, paid by card → the card is gone: failed, asking to re-enter it, nothing sent', async () => {
    const h = createHarness();
    const entry = queuedEntry({
      paysByCard: true,
      request: { ...cardBody(), alternative_order_id: queuedEntry().id },
    });
    await saveEntry(entry);
    await h.restart().resume();
    const after = await h.engine.get(entry.id);
    expect(after).toMatchObject({ state: 'failed' });
    expect(after?.note).toMatch(/re-enter the card/);
    expect(h.fake.calls).toEqual([]);
  });

  it('sending, order stored → looked up, placed with that order, no second POST', async () => {
    const h = createHarness();
    const id = await stopDuringPost(h, { stored: true });
    await h.restart().resume();
    expect(await h.engine.get(id)).toMatchObject({ state: 'placed', orderId: 1001, attempts: 1 });
    expect(h.fake.posts()).toBe(1);
    expect(h.fake.orders).toHaveLength(1);
  });

  it('sending, nothing stored → looked up, sent again with the same id, one order', async () => {
    const h = createHarness();
    const id = await stopDuringPost(h, { stored: false });
    await h.restart().resume();
    expect(await h.engine.get(id)).toMatchObject({ state: 'placed', orderId: 1001, attempts: 2 });
    expect(h.fake.posted.map((b) => b.alternative_order_id)).toEqual([id, id]);
    expect(h.fake.orders).toHaveLength(1);
  });

  it('sending by card, nothing stored → failed (the lookup proved nothing was placed), card asked again', async () => {
    const h = createHarness();
    const id = await stopDuringPost(h, { stored: false, card: true });
    await h.restart().resume();
    const after = await h.engine.get(id);
    expect(after?.state).toBe('failed');
    expect(after?.note).toMatch(/Nothing was placed.*re-enter the card/);
    expect(h.fake.orders).toHaveLength(0);
    expect(h.fake.posts()).toBe(1);
  });

  it('sending by card, order stored → placed without needing the card', async () => {
    const h = createHarness();
    const id = await stopDuringPost(h, { stored: true, card: true });
    await h.restart().resume();
    expect(await h.engine.get(id)).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.orders).toHaveLength(1);
  });

  it('unknown, waiting for its lookup → looked up when due', async () => {
    const h = createHarness();
    const entry = entryIn('unknown');
    await saveEntry(entry);
    h.fake.orders.length = 0;
    await h.restart().resume();
    expect(h.fake.calls).toEqual([]); // its lookup is 2 s away
    h.advance(2000);
    await h.engine.runDue();
    expect(await h.engine.get(entry.id)).toMatchObject({ state: 'placed', attempts: 2 });
    expect(h.fake.orders).toHaveLength(1);
  });

  it('unknown after the bound → nothing by itself; "check again" works on the new engine', async () => {
    const h = createHarness();
    const entry = entryIn('unknown', { attempts: 4, nextAttemptAt: undefined });
    await saveEntry(entry);
    await h.restart().resume();
    h.advance(60 * 60_000);
    await h.engine.runDue();
    expect(h.fake.calls).toEqual([]);
    const again = await h.engine.checkAgain(entry.id);
    expect(again.ok && again.value).toMatchObject({ state: 'placed', attempts: 5 });
    expect(h.fake.orders).toHaveLength(1);
  });

  it('reconciling (stopped during the lookup) → looks up again, finds the order', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'lose-response' });
    h.fake.faults.lookup.push({ kind: 'hang' });
    const result = await h.engine.submit({ product: EV, request: orderBody() });
    if (!result.ok) throw new Error('refused');
    await until(() => h.fake.calls.length === 2);
    expect((await h.engine.get(result.entry.id))?.state).toBe('reconciling');
    await h.restart().resume();
    expect(await h.engine.get(result.entry.id)).toMatchObject({ state: 'placed', orderId: 1001 });
    expect(h.fake.posts()).toBe(1);
  });

  it('reconciling with no order → queued again and sent with the same id', async () => {
    const h = createHarness();
    const entry = entryIn('reconciling');
    await saveEntry(entry);
    await h.restart().resume();
    expect(await h.engine.get(entry.id)).toMatchObject({ state: 'placed', attempts: 2 });
    expect(h.fake.orders.map((o) => o.alternative_order_id)).toEqual([entry.id]);
  });

  it('placed, stopped before the duplicate check → the follow-up does it and cancels the extra order', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'silent-resend' });
    h.fake.faults.lookup.push({ kind: 'hang' });
    const result = await h.engine.submit({ product: EV, request: orderBody() });
    if (!result.ok) throw new Error('refused');
    await until(() => h.fake.calls.length === 2);
    h.restart();
    h.advance(30_000);
    await h.engine.resume();
    expect(h.fake.live().map((o) => o.id)).toEqual([1002]);
  });

  it('placed and followed → the new engine goes on following until issued', async () => {
    const h = createHarness();
    const entry = await submitOk(h);
    h.restart();
    h.fake.setStatus(1001, 'issued');
    h.advance(30_000);
    await h.engine.resume();
    expect(await h.engine.get(entry.id)).toMatchObject({ orderStatus: 'issued' });
    expect(h.kinds()).toEqual(['placed', 'issued']);
  });

  it('failed → nothing happens', async () => {
    const h = createHarness();
    await saveEntry(entryIn('failed'));
    await h.restart().resume();
    expect(h.fake.calls).toEqual([]);
  });
});

describe('resume is idempotent and safe to run concurrently', () => {
  it('three overlapping resumes after a stop mid-POST send exactly one more POST', async () => {
    const h = createHarness();
    const id = await stopDuringPost(h, { stored: false });
    const engine = h.restart();
    await Promise.all([engine.resume(), engine.resume(), engine.runDue()]);
    await engine.resume();
    await engine.idle();
    expect(h.fake.posts()).toBe(2);
    expect(h.fake.orders).toHaveLength(1);
    expect(await engine.get(id)).toMatchObject({ state: 'placed' });
  });

  it('resume after everything is done sends nothing', async () => {
    const h = createHarness();
    await submitOk(h);
    const calls = h.fake.calls.length;
    await h.restart().resume();
    await h.engine.resume();
    expect(h.fake.calls.length).toBe(calls);
  });
});
