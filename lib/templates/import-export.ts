/**
 * Templates to and from a JSON file. Export writes what a template *is*: not how often this browser
 * used it (lastUsedAt, useCount), which would push someone else's template to the top of your list.
 * Import is all or nothing: planImport checks the whole file and either refuses it with every reason
 * (which template, which field, how to fix) or returns a plan; applyImport (import-apply.ts) then
 * applies the person's answer to each name clash. Nothing changes until then.
 */
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { checkTemplate } from './check';
import { sameName, type Template } from './model';
import { type TemplateProblem, templateProblem } from './problems';
import { looksLikeCardNumber } from './secrets';

export const EXPORT_FORMAT = 'certcentral-companion-templates';
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_TEMPLATES = 500;

export type ExportedTemplate = Omit<Template, 'lastUsedAt' | 'useCount'>;

export interface TemplatesExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  templates: ExportedTemplate[];
}

export function exportTemplates(templates: readonly Template[], now: Date): TemplatesExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    templates: templates.map(({ lastUsedAt: _l, useCount: _u, ...t }) => structuredClone(t)),
  };
}

/** The file's text, indented so a person can read and fix it. */
export function exportJson(templates: readonly Template[], now: Date): string {
  return `${JSON.stringify(exportTemplates(templates, now), null, 2)}\n`;
}

export interface ImportClash {
  incoming: Template;
  existing: Template;
}

export type ImportPlan =
  | { ok: true; additions: Template[]; clashes: ImportClash[]; warnings: TemplateProblem[] }
  | { ok: false; problems: TemplateProblem[] };

export interface ImportOptions {
  now?: Date;
  newId?: () => string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The file's own keys only: `toString` or `__proto__` in it must not read as the prototype's members. */
function ownOf(v: Record<string, unknown>): { format?: unknown; version?: unknown; templates?: unknown } {
  const own = (key: string) => (Object.hasOwn(v, key) ? v[key] : undefined);
  return { format: own('format'), version: own('version'), templates: own('templates') };
}

const refuse = (code: TemplateProblem['code'], text: string): ImportPlan => ({
  ok: false,
  problems: [templateProblem('', code, text)],
});

/** Checked on the file's size before it is read at all: a huge file is never loaded into memory. */
export function importFileSizeProblem(bytes: number): string | undefined {
  return bytes > MAX_IMPORT_BYTES ? t('settings_import_too_large') : undefined;
}

function readFile(text: string): { templates: unknown[] } | ImportPlan {
  // Measured again before parsing (text may come from elsewhere than a file). Characters ≤ bytes, so
  // the cheap length test settles most files without encoding them.
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).length > MAX_IMPORT_BYTES)
    return refuse('too_large', t('settings_import_too_large'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('not_json', t('settings_import_not_json'));
  }
  const file = isObject(data) ? ownOf(data) : {};
  if (file.format !== EXPORT_FORMAT)
    return refuse('not_an_export', t('settings_import_not_export', EXPORT_FORMAT));
  if (typeof file.version === 'number' && file.version > EXPORT_VERSION)
    return refuse('newer_version', t('settings_import_newer', String(file.version)));
  if (file.version !== EXPORT_VERSION || !Array.isArray(file.templates))
    return refuse('not_an_export', t('settings_import_no_list'));
  if (file.templates.length > MAX_IMPORT_TEMPLATES)
    return refuse(
      'too_many',
      t('settings_import_too_many', [
        formatNumber(file.templates.length),
        formatNumber(MAX_IMPORT_TEMPLATES),
      ]),
    );
  return { templates: file.templates };
}

function fillIdentity(raw: Record<string, unknown>, now: string, newId: () => string) {
  const { lastUsedAt: _l, useCount: _u, ...rest } = raw;
  const { id = newId(), createdAt = now, updatedAt = now } = rest;
  return { ...rest, id, createdAt, updatedAt, useCount: 0 };
}

/** Which template a problem is about, in words, for every message of an import. */
function about(index: number, raw: unknown, p: TemplateProblem): TemplateProblem {
  const name = isObject(raw) && Object.hasOwn(raw, 'name') ? raw.name : undefined;
  const readable = typeof name === 'string' && name.trim() !== '' && !looksLikeCardNumber(name);
  const sep = p.path === '' || p.path.startsWith('[') ? '' : '.';
  const where = `templates[${index}]${sep}${p.path}`;
  const number = formatNumber(index + 1);
  const message = readable
    ? t('settings_import_about_named', [number, name.trim().slice(0, 60), p.message])
    : t('settings_import_about', [number, p.message]);
  return { ...p, path: where, message };
}

export function planImport(
  existing: readonly Template[],
  text: string,
  options: ImportOptions = {},
): ImportPlan {
  const read = readFile(text);
  if ('ok' in read) return read;
  const now = (options.now ?? new Date()).toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const problems: TemplateProblem[] = [];
  const warnings: TemplateProblem[] = [];
  const incoming: Template[] = [];
  const ids = new Set(existing.map((t) => t.id));
  for (const [index, raw] of read.templates.entries()) {
    // Hand-written files may leave out identity and dates: they are filled in, not refused.
    // Use counts describe the browser that exported them, not this one: they start afresh.
    const filled = isObject(raw) ? fillIdentity(raw, now, newId) : raw;
    const checked = checkTemplate(filled, 'incoming');
    warnings.push(...checked.warnings.map((w) => about(index, raw, w)));
    if (!checked.ok) {
      problems.push(...checked.problems.map((p) => about(index, raw, p)));
      continue;
    }
    let template = checked.template;
    if (ids.has(template.id)) {
      template = { ...template, id: newId() };
      warnings.push(
        about(index, raw, templateProblem('id', 'id_replaced', t('settings_import_id_replaced'))),
      );
    }
    ids.add(template.id);
    incoming.push(template);
  }
  if (problems.length > 0) return { ok: false, problems };
  const clashes: ImportClash[] = [];
  const additions: Template[] = [];
  for (const t of incoming) {
    const same = existing.find((e) => sameName(e.name, t.name));
    if (same) clashes.push({ incoming: t, existing: same });
    else additions.push(t);
  }
  return { ok: true, additions, clashes, warnings };
}
