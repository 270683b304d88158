import { describe, expect, it } from 'vitest';
import { isDue, wakeTime } from './due';
import { AT, entryIn } from './testing/entries';

const at = (ms: number) => new Date(AT.getTime() + ms);

describe('isDue / wakeTime', () => {
  it.each([
    ['queued now', entryIn('queued'), true, AT.getTime()],
    ['queued later', entryIn('queued', { nextAttemptAt: at(5000).toISOString() }), false, at(5000).getTime()],
    ['sending (worker stopped)', entryIn('sending'), true, AT.getTime()],
    ['reconciling (worker stopped)', entryIn('reconciling'), true, AT.getTime()],
    ['unknown, lookup in 2 s', entryIn('unknown'), false, at(2000).getTime()],
    ['unknown, stopped', entryIn('unknown', { nextAttemptAt: undefined }), false, undefined],
    ['placed, first check in 30 s', entryIn('placed'), false, at(30_000).getTime()],
    ['placed, finished', entryIn('placed', { finishedAt: AT.toISOString() }), false, undefined],
    ['failed', entryIn('failed'), false, undefined],
  ])('%s', (_name, entry, due, wake) => {
    expect(isDue(entry, AT)).toBe(due);
    expect(wakeTime(entry, AT)).toBe(wake);
  });
});
