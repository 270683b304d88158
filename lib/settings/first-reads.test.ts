import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessageReply } from '../messaging';
import {
  askFirstReadsEarly,
  FIRST_READS_GLOBAL,
  type FirstReads,
  shownTogether,
  TOGETHER_WITHIN_MS,
  takeFirstReads,
} from './first-reads';

const SETTINGS: MessageReply<'getSettings'> = {
  ok: false,
  error: { code: 'no_api_key', title: 'No API key' },
} as MessageReply<'getSettings'>;

/** Reads that count how often they were asked. */
function counted() {
  const asked = { times: 0 };
  const ask = (): FirstReads => {
    asked.times += 1;
    return { rows: Promise.resolve([]), settings: Promise.resolve(SETTINGS) };
  };
  return { asked, ask };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the hand-over between the early script and the page', () => {
  it('asks once in the early script, and the page takes those reads', () => {
    const scope: Record<string, unknown> = {};
    const { asked, ask } = counted();
    askFirstReadsEarly(scope, ask);
    const handed = scope[FIRST_READS_GLOBAL];
    expect(takeFirstReads(scope, ask)).toBe(handed);
    expect(asked.times).toBe(1);
  });

  it('has the page ask itself when the early script did not run, and the late script ask nothing', () => {
    const scope: Record<string, unknown> = {};
    const { asked, ask } = counted();
    const reads = takeFirstReads(scope, ask);
    expect(asked.times).toBe(1);
    askFirstReadsEarly(scope, ask);
    expect(asked.times).toBe(1);
    // Taken a second time (a page reloading its module, say), the reads are asked anew, not reused.
    expect(takeFirstReads(scope, ask)).not.toBe(reads);
  });

  it('ignores a value in the property that is not the reads', () => {
    const scope: Record<string, unknown> = { [FIRST_READS_GLOBAL]: 'something else' };
    const { asked, ask } = counted();
    askFirstReadsEarly(scope, ask);
    expect(asked.times).toBe(0);
    takeFirstReads(scope, ask);
    expect(asked.times).toBe(1);
  });
});

describe('shownTogether', () => {
  it('settles each read once both are in', async () => {
    let answer: (value: MessageReply<'getSettings'>) => void = () => undefined;
    const settings = new Promise<MessageReply<'getSettings'>>((resolve) => {
      answer = resolve;
    });
    const together = shownTogether({ rows: Promise.resolve([]), settings });
    const order: string[] = [];
    void together.rows.then(() => order.push('rows'));
    void together.settings.then(() => order.push('settings'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    answer(SETTINGS);
    await together.rows;
    await together.settings;
    expect(order.sort()).toEqual(['rows', 'settings']);
  });

  it('shows the read that is in after the wait when the other is slower, with its value', async () => {
    vi.useFakeTimers();
    const rows = [{ id: 't1' }] as unknown as Awaited<FirstReads['rows']>;
    const together = shownTogether({ rows: Promise.resolve(rows), settings: new Promise(() => undefined) });
    let shown: unknown;
    void together.rows.then((value) => {
      shown = value;
    });
    await vi.advanceTimersByTimeAsync(TOGETHER_WITHIN_MS - 1);
    expect(shown).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toBe(rows);
  });

  it('passes a failed read on as a failure, and does not hold the other for it', async () => {
    const failure = new Error('the background did not answer');
    const together = shownTogether({ rows: Promise.resolve(null), settings: Promise.reject(failure) });
    await expect(together.settings).rejects.toBe(failure);
    await expect(together.rows).resolves.toBeNull();
  });
});
