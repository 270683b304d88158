/**
 * Where templates live: one record, `templates`, in the extension origin's private IndexedDB store
 * (lib/storage/private-store.ts), holding the list, its version and the templates that could not be
 * read (kept aside with the reason). Not storage.local: in Firefox a content script can write that
 * area, and bulk renewal turns templates into paid orders. Older versions kept them in storage.local
 * (the WXT items `templates` and `templates-quarantine`); the first read moves them
 * (lib/storage/local-move.ts), and from then on nothing in storage.local is read.
 *
 * Reads upgrade and check every template (stored-list.ts) and write back what changed in the same
 * transaction as the read, so the list and what was kept aside change together, and a change another
 * page made in between is never overwritten.
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { lazySchema } from '../lazy-schema';
import { moveFromLocal, wxtVersion } from '../storage/local-move';
import { readPrivate, updatePrivate } from '../storage/private-store';
import {
  itemMigrations,
  type MigrationContext,
  type MigrationTable,
  TEMPLATE_MIGRATIONS,
} from './migrations';
import type { Template } from './model';
import { TEMPLATE_VERSION } from './model';
import { type TemplateProblem, templateProblem } from './problems';
import { redactSecrets } from './secrets';
import { type QuarantinedTemplate, readStoredList, type StoredList } from './stored-list';
import { TEMPLATES_RECORD } from './summaries';

export interface TemplatesRead {
  templates: Template[];
  /** Kept aside by this read (earlier ones: readQuarantine). */
  keptAside: QuarantinedTemplate[];
  warnings: TemplateProblem[];
}

export interface StoreOptions {
  version?: number;
  table?: MigrationTable;
  context?: () => MigrationContext;
}

/** The stored record; `version` is the templates' version (model.ts TEMPLATE_VERSION). */
export interface TemplatesRecord {
  version: number;
  templates: Template[];
  keptAside: QuarantinedTemplate[];
}

const recordSchema = lazySchema(() =>
  z.object({
    version: z.number().check(z.int(), z.minimum(1)),
    templates: z.unknown(),
    keptAside: z.array(z.unknown()),
  }),
);

const keptAsideSchema = lazySchema(() =>
  z.object({
    name: z.optional(z.string()),
    reason: z.string(),
    problems: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    value: z.unknown(),
    keptAt: z.string(),
  }),
);

/** The keys older versions used in storage.local (WXT items: each value and its `$` version marker). */
export const LEGACY_LOCAL_KEYS = ['templates', 'templates$', 'templates-quarantine', 'templates-quarantine$'];

/** Entries kept aside earlier; one that is itself damaged is kept as what is left of it, with a reason. */
function keptAsideEntries(raw: unknown, keptAt: string): QuarantinedTemplate[] {
  if (raw === undefined || raw === null) return [];
  return (Array.isArray(raw) ? raw : [raw]).map((entry) =>
    keptAsideSchema.safeParse(entry).success
      ? (entry as QuarantinedTemplate)
      : {
          reason: t('settings_kept_aside_damaged'),
          problems: [templateProblem('', 'invalid_shape', t('settings_kept_aside_entry_damaged'))],
          value: redactSecrets(entry),
          keptAt,
        },
  );
}

/** A list stored at version `from`, brought to `to` one template at a time (migrations.ts). */
function upgradeList(list: unknown, from: number, to: number, table: MigrationTable, ctx: MigrationContext) {
  const steps = itemMigrations(table, () => ctx);
  let value = list;
  for (let v = from + 1; v <= to; v++) value = steps[v]?.(value) ?? value;
  return value;
}

export interface Settled {
  record: TemplatesRecord;
  read: StoredList;
  /** The stored record differs from `record` and should be written back. */
  changed: boolean;
}

/**
 * Pure: a stored record brought to `version` and checked. A damaged record is not lost: what it holds
 * is kept aside with the reason, like any template that cannot be read.
 */
export function settleRecord(
  raw: unknown,
  version: number,
  ctx: MigrationContext,
  table: MigrationTable = TEMPLATE_MIGRATIONS,
): Settled {
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) {
    const read = readStoredList(raw, version, ctx, table);
    return { record: { version, templates: read.templates, keptAside: read.keptAside }, read, changed: true };
  }
  const { version: from, templates, keptAside } = parsed.data;
  const earlier = keptAsideEntries(keptAside, ctx.now.toISOString());
  const read = readStoredList(upgradeList(templates, from, version, table, ctx), version, ctx, table);
  return {
    record: { version, templates: read.templates, keptAside: [...earlier, ...read.keptAside] },
    read,
    changed: read.changed || from !== version || earlier.some((entry, i) => entry !== keptAside[i]),
  };
}

/** Pure: the record made from what an older version left in storage.local (nothing on a new install). */
export function fromLegacyLocal(
  found: Readonly<Record<string, unknown>>,
  version: number,
  ctx: MigrationContext,
  table: MigrationTable = TEMPLATE_MIGRATIONS,
): Settled {
  const list = found.templates;
  const none = list === undefined || list === null;
  return settleRecord(
    {
      // WXT storage gave a value without a version marker version 1 (local-move.ts wxtVersion).
      version: none ? version : wxtVersion(found, 'templates'),
      templates: none ? [] : list,
      keptAside: keptAsideEntries(found['templates-quarantine'], ctx.now.toISOString()),
    },
    version,
    ctx,
    table,
  );
}

const liveContext = (): MigrationContext => ({ now: new Date(), newId: () => crypto.randomUUID() });

/** A template store; the app uses one (templateStore()), tests make others to try future versions. */
export function createTemplateStore(options: StoreOptions = {}) {
  const version = options.version ?? TEMPLATE_VERSION;
  const table = options.table ?? TEMPLATE_MIGRATIONS;
  const context = options.context ?? liveContext;
  // Read-modify-write in one page runs one at a time (two quick clicks must not lose an edit).
  let queue: Promise<unknown> = Promise.resolve();
  const locked = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Moves what storage.local holds (local-move.ts); what this move read, when it wrote the record. */
  async function moveOutOfLocal(): Promise<StoredList | undefined> {
    let converted: Settled | undefined;
    const moved = await moveFromLocal({
      record: TEMPLATES_RECORD,
      localKeys: LEGACY_LOCAL_KEYS,
      convert: (found) => {
        converted = fromLegacyLocal(found, version, context(), table);
        return converted.record;
      },
    });
    return moved.written ? converted?.read : undefined;
  }

  /** The first read after the update finds no record: it moves the old one first. */
  async function moveIfNeeded(): Promise<StoredList | undefined> {
    return (await readPrivate(TEMPLATES_RECORD)) === undefined ? moveOutOfLocal() : undefined;
  }

  /** Reads, settles and writes back in one transaction; `change` (synchronous) may replace the list. */
  function settle<T>(
    change: (settled: Settled) => { list?: Template[]; keptAside?: QuarantinedTemplate[]; result: T },
  ) {
    return updatePrivate(TEMPLATES_RECORD, (raw) => {
      const settled = settleRecord(
        raw ?? { version, templates: [], keptAside: [] },
        version,
        context(),
        table,
      );
      const { list, keptAside, result } = change(settled);
      const record: TemplatesRecord = {
        ...settled.record,
        ...(list ? { templates: list } : {}),
        ...(keptAside ? { keptAside } : {}),
      };
      const write = raw === undefined || settled.changed || list !== undefined || keptAside !== undefined;
      return write ? { write: { value: record }, result } : { result };
    });
  }

  /**
   * A read-only transaction first: a read-write one at every page open blocked the background's
   * reads of the same store while it checked all the templates (`npm run bench`, settings page).
   * Only when something may need writing back (a move, an upgrade, a template kept aside) does it
   * settle again in a read-write transaction, which re-reads, so a change made in between is kept.
   */
  async function readUnlocked(): Promise<TemplatesRead> {
    const raw = await readPrivate(TEMPLATES_RECORD);
    const moved = raw === undefined ? await moveOutOfLocal() : undefined;
    // Only a record already at this version: an upgrade is written back anyway, and settling it twice
    // would make its new ids and dates twice.
    const current =
      typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === version;
    const quick = current ? settleRecord(raw, version, context(), table) : undefined;
    const read = quick && !quick.changed ? quick.read : await settle((settled) => ({ result: settled.read }));
    return {
      templates: read.templates,
      keptAside: [...(moved?.keptAside ?? []), ...read.keptAside],
      warnings: [...(moved?.warnings ?? []), ...read.warnings],
    };
  }

  return {
    read: () => locked(readUnlocked),
    /** Applies a change (synchronous) to the current list and saves it; `list` undefined means nothing to save. */
    update: <T>(change: (list: Template[]) => { list?: Template[]; result: T }): Promise<T> =>
      locked(async () => {
        await moveIfNeeded();
        return settle((settled) => change(settled.record.templates));
      }),
    readQuarantine: () =>
      locked(async () => {
        await moveIfNeeded();
        const parsed = recordSchema.safeParse(await readPrivate(TEMPLATES_RECORD));
        return parsed.success ? keptAsideEntries(parsed.data.keptAside, new Date().toISOString()) : [];
      }),
    /** Forgets one kept-aside template, after the person has seen it. */
    dismissQuarantined: (index: number) =>
      locked(async () => {
        await moveIfNeeded();
        await settle((settled) => ({
          keptAside: settled.record.keptAside.filter((_, i) => i !== index),
          result: undefined,
        }));
      }),
    /** Moves what an older version left in storage.local, and removes a stale copy (local-move.ts). */
    moveOutOfLocal: () =>
      locked(async () => {
        await moveOutOfLocal();
      }),
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;

let appStore: TemplateStore | undefined;
/** Made on first use, so importing this module (the popup's build step) touches no storage. */
export function templateStore(): TemplateStore {
  appStore ??= createTemplateStore();
  return appStore;
}

export const readTemplates = (): Promise<TemplatesRead> => templateStore().read();
export const readQuarantine = (): Promise<QuarantinedTemplate[]> => templateStore().readQuarantine();
export const dismissQuarantined = (index: number): Promise<void> => templateStore().dismissQuarantined(index);
/** Run by the background at every start, so the move happens early and a stale copy is removed. */
export const moveTemplatesOutOfLocal = (): Promise<void> => templateStore().moveOutOfLocal();
export type { QuarantinedTemplate };
