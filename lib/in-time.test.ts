import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInTime } from './in-time';

afterEach(() => {
  vi.useRealTimers();
});

describe('readInTime', () => {
  it('gives a read that is in within the time', async () => {
    expect(await readInTime(Promise.resolve(['a']), 100)).toEqual({ value: ['a'] });
  });

  it('gives nothing for a read that is slower, without waiting for it', async () => {
    vi.useFakeTimers();
    const never = new Promise<string[]>(() => undefined);
    const given = readInTime(never, 100);
    await vi.advanceTimersByTimeAsync(99);
    let settled = false;
    void given.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await given).toBeUndefined();
  });

  it('gives nothing for a failed read', async () => {
    expect(await readInTime(Promise.reject(new Error('closed')), 100)).toBeUndefined();
  });
});
