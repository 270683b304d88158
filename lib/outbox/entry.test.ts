import { describe, expect, it } from 'vitest';
import { ENTRY_VERSION, isFinished, migrateEntry, OutboxEntrySchema } from './entry';
import { entryIn, queuedEntry } from './testing/entries';
import { CARD } from './testing/harness';

describe('migrateEntry', () => {
  it('reads a version 1 entry as it was written', () => {
    const entry = entryIn('placed');
    expect(migrateEntry(JSON.parse(JSON.stringify(entry)))).toEqual({ ok: true, entry });
  });

  it.each([
    [
      'a version it does not know',
      { ...queuedEntry(), version: 2 },
      /version 2; this extension reads version 1/,
    ],
    ['no version at all', { ...queuedEntry(), version: undefined }, /version none/],
    ['a record that is not an object', 'queued', /not an object/],
    ['null', null, /not an object/],
    ['a damaged state', { ...queuedEntry(), state: 'lost' }, /damaged: state/],
    ['a missing id', { ...queuedEntry(), id: undefined }, /damaged: id/],
  ])('reports %s with the reason, never guessing', (_name, raw, reason) => {
    const result = migrateEntry(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses an entry whose request holds a card', () => {
    const withCard = { ...queuedEntry(), request: { ...queuedEntry().request, credit_card: CARD } };
    expect(migrateEntry(withCard).ok).toBe(false);
    expect(() => OutboxEntrySchema.parse(withCard)).toThrow(/never hold credit_card/);
  });
});

describe('newEntry', () => {
  it('starts queued, due now, with its id as the alternative_order_id', () => {
    const entry = queuedEntry();
    expect(entry).toMatchObject({
      version: ENTRY_VERSION,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: entry.createdAt,
    });
    expect(entry.request.alternative_order_id).toBe(entry.id);
    expect(entry.timeline).toHaveLength(1);
  });

  it('is finished only once nothing more happens by itself', () => {
    expect(isFinished(entryIn('queued'))).toBe(false);
    expect(isFinished(entryIn('placed'))).toBe(false);
    expect(isFinished(entryIn('failed'))).toBe(true);
  });
});
