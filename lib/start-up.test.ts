import { describe, expect, it } from 'vitest';
import { createStartUp } from './start-up';

/** Timers the test fires by hand, by the delay they were set for. */
function manualTimers() {
  const timers: { ms: number; run: () => void }[] = [];
  return {
    setTimer: (run: () => void, ms: number) => timers.push({ ms, run }),
    fire: (ms: number) => {
      for (const t of timers.filter((t) => t.ms === ms)) t.run();
    },
  };
}

function deferred() {
  let settle: (ok: boolean) => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    settle = (ok) => (ok ? resolve() : reject(new Error('refused')));
  });
  promise.catch(() => undefined);
  return { promise, settle };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createStartUp', () => {
  it('holds start-up work back until the message that woke the worker is answered', async () => {
    const timers = manualTimers();
    const start = createStartUp({ graceMs: 100, latestMs: 1000 }, timers.setTimer);
    const ran: string[] = [];
    const answer = deferred();
    start.answering(answer.promise);
    start.run(() => ran.push('resume'));
    timers.fire(100);
    expect(ran).toEqual([]);
    answer.settle(true);
    await tick();
    // A moment later: the page that woke the worker draws with that answer first.
    expect(ran).toEqual([]);
    timers.fire(50);
    expect(ran).toEqual(['resume']);
  });

  it('waits the quiet time again after a later answer, and not for the grace period', async () => {
    const timers = manualTimers();
    const start = createStartUp({ graceMs: 100, quietMs: 50 }, timers.setTimer);
    const ran: string[] = [];
    const first = deferred();
    start.answering(first.promise);
    start.run(() => ran.push('resume'));
    first.settle(true);
    await tick();
    const second = deferred();
    start.answering(second.promise);
    timers.fire(50);
    timers.fire(100);
    expect(ran).toEqual([]);
    second.settle(true);
    await tick();
    timers.fire(100);
    expect(ran).toEqual([]);
    timers.fire(50);
    expect(ran).toEqual(['resume']);
  });

  it('runs it after a refused message too', async () => {
    const timers = manualTimers();
    const start = createStartUp({}, timers.setTimer);
    const ran: string[] = [];
    const answer = deferred();
    start.answering(answer.promise);
    start.run(() => ran.push('resume'));
    answer.settle(false);
    await tick();
    timers.fire(50);
    expect(ran).toEqual(['resume']);
  });

  it('waits while any message is still being answered', async () => {
    const timers = manualTimers();
    const start = createStartUp({}, timers.setTimer);
    const ran: string[] = [];
    const [first, second] = [deferred(), deferred()];
    start.answering(first.promise);
    start.answering(second.promise);
    start.run(() => ran.push('resume'));
    first.settle(true);
    await tick();
    timers.fire(50);
    expect(ran).toEqual([]);
    second.settle(true);
    await tick();
    timers.fire(50);
    expect(ran).toEqual(['resume']);
  });

  it('runs it after the grace period when no message comes (a start for an alarm)', () => {
    const timers = manualTimers();
    const start = createStartUp({ graceMs: 100 }, timers.setTimer);
    const ran: string[] = [];
    start.run(() => ran.push('resume'));
    start.run(() => ran.push('alarms'));
    expect(ran).toEqual([]);
    timers.fire(100);
    expect(ran).toEqual(['resume', 'alarms']);
  });

  it('runs it at the latest time even while an answer is still awaited', () => {
    const timers = manualTimers();
    const start = createStartUp({ graceMs: 100, latestMs: 1000 }, timers.setTimer);
    const ran: string[] = [];
    start.answering(deferred().promise);
    start.run(() => ran.push('resume'));
    timers.fire(100);
    expect(ran).toEqual([]);
    timers.fire(1000);
    expect(ran).toEqual(['resume']);
  });

  it('runs work given later at once, and each piece only once', async () => {
    const timers = manualTimers();
    const start = createStartUp({}, timers.setTimer);
    const ran: string[] = [];
    start.run(() => ran.push('resume'));
    timers.fire(100);
    timers.fire(1000);
    const answer = deferred();
    start.answering(answer.promise);
    answer.settle(true);
    await tick();
    start.run(() => ran.push('late'));
    expect(ran).toEqual(['resume', 'late']);
  });
});
