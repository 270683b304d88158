/**
 * Moves an item that older versions kept in `storage.local` into the private store (private-store.ts).
 *
 * Why: in Firefox a content script can write `storage.local` (Chromium closes it with
 * `setAccessLevel`, access.ts; Firefox has no such switch), and a content script runs inside
 * CertCentral pages we do not control. Whatever decides an order (templates, the region) therefore
 * lives in the extension origin's IndexedDB, in every browser, and `storage.local` is read once, here.
 *
 * The record's presence in the private store is what says "moved": once it exists, nothing found in
 * `storage.local` is ever read again, so a later write there (by a content script, or a stale copy)
 * changes nothing. The steps are ordered so that a move cut short is simply run again:
 * 1. read the old keys; 2. write the record, only if the private store has none (one transaction, so
 *    two pages moving at once write one record); 3. remove the old keys.
 * Cut short after 2, the next run finds the record, keeps it and removes the stale keys.
 */
import { browser } from 'wxt/browser';
import { readPrivate, updatePrivate } from './private-store';

export type LocalArea = {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
};

export interface LocalMove<R> {
  /** The private store's record the item moves to. */
  record: string;
  /** Every key the item used in `storage.local` (a WXT item: its value and its `$` version marker). */
  localKeys: readonly string[];
  /**
   * The record made from what `storage.local` held (only the keys found; none on a new install).
   * Pure and synchronous: it checks and upgrades with the item's own schema and migrations.
   */
  convert(found: Readonly<Record<string, unknown>>): R;
}

export interface Moved<R> {
  /** The record the private store holds now: this move's, or one that was there already. */
  record: unknown;
  /** This move's record, when this run wrote it (undefined when the record existed already). */
  written?: R;
}

/** The private store as a move uses it (the real one, or a test's to count its transactions). */
export type MoveStore = { read: typeof readPrivate; update: typeof updatePrivate };

export async function moveFromLocal<R>(
  move: LocalMove<R>,
  local: LocalArea = browser.storage.local,
  store: MoveStore = { read: readPrivate, update: updatePrivate },
): Promise<Moved<R>> {
  const keys = [...move.localKeys];
  const found = await local.get(keys);
  if (Object.values(found).every((value) => value === undefined)) {
    // Every start after the move: nothing is left here and the record exists. A read settles it; a
    // read-write transaction would lock the whole object store and hold up the pages opening now.
    const existing = await store.read(move.record);
    if (existing !== undefined) return { record: existing };
  }
  const candidate = move.convert(found);
  const moved = await store.update<Moved<R>>(move.record, (current) =>
    current === undefined
      ? { write: { value: candidate }, result: { record: candidate, written: candidate } }
      : { result: { record: current } },
  );
  if (Object.keys(found).length > 0) await local.remove(keys);
  return moved;
}

/** The version WXT storage gave a stored value (its `<key>$` marker; a value without one is version 1). */
export function wxtVersion(found: Readonly<Record<string, unknown>>, key: string): number {
  const meta = found[`${key}$`];
  const v = meta !== null && typeof meta === 'object' ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}
