/**
 * The popup's first screen lists templates before anything heavy has loaded: this reads just what
 * the list shows (id, name, product, organization, last use) straight from the private store's
 * `templates` record, with a structural check instead of the full schema. Choosing a template loads
 * the full reader (storage.ts: schema, migrations, quarantine), so a damaged template is caught there
 * and reported.
 */
import { readManagedForDisplay } from '../policy/display';
import { hasPolicy } from '../policy/managed';
import { readPrivate } from '../storage/private-store';
import { byLastUse } from './list-order';
import { TEMPLATE_VERSION } from './version';

/** The private-store record holding the templates (its shape: storage.ts TemplatesRecord). */
export const TEMPLATES_RECORD = 'templates';

/** The version of a record or template saved by a newer version of the extension; else undefined. */
function newerVersion(raw: unknown): number | undefined {
  const version =
    typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  return typeof version === 'number' && version > TEMPLATE_VERSION ? version : undefined;
}

/**
 * Saved by a newer version of the extension (the record, or one template in it): not listed here,
 * and never read as if it were current; the full reader reports it (storage.ts), and the popup says
 * so for a whole record (popupListFrom).
 */
const isNewer = (raw: unknown): boolean => newerVersion(raw) !== undefined;

/** The list of a record this build can read; undefined for a newer record. */
function listOf(record: unknown): unknown {
  if (isNewer(record)) return undefined;
  return typeof record === 'object' && record !== null
    ? (record as { templates?: unknown }).templates
    : undefined;
}

export interface TemplateSummary {
  id: string;
  name: string;
  product: string;
  organizationName?: string;
  lastUsedAt?: string;
  /** The organization's template, from its policy (lib/policy): read-only. */
  organization?: boolean;
}

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function summarize(raw: unknown): TemplateSummary[] {
  if (!Array.isArray(raw)) return [];
  const summaries = raw.flatMap((item): TemplateSummary[] => {
    if (typeof item !== 'object' || item === null || isNewer(item)) return [];
    const t = item as Record<string, unknown>;
    if (!text(t.id) || !text(t.name) || !text(t.product)) return [];
    return [
      {
        id: t.id,
        name: t.name,
        product: t.product,
        ...(text(t.organizationName) ? { organizationName: t.organizationName } : {}),
        ...(text(t.lastUsedAt) ? { lastUsedAt: t.lastUsedAt } : {}),
      },
    ];
  });
  // The settings page's full list keeps the same order (search.ts sortByLastUse).
  return summaries.sort(byLastUse);
}

/** The list under the organization's policy: the full reader applies it (storage.ts readTemplates). */
async function summariesUnderPolicy(shownPolicy: Record<string, unknown>): Promise<TemplateSummary[]> {
  const { readTemplates } = await import('./storage');
  const read = await readTemplates(shownPolicy);
  const organization = new Set(read.organizationIds);
  return summarize(read.templates).map((s) => (organization.has(s.id) ? { ...s, organization: true } : s));
}

/** What the list is made from: the templates record and the policy it is shown under. */
export type ListReads = [record: unknown, policy: Record<string, unknown>];

/** The list's two reads, light enough for the popup's early script: no parser, no other chunk. */
export const readListInputs = (): Promise<ListReads> =>
  Promise.all([readPrivate(TEMPLATES_RECORD), readManagedForDisplay()]);

export async function readTemplateSummaries(): Promise<TemplateSummary[]> {
  return summariesFrom(await readListInputs());
}

/** The list from its reads: most browsers have no policy, and no parser is loaded (policy/managed.ts). */
async function summariesFrom([record, managed]: ListReads): Promise<TemplateSummary[]> {
  if (hasPolicy(managed)) return summariesUnderPolicy(managed);
  if (record === undefined) {
    // Not moved out of storage.local yet (the first read after the update): the full reader moves it.
    const { readTemplates } = await import('./storage');
    return summarize((await readTemplates()).templates);
  }
  return summarize(listOf(record));
}

/**
 * Why the popup lists no template although some may be stored: the store could not be read (what
 * the browser said), or a newer version of the extension saved them (its record's version). Shown
 * as such: "No order templates yet" would send the user to make again what is there.
 */
export type ListProblem = { unreadable: string } | { newerVersion: number };

/** The popup's list from its reads: the summaries, or why none can be listed. */
export async function popupListFrom(reads: Promise<ListReads>): Promise<TemplateSummary[] | ListProblem> {
  try {
    const read = await reads;
    const version = newerVersion(read[0]);
    if (version !== undefined) return { newerVersion: version };
    return await summariesFrom(read);
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

/** Where the popup's early script leaves the list's reads (lib/first-screen.ts askEarly). */
export const POPUP_LIST_GLOBAL = 'certcentralCompanionPopupList';

/** Filters by every typed word against name, product and organization. */
export function filterSummaries(
  list: TemplateSummary[],
  query: string,
  productNames: Record<string, string>,
): TemplateSummary[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  return list.filter((t) => {
    const haystack = [t.name, t.product, productNames[t.product] ?? '', t.organizationName ?? '']
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** What a row of the settings page's template list shows: a summary, its description and its fields' sources. */
export interface TemplateRowSummary extends TemplateSummary {
  description?: string;
  fields: Record<string, { source: string; value?: unknown }>;
}

function rowFields(raw: unknown): TemplateRowSummary['fields'] | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const fields: TemplateRowSummary['fields'] = {};
  for (const [path, field] of Object.entries(raw)) {
    if (
      typeof field !== 'object' ||
      field === null ||
      typeof (field as { source?: unknown }).source !== 'string'
    )
      return null;
    fields[path] = field as { source: string; value?: unknown };
  }
  return fields;
}

/**
 * The settings page's first screen, like the popup's: the rows read from the light record, checked
 * structurally; the full reader (schema, order rules, migrations) takes over after the first paint.
 */
export function summarizeRows(raw: unknown): TemplateRowSummary[] {
  const byId = new Map<string, Record<string, unknown>>();
  if (Array.isArray(raw))
    for (const item of raw)
      if (typeof item === 'object' && item !== null && text((item as { id?: unknown }).id))
        byId.set((item as { id: string }).id, item as Record<string, unknown>);
  return summarize(raw).flatMap((summary): TemplateRowSummary[] => {
    const item = byId.get(summary.id);
    const fields = rowFields(item?.fields);
    if (!item || !fields) return [];
    return [{ ...summary, ...(text(item.description) ? { description: item.description } : {}), fields }];
  });
}

/**
 * Null when the record is not in the private store yet (only the full reader moves it there), or was
 * saved by a newer version (only the full reader says so, and what to do).
 */
export async function readTemplateRowSummaries(): Promise<TemplateRowSummary[] | null> {
  const [record, managed] = await Promise.all([readPrivate(TEMPLATES_RECORD), readManagedForDisplay()]);
  // Under a policy the full reader lists them (which are the organization's, which are hidden).
  if (record === undefined || isNewer(record) || hasPolicy(managed)) return null;
  return summarizeRows(listOf(record));
}
