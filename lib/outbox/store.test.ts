import { beforeEach, describe, expect, it } from 'vitest';
import { readPrivate, writePrivate } from '../storage/private-store';
import type { OutboxEntry } from './entry';
import { exportHistory, listEntries, listSetAside, loadEntry, pruneHistory, saveEntry } from './store';
import { AT, entryIn, queuedEntry } from './testing/entries';
import { CARD, freshDatabase } from './testing/harness';

beforeEach(freshDatabase);

const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const created = (n: number) => new Date(AT.getTime() + n * 1000).toISOString();

describe('outbox store', () => {
  it('saves under outbox:<id> and reads back', async () => {
    const entry = entryIn('placed');
    await saveEntry(entry);
    expect(await readPrivate(`outbox:${entry.id}`)).toEqual(entry);
    expect(await loadEntry(entry.id, AT)).toEqual(entry);
    expect(await loadEntry('nope', AT)).toBeUndefined();
  });

  it('refuses to write an entry whose request holds a card', async () => {
    const bad = { ...queuedEntry(), request: { ...queuedEntry().request, credit_card: CARD } };
    await expect(saveEntry(bad)).rejects.toThrow(/credit_card/);
    expect(await readPrivate(`outbox:${bad.id}`)).toBeUndefined();
  });

  it('lists newest first', async () => {
    for (const n of [1, 3, 2]) await saveEntry(queuedEntry({ id: idOf(n), createdAt: created(n) }));
    expect((await listEntries(AT)).entries.map((e) => e.id)).toEqual([idOf(3), idOf(2), idOf(1)]);
  });

  it('moves an unreadable record aside with the reason, and reports it', async () => {
    await saveEntry(queuedEntry({ id: idOf(1) }));
    const newer = { ...queuedEntry({ id: idOf(2) }), version: 7 };
    await writePrivate(`outbox:${idOf(2)}`, newer);
    const listing = await listEntries(AT);
    expect(listing.entries.map((e) => e.id)).toEqual([idOf(1)]);
    expect(listing.setAside).toEqual([
      {
        key: `outbox:${idOf(2)}`,
        reason: expect.stringMatching(/version 7/),
        at: AT.toISOString(),
        raw: newer,
      },
    ]);
    expect(await readPrivate(`outbox:${idOf(2)}`)).toBeUndefined();
    expect(await listSetAside()).toHaveLength(1);
    expect(await exportHistory(AT)).toContain('version 7');
  });
});

describe('history pruning', () => {
  async function fill(count: number, finished: (n: number) => boolean): Promise<void> {
    for (let n = 1; n <= count; n++) {
      const base: OutboxEntry = finished(n)
        ? entryIn('failed', { id: idOf(n) })
        : entryIn('placed', { id: idOf(n) });
      await saveEntry({ ...base, createdAt: created(n) });
    }
  }

  it('keeps at most the limit, removing the oldest finished entries', async () => {
    await fill(8, () => true);
    expect(await pruneHistory(AT, 5)).toEqual([idOf(1), idOf(2), idOf(3)]);
    expect((await listEntries(AT)).entries).toHaveLength(5);
  });

  it('never removes an active entry, even past the limit', async () => {
    await fill(8, (n) => n % 2 === 0);
    expect(await pruneHistory(AT, 5)).toEqual([idOf(2), idOf(4), idOf(6)]);
    await fill(8, () => false);
    expect(await pruneHistory(AT, 5)).toEqual([]);
    expect((await listEntries(AT)).entries).toHaveLength(8);
  });

  it('keeps 500 by default', async () => {
    await fill(502, () => true);
    expect(await pruneHistory(AT)).toEqual([idOf(1), idOf(2)]);
  });
});

describe('export', () => {
  it('is JSON with every entry', async () => {
    await saveEntry(entryIn('placed', { id: idOf(1) }));
    await saveEntry(entryIn('failed', { id: idOf(2) }));
    const parsed = JSON.parse(await exportHistory(AT));
    expect(parsed).toMatchObject({
      format: 'certcentral-companion-history',
      version: 1,
      exportedAt: AT.toISOString(),
    });
    expect(parsed.entries.map((e: OutboxEntry) => e.state).sort()).toEqual(['failed', 'placed']);
  });
});
