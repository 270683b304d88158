/**
 * Bulk renewal runs on disk: one record per run under `bulk:<runId>` in the private IndexedDB store
 * (lib/storage/private-store.ts; runs name orders and hold a template snapshot, kept out of content
 * scripts' reach like the outbox). Records that cannot be read are moved under `bulk-aside:<runId>`
 * with the reason, never guessed at: a wrong guess could submit an order twice.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { deletePrivate, listPrivate, readPrivate, writePrivate } from '../storage/private-store';

const PREFIX = 'bulk:';
const ASIDE_PREFIX = 'bulk-aside:';
export const BULK_RUN_VERSION = 1;
/** Finished runs kept for the person to read or export; older ones are removed. */
export const FINISHED_RUNS_KEPT = 20;

const IsoTime = lazySchema(() => z.iso.datetime({ offset: true }));

export const BulkItemSchema = lazySchema(() =>
  z.object({
    orderId: z.number().int().positive(),
    /** Empty until the order's details are read. */
    commonName: z.string(),
    state: z.enum(['waiting', 'submitting', 'submitted', 'skipped', 'failed']),
    submissionId: z.string().optional(),
    message: z.string().optional(),
    /** When the item went to `submitting`: an outbox entry created since then is this item's own. */
    submittingAt: IsoTime.optional(),
  }),
);
export type BulkItem = z.infer<typeof BulkItemSchema>;

export const BulkRunSchema = lazySchema(() =>
  z.object({
    version: z.literal(BULK_RUN_VERSION),
    runId: z.string().min(1),
    templateId: z.string(),
    templateName: z.string(),
    /** The template as it was at the start (re-checked with templateSchema when used): edits mid-run do not apply. */
    template: z.unknown(),
    startedAt: IsoTime,
    finishedAt: IsoTime.optional(),
    paused: z.boolean(),
    items: z.array(BulkItemSchema),
  }),
);
export type BulkRun = z.infer<typeof BulkRunSchema>;

export type RunMigration = { ok: true; run: BulkRun } | { ok: false; reason: string };

/**
 * Upgrades from older versions go in this table (version n → n + 1). Version 1 is the first; a
 * record of a version without a step (written by a newer extension) is refused with the reason.
 */
export const RUN_MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateRun(raw: unknown, migrations = RUN_MIGRATIONS): RunMigration {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'The record is not an object.' };
  let record = raw as Record<string, unknown>;
  while (typeof record.version === 'number' && record.version < BULK_RUN_VERSION) {
    const step = migrations[record.version];
    if (!step) break;
    record = { ...step(record), version: record.version + 1 };
  }
  if (record.version !== BULK_RUN_VERSION) {
    return {
      ok: false,
      reason: `The record has version ${JSON.stringify(record.version) ?? 'none'}; this extension reads version ${BULK_RUN_VERSION}.`,
    };
  }
  const parsed = BulkRunSchema.safeParse(record);
  if (parsed.success) return { ok: true, run: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
  return { ok: false, reason: `The record is damaged: ${issues.join('; ')}` };
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
