/**
 * The outbox and history on disk: one record per submission under `outbox:<id>` in the private
 * IndexedDB store (lib/storage/private-store.ts: out of content scripts' reach, unlike storage.local).
 * Records that cannot be read are moved under `outbox-aside:<id>` with the reason, and reported.
 */
import { deletePrivate, listPrivate, readPrivate, writePrivate } from '../storage/private-store';
import { setAsideSchema } from '../storage/set-aside';
import { defineStoredItem } from '../storage/stored-item';
import { isFinished, migrateEntry, type OutboxEntry, OutboxEntrySchema } from './entry';

const PREFIX = 'outbox:';
const ASIDE_PREFIX = 'outbox-aside:';

/** Entries that could not be read, moved aside with the reason; shown and exported, never read back. */
export const outboxAsideItem = defineStoredItem({
  name: 'outbox entry set aside',
  where: { area: 'private', prefix: ASIDE_PREFIX },
  version: null,
  schema: setAsideSchema,
  migrations: [],
});

/** bounded, oldest pruned. */
export const HISTORY_LIMIT = 500;

export interface SetAside {
  key: string;
  reason: string;
  at: string;
  raw: unknown;
}

export async function saveEntry(entry: OutboxEntry): Promise<OutboxEntry> {
  // Parsed on the way in too: a body with `credit_card` (or any damage) fails here, never on disk.
  const checked = OutboxEntrySchema.parse(entry);
  await writePrivate(PREFIX + checked.id, checked);
  return checked;
}

export async function loadEntry(id: string, now: Date): Promise<OutboxEntry | undefined> {
  const raw = await readPrivate(PREFIX + id);
  if (raw === undefined) return undefined;
  const result = migrateEntry(raw);
  if (result.ok) return result.entry;
  await setAside(PREFIX + id, raw, result.reason, now);
  return undefined;
}

export interface Listing {
  entries: OutboxEntry[];
  /** Found damaged or of another version in this listing (already moved aside). */
  setAside: SetAside[];
}

/** Every readable entry, newest first; unreadable ones are moved aside and returned as such. */
export async function listEntries(now: Date): Promise<Listing> {
  const entries: OutboxEntry[] = [];
  const aside: SetAside[] = [];
  for (const { key, value } of await listPrivate(PREFIX)) {
    const result = migrateEntry(value);
    if (result.ok) entries.push(result.entry);
    else aside.push(await setAside(key, value, result.reason, now));
  }
  entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return { entries, setAside: aside };
}

async function setAside(key: string, raw: unknown, reason: string, now: Date): Promise<SetAside> {
  const record: SetAside = { key, reason, at: now.toISOString(), raw };
  await writePrivate(ASIDE_PREFIX + key.slice(PREFIX.length), record);
  await deletePrivate(key);
  return record;
}

/** Records moved aside, so the options page can show them and the export can include them. */
export async function listSetAside(): Promise<SetAside[]> {
  return (await listPrivate(ASIDE_PREFIX)).map(({ value }) => value as SetAside);
}

/**
 * Keep at most `limit` entries: remove the oldest FINISHED ones. An active submission (queued,
 * sending, unknown, reconciling, or placed and still followed) is never removed, even past the limit:
 * forgetting it could lose an order or resend one. Returns the ids removed.
 */
export async function pruneHistory(now: Date, limit = HISTORY_LIMIT): Promise<string[]> {
  const { entries } = await listEntries(now);
  let excess = entries.length - limit;
  if (excess <= 0) return [];
  const removed: string[] = [];
  // entries are newest first: walk from the oldest end.
  for (let i = entries.length - 1; i >= 0 && excess > 0; i--) {
    const entry = entries[i];
    if (!entry || !isFinished(entry)) continue;
    await deletePrivate(PREFIX + entry.id);
    removed.push(entry.id);
    excess--;
  }
  return removed;
}

/**
 * The whole history as JSON. No card data can be in it:
 * entries never hold `credit_card` (entry.ts), and set-aside records come from the same writes.
 */
export async function exportHistory(now: Date): Promise<string> {
  const { entries } = await listEntries(now);
  const setAsideRecords = await listSetAside();
  return JSON.stringify(
    {
      format: 'certcentral-companion-history',
      version: 1,
      exportedAt: now.toISOString(),
      entries,
      setAside: setAsideRecords,
    },
    null,
    2,
  );
}
