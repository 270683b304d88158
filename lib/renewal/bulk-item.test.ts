import { describe, expect, it } from 'vitest';
import { apply } from '../outbox/machine';
import { entryIn } from '../outbox/testing/entries';
import { resultOf } from './bulk-item';

describe("a bulk item's result from its outbox entry", () => {
  it('a renewal someone else placed first is skipped, with who and which order, not failed', () => {
    const entry = apply(
      entryIn('queued'),
      {
        type: 'renewed-elsewhere',
        found: {
          orderId: 950,
          by: 'Olivia Orders (olivia@example.com)',
          placedAt: '2026-06-01T10:00:00+00:00',
        },
      },
      new Date('2026-06-01T15:30:00Z'),
    );
    expect(resultOf(entry, '900')).toEqual({
      submissionId: entry.id,
      state: 'skipped',
      message: expect.stringMatching(
        /^Already being renewed by Olivia Orders \(olivia@example\.com\), order #950, placed on .+\. Nothing was ordered\.$/,
      ),
    });
  });

  it('an order CertCentral refused is failed with its messages', () => {
    const entry = entryIn('failed');
    expect(resultOf(entry, '900')).toMatchObject({ state: 'failed', message: 'Bad' });
  });
});
