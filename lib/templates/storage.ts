/**
 * Where templates live: `local:templates`, a versioned WXT storage item holding the list, and
 * `local:templates-quarantine`, the templates that could not be read (kept aside with the reason).
 * storage.local is acceptable because a template holds no secret (secrets.ts refuses them).
 *
 * Reads upgrade and check every template (stored-list.ts) and write back what changed. When
 * something is kept aside, the quarantine is written before the list: if the write is cut short, a
 * template exists twice, never zero times.
 */
import { storage } from 'wxt/utils/storage';
import {
  itemMigrations,
  type MigrationContext,
  type MigrationTable,
  TEMPLATE_MIGRATIONS,
} from './migrations';
import type { Template } from './model';
import { TEMPLATE_VERSION } from './model';
import type { TemplateProblem } from './problems';
import { type QuarantinedTemplate, readStoredList } from './stored-list';

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

const liveContext = (): MigrationContext => ({ now: new Date(), newId: () => crypto.randomUUID() });

/** A template store; the app uses one (templateStore()), tests make others to try future versions. */
export function createTemplateStore(options: StoreOptions = {}) {
  const version = options.version ?? TEMPLATE_VERSION;
  const table = options.table ?? TEMPLATE_MIGRATIONS;
  const context = options.context ?? liveContext;
  const item = storage.defineItem<unknown>('local:templates', {
    version,
    fallback: [],
    migrations: itemMigrations(table, context),
  });
  const quarantine = storage.defineItem<QuarantinedTemplate[]>('local:templates-quarantine', {
    version: 1,
    fallback: [],
  });
  // Read-modify-write in one page runs one at a time (two quick clicks must not lose an edit).
  let queue: Promise<unknown> = Promise.resolve();
  const locked = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readUnlocked(): Promise<TemplatesRead> {
    const read = readStoredList(await item.getValue(), version, context(), table);
    if (read.keptAside.length > 0)
      await quarantine.setValue([...(await quarantine.getValue()), ...read.keptAside]);
    if (read.changed) await item.setValue(read.templates);
    return { templates: read.templates, keptAside: read.keptAside, warnings: read.warnings };
  }

  return {
    item,
    quarantine,
    read: () => locked(readUnlocked),
    /** Applies a change to the current list and saves it; `list` undefined means nothing to save. */
    update: <T>(change: (list: Template[]) => { list?: Template[]; result: T }): Promise<T> =>
      locked(async () => {
        const { list, result } = change((await readUnlocked()).templates);
        if (list) await item.setValue(list);
        return result;
      }),
    readQuarantine: () => quarantine.getValue(),
    /** Forgets one kept-aside template, after the person has seen it. */
    dismissQuarantined: (index: number) =>
      locked(async () => {
        const list = await quarantine.getValue();
        await quarantine.setValue(list.filter((_, i) => i !== index));
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
export type { QuarantinedTemplate };
