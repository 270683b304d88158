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
 *
 * A record saved by a newer version of the extension (after a downgrade, or a profile restored from a
 * newer browser) is never read as if it were current, and never written over: a write could only lose
 * what that version knows and this one does not. Reads give no templates and report it (`newer`, also
 * in readQuarantine, with what to do: update the extension); every save refuses with
 * TemplatesNewerError and writes nothing. A single template saved by a newer version is kept in the
 * list as it is, reported the same way, and the others are read and saved as usual.
 */
import { policyFrom, readPolicy } from '../policy/read';
import { type UsableTemplates, usableTemplates } from '../policy/templates';
import { moveFromLocal } from '../storage/local-move';
import { readPrivate, updatePrivate } from '../storage/private-store';
import { readStored, storedVersion } from '../storage/stored-item';
import type { MigrationContext } from './migrations';
import type { Template } from './model';
import type { TemplateProblem } from './problems';
import {
  fromLegacyLocal,
  keptAsideEntries,
  LEGACY_LOCAL_KEYS,
  newerReports,
  type Settled,
  settleRecord,
  TemplatesNewerError,
  type TemplatesRecord,
} from './record';
import type { QuarantinedTemplate, StoredList } from './stored-list';
import { TEMPLATES_RECORD } from './summaries';
import { type TemplatesItem, templatesItem } from './templates-item';

export {
  fromLegacyLocal,
  LEGACY_LOCAL_KEYS,
  newerProblem,
  type Settled,
  settleRecord,
  TemplatesNewerError,
  type TemplatesRecord,
} from './record';

export interface TemplatesRead {
  templates: Template[];
  /** Kept aside by this read (earlier ones: readQuarantine). */
  keptAside: QuarantinedTemplate[];
  /** What a newer version of the extension saved: the whole record, or templates in it. Left as it is. */
  newer: QuarantinedTemplate[];
  /** Set (to its version) when the whole record is a newer version's: nothing can be saved. */
  newerRecord?: number;
  warnings: TemplateProblem[];
}

export interface StoreOptions {
  /** The declaration to read with (templates-item.ts); tests pass a later version's. */
  item?: TemplatesItem;
  context?: () => MigrationContext;
}

const liveContext = (): MigrationContext => ({ now: new Date(), newId: () => crypto.randomUUID() });

/** A template store; the app uses one (templateStore()), tests make others to try future versions. */
export function createTemplateStore(options: StoreOptions = {}) {
  const item = options.item ?? templatesItem;
  const version = item.version ?? 1;
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
        converted = fromLegacyLocal(found, context(), item);
        return converted.record;
      },
    });
    return moved.written ? converted?.read : undefined;
  }

  /** The first read after the update finds no record: it moves the old one first. */
  async function moveIfNeeded(): Promise<StoredList | undefined> {
    return (await readPrivate(TEMPLATES_RECORD)) === undefined ? moveOutOfLocal() : undefined;
  }

  /**
   * Reads, settles and writes back in one transaction; `change` (synchronous) may replace the list.
   * A newer version's record is never written: a change to it throws TemplatesNewerError.
   */
  function settle<T>(
    change: (settled: Settled) => { list?: Template[]; keptAside?: QuarantinedTemplate[]; result: T },
  ) {
    return updatePrivate(TEMPLATES_RECORD, (raw) => {
      const settled = settleRecord(raw ?? { version, templates: [], keptAside: [] }, context(), item);
      const { list, keptAside, result } = change(settled);
      if (settled.newer !== undefined) {
        if (list !== undefined || keptAside !== undefined) throw new TemplatesNewerError(settled.newer);
        return { result };
      }
      const record: TemplatesRecord = {
        ...settled.record,
        // Templates a newer version saved stay in the list, as they were.
        ...(list ? { templates: [...list, ...(settled.read.kept as Template[])] } : {}),
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
    // Only a record already at this version (or a newer one's, never written): an upgrade is written
    // back anyway, and settling it twice would make its new ids and dates twice.
    const found = storedVersion(raw);
    const quick = found !== undefined && found >= version ? settleRecord(raw, context(), item) : undefined;
    const settled = quick && !quick.changed ? quick : await settle((fresh) => ({ result: fresh }));
    const { read } = settled;
    return {
      templates: read.templates,
      keptAside: [...(moved?.keptAside ?? []), ...read.keptAside],
      // Made again at every read (never stored): the read after a move has them already.
      newer: read.newer,
      ...(settled.newer !== undefined ? { newerRecord: settled.newer } : {}),
      warnings: [...(moved?.warnings ?? []), ...read.warnings],
    };
  }

  return {
    read: () => locked(readUnlocked),
    /**
     * Applies a change (synchronous) to the current list and saves it; `list` undefined means nothing
     * to save. When a newer version saved the record, throws TemplatesNewerError without running the
     * change: on the empty list this version reads, it would refuse for the wrong reason ("not found").
     */
    update: <T>(change: (list: Template[]) => { list?: Template[]; result: T }): Promise<T> =>
      locked(async () => {
        await moveIfNeeded();
        return settle((settled) => {
          if (settled.newer !== undefined) throw new TemplatesNewerError(settled.newer);
          return change(settled.read.templates);
        });
      }),
    /** Kept aside earlier, then what a newer version saved (reported at every read, never stored). */
    readQuarantine: () =>
      locked(async () => {
        await moveIfNeeded();
        const raw = await readPrivate(TEMPLATES_RECORD);
        const stored = readStored(item, raw);
        const earlier =
          stored && 'value' in stored
            ? keptAsideEntries(stored.value.keptAside, new Date().toISOString())
            : [];
        return [...earlier, ...newerReports(raw, item, context())];
      }),
    /**
     * Forgets one kept-aside template, after the person has seen it. What a newer version saved (after
     * the kept-aside ones in readQuarantine) is not this version's to forget: nothing happens.
     */
    dismissQuarantined: (index: number) =>
      locked(async () => {
        await moveIfNeeded();
        await settle((settled) =>
          settled.newer !== undefined || index >= settled.record.keptAside.length
            ? { result: undefined }
            : { keptAside: settled.record.keptAside.filter((_, i) => i !== index), result: undefined },
        );
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

/** The templates that can be used: the person's own and the organization's, as the policy says. */
export type UsableRead = TemplatesRead & Omit<UsableTemplates, 'templates'>;

/**
 * What the pages and the background use: the stored templates under the organization's policy
 * (lib/policy/templates.ts): its templates added (read-only, never stored), the person's own hidden
 * while it allows none. The stored list itself is templateStore().read(). `shownPolicy`: for a list
 * only shown, the policy it is shown with (lib/policy/display.ts); otherwise the browser's own.
 */
export async function readTemplates(shownPolicy?: Record<string, unknown>): Promise<UsableRead> {
  const policyRead = shownPolicy === undefined ? readPolicy() : policyFrom(shownPolicy);
  const [read, policy] = await Promise.all([templateStore().read(), policyRead]);
  return { ...read, ...usableTemplates(read.templates, policy) };
}
export const readQuarantine = (): Promise<QuarantinedTemplate[]> => templateStore().readQuarantine();
export const dismissQuarantined = (index: number): Promise<void> => templateStore().dismissQuarantined(index);
/** Run by the background at every start, so the move happens early and a stale copy is removed. */
export const moveTemplatesOutOfLocal = (): Promise<void> => templateStore().moveOutOfLocal();
export type { QuarantinedTemplate };
