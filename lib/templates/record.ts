/**
 * The `templates` record as stored, pure: a record brought to this version (settleRecord), the one
 * made from what an older version left in storage.local (fromLegacyLocal), and what is said about a
 * record or templates a newer version saved. The store that reads and writes it is storage.ts.
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { lazySchema } from '../lazy-schema';
import { wxtVersion } from '../storage/local-move';
import { readStored, readStoredEntry, storedVersion } from '../storage/stored-item';
import type { MigrationContext } from './migrations';
import type { Template } from './model';
import { type TemplateProblem, templateProblem } from './problems';
import { redactSecrets } from './secrets';
import {
  newerTemplateReport,
  type QuarantinedTemplate,
  readStoredList,
  type StoredList,
} from './stored-list';
import { type TemplatesItem, templatesItem } from './templates-item';

/** The stored record; `version` is the templates' version (TEMPLATE_VERSION). */
export interface TemplatesRecord {
  version: number;
  templates: Template[];
  keptAside: QuarantinedTemplate[];
}

/**
 * A save refused because the stored record was saved by a newer version of the extension: writing it
 * would lose what that version stored. The message says so and what to do.
 */
export class TemplatesNewerError extends Error {
  constructor(readonly version: number) {
    super(t('settings_templates_newer_not_saved', String(version)));
    this.name = 'TemplatesNewerError';
  }
}

/** The refusal as a template problem, for the operations that report problems (saved.ts). */
export function newerProblem(err: TemplatesNewerError): TemplateProblem {
  return templateProblem('', 'newer_version', err.message);
}

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
export function keptAsideEntries(raw: unknown, keptAt: string): QuarantinedTemplate[] {
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

/** What is said about a whole record saved by a newer version: its templates are not listed one by one. */
function newerRecordReport(
  raw: unknown,
  version: number,
  current: number,
  keptAt: string,
): QuarantinedTemplate {
  const reason = t('settings_templates_newer', [String(version), String(current)]);
  return {
    reason,
    problems: [templateProblem('', 'newer_version', reason)],
    value: redactSecrets(raw),
    keptAt,
    newerVersion: version,
  };
}

export interface Settled {
  /** What to store: this build's record (templates saved by a newer version last, as they were). */
  record: TemplatesRecord;
  read: StoredList;
  /** The stored record differs from `record` and should be written back. */
  changed: boolean;
  /** Set (to its version) when the record is a newer version's: `record` is it as stored; never write. */
  newer?: number;
}

/**
 * Pure: a stored record brought to the item's version (readStored) and each template in it
 * (stored-list.ts). A damaged record is not lost: what it holds is kept aside with the reason, like any
 * template that cannot be read. A newer version's record is reported and left as it is.
 */
export function settleRecord(
  raw: unknown,
  ctx: MigrationContext,
  item: TemplatesItem = templatesItem,
): Settled {
  const version = item.version ?? 1;
  const stored = readStored(item, raw);
  if (stored && 'problem' in stored && stored.problem.kind === 'newer') {
    const newer = stored.problem.version;
    const report = newerRecordReport(raw, newer, version, ctx.now.toISOString());
    return {
      record: raw as TemplatesRecord,
      read: { templates: [], keptAside: [], kept: [], newer: [report], warnings: [], changed: false },
      changed: false,
      newer,
    };
  }
  if (!stored || 'problem' in stored) {
    const read = readStoredList(raw, version, ctx, item);
    const templates = [...read.templates, ...(read.kept as Template[])];
    return { record: { version, templates, keptAside: read.keptAside }, read, changed: true };
  }
  const from = storedVersion(raw) ?? version;
  const { templates, keptAside } = stored.value;
  const earlier = keptAsideEntries(keptAside, ctx.now.toISOString());
  const read = readStoredList(templates, from, ctx, item);
  return {
    record: {
      version,
      // A newer version's templates go back as they were found (stored-list.ts).
      templates: [...read.templates, ...(read.kept as Template[])],
      keptAside: [...earlier, ...read.keptAside],
    },
    read,
    changed: read.changed || from !== version || earlier.some((entry, i) => entry !== keptAside[i]),
  };
}

/** Pure: the record made from what an older version left in storage.local (nothing on a new install). */
export function fromLegacyLocal(
  found: Readonly<Record<string, unknown>>,
  ctx: MigrationContext,
  item: TemplatesItem = templatesItem,
): Settled {
  const version = item.version ?? 1;
  const list = found.templates;
  const none = list === undefined || list === null;
  return settleRecord(
    {
      // WXT storage gave a value without a version marker version 1 (local-move.ts wxtVersion).
      version: none ? version : wxtVersion(found, 'templates'),
      templates: none ? [] : list,
      keptAside: keptAsideEntries(found['templates-quarantine'], ctx.now.toISOString()),
    },
    ctx,
    item,
  );
}

/**
 * What readQuarantine shows beyond the kept-aside entries: a newer version's record, or its templates
 * in a record this version reads. Only the version checks run, no template checks.
 */
export function newerReports(
  raw: unknown,
  item: TemplatesItem,
  ctx: MigrationContext,
): QuarantinedTemplate[] {
  const version = item.version ?? 1;
  const stored = readStored(item, raw);
  const keptAt = ctx.now.toISOString();
  if (stored && 'problem' in stored)
    return stored.problem.kind === 'newer'
      ? [newerRecordReport(raw, stored.problem.version, version, keptAt)]
      : [];
  const list = stored?.value.templates;
  if (!Array.isArray(list)) return [];
  const from = storedVersion(raw) ?? version;
  return list.flatMap((entry) => {
    if (storedVersion(entry) === undefined) return [];
    const up = readStoredEntry(item, entry, from, ctx);
    return up && 'problem' in up && up.problem.kind === 'newer'
      ? [newerTemplateReport(entry, up.problem.version, version, keptAt)]
      : [];
  });
}
