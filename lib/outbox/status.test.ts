import { describe, expect, it } from 'vitest';
import { describeOrderStatus, describeStatus, needsAttention } from './status';
import { entryIn } from './testing/entries';

describe('status words', () => {
  it.each([
    ['pending', 'waiting'],
    ['needs_approval', 'waiting'],
    ['approved', 'waiting'],
    ['something_new', 'waiting'],
    [undefined, 'waiting'],
    ['issued', 'done'],
    ['rejected', 'ended'],
    ['canceled', 'ended'],
    ['revoked', 'ended'],
  ])('order status %s is %s (waiting is never "failed")', (status, word) => {
    expect(describeOrderStatus(status).word).toBe(word);
  });

  it('names each submission state', () => {
    expect(describeStatus(entryIn('queued')).word).toBe('queued');
    expect(describeStatus(entryIn('sending')).word).toBe('sending');
    expect(describeStatus(entryIn('reconciling')).word).toBe('checking');
    expect(describeStatus(entryIn('unknown')).word).toBe('checking');
    expect(describeStatus(entryIn('unknown', { nextAttemptAt: undefined })).word).toBe('unsure');
    expect(describeStatus(entryIn('unknown')).label).toMatch(/^No answer yet/);
    expect(describeStatus(entryIn('unknown', { lookupFailures: 4 })).label).toMatch(
      /not answering.*by itself/,
    );
    expect(describeStatus(entryIn('unknown', { attempts: 4, allowedAttempts: 5 })).label).toMatch(
      /not answering/,
    );
    expect(describeStatus(entryIn('failed')).word).toBe('failed');
    expect(describeStatus(entryIn('placed', { orderStatus: 'needs_approval' })).label).toMatch(/approval/);
  });
});

describe('needsAttention', () => {
  const dup = { orderId: 2, foundStatus: 'issued', at: '2026-06-01T00:00:00.000Z', detail: '' };
  it.each([
    ['failed', entryIn('failed'), true],
    ['unknown, still trying', entryIn('unknown'), false],
    ['unknown, waiting out an outage', entryIn('unknown', { lookupFailures: 6 }), false],
    ['unknown after the bound', entryIn('unknown', { nextAttemptAt: undefined }), true],
    ['placed, pending', entryIn('placed', { orderStatus: 'pending' }), false],
    ['rejected', entryIn('placed', { orderStatus: 'rejected' }), true],
    ['issued', entryIn('placed', { orderStatus: 'issued' }), false],
    ['duplicate canceled', entryIn('placed', { duplicates: [{ ...dup, outcome: 'canceled' }] }), false],
    [
      'duplicate not canceled',
      entryIn('placed', { duplicates: [{ ...dup, outcome: 'cancel-failed' }] }),
      true,
    ],
    ['duplicate too late', entryIn('placed', { duplicates: [{ ...dup, outcome: 'not-cancelable' }] }), true],
  ] as const)('%s → %s', (_name, entry, expected) => {
    expect(needsAttention(entry)).toBe(expected);
  });
});

describe('acknowledging', () => {
  it('a dismissed entry stops counting until something new happens to it', () => {
    const failed = entryIn('failed');
    const dismissed = { ...failed, acknowledgedAt: failed.updatedAt };
    expect(needsAttention(dismissed)).toBe(false);
    expect(needsAttention({ ...dismissed, updatedAt: '2099-01-01T00:00:00.000Z' })).toBe(true);
  });
});
