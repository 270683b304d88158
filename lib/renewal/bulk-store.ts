/**
 * Bulk renewal runs on disk: one record per run under `bulk:<runId>` in the private IndexedDB store
 * (lib/storage/private-store.ts; runs name orders and hold a template snapshot, kept out of content
 * scripts' reach like the outbox). Records that cannot be read are moved under `bulk-aside:<runId>`
 * with the reason, never guessed at: a wrong guess could submit an order twice.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { deletePrivate, listPrivate, readPrivate, writePrivate } from '../storage/private-store';
import { setAsideSchema } from '../storage/set-aside';
import { defineStoredItem, type MigrationStep, readStored } from '../storage/stored-item';

const PREFIX = 'bulk:';
const ASIDE_PREFIX = 'bulk-aside:';
export const BULK_RUN_VERSION = 1;
/** Finished runs kept for the person to read or export; older ones are removed. */
export const FINISHED_RUNS_KEPT = 20;

const IsoTime = lazySchema(() => z.iso.datetime({ offset: true }));

export const BulkItemSchema = lazySchema(() =>
  z.object({
    orderId: z.int().check(z.positive()),
    /** Empty until the order's details are read. */
    commonName: z.string(),
    state: z.enum(['waiting', 'submitting', 'submitted', 'skipped', 'failed']),
    submissionId: z.optional(z.string()),
    message: z.optional(z.string()),
    /** When the item went to `submitting`: an outbox entry created since then is this item's own. */
    submittingAt: z.optional(IsoTime),
  }),
);
export type BulkItem = z.infer<typeof BulkItemSchema>;

export const BulkRunSchema = lazySchema(() =>
  z.object({
    version: z.literal(BULK_RUN_VERSION),
    runId: z.string().check(z.minLength(1)),
    templateId: z.string(),
    templateName: z.string(),
    /** The template as it was at the start (re-checked with templateSchema when used): edits mid-run do not apply. */
    template: z.unknown(),
    startedAt: IsoTime,
    finishedAt: z.optional(IsoTime),
    paused: z.boolean(),
    items: z.array(BulkItemSchema),
  }),
);
export type BulkRun = z.infer<typeof BulkRunSchema>;

export type RunMigration = { ok: true; run: BulkRun } | { ok: false; reason: string };

/**
 * Upgrades from older versions go in this list (`{ from: n, to: n + 1, step }`). Version 1 is the
 * first; a record of a version without a step (written by a newer extension) is refused with the reason.
 */
export const RUN_MIGRATIONS: readonly MigrationStep[] = [];

export const bulkRunItem = defineStoredItem({
  name: 'bulk renewal run',
  where: { area: 'private', prefix: PREFIX },
  version: BULK_RUN_VERSION,
  schema: BulkRunSchema,
  migrations: RUN_MIGRATIONS,
});

/** Records moved aside with the reason, for a person to look at; never read back as runs. */
export const bulkAsideItem = defineStoredItem({
  name: 'bulk renewal run set aside',
  where: { area: 'private', prefix: ASIDE_PREFIX },
  version: null,
  schema: setAsideSchema,
  migrations: [],
});

export function migrateRun(raw: unknown, migrations = RUN_MIGRATIONS): RunMigration {
  const read = readStored({ ...bulkRunItem, migrations }, raw);
  if (read === null) return { ok: false, reason: 'The record is not an object.' };
  return 'value' in read ? { ok: true, run: read.value } : { ok: false, reason: read.problem.reason };
}

export async function saveRun(run: BulkRun): Promise<BulkRun> {
  const checked = BulkRunSchema.parse(run);
  await writePrivate(PREFIX + checked.runId, checked);
  return checked;
}

async function setAside(key: string, raw: unknown, reason: string, now: Date): Promise<void> {
  await writePrivate(ASIDE_PREFIX + key.slice(PREFIX.length), { key, reason, at: now.toISOString(), raw });
  await deletePrivate(key);
}

export async function loadRun(runId: string, now: Date): Promise<BulkRun | undefined> {
  const raw = await readPrivate(PREFIX + runId);
  if (raw === undefined) return undefined;
  const result = migrateRun(raw);
  if (result.ok) return result.run;
  await setAside(PREFIX + runId, raw, result.reason, now);
  return undefined;
}

/** Every readable run, oldest first; unreadable ones are moved aside. */
export async function listRuns(now: Date): Promise<BulkRun[]> {
  const runs: BulkRun[] = [];
  for (const { key, value } of await listPrivate(PREFIX)) {
    const result = migrateRun(value);
    if (result.ok) runs.push(result.run);
    else await setAside(key, value, result.reason, now);
  }
  return runs.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** Removes the oldest finished runs beyond FINISHED_RUNS_KEPT; a run still going is never removed. */
export async function pruneRuns(now: Date): Promise<void> {
  const finished = (await listRuns(now)).filter((r) => r.finishedAt !== undefined);
  for (const run of finished.slice(0, Math.max(0, finished.length - FINISHED_RUNS_KEPT)))
    await deletePrivate(PREFIX + run.runId);
}
