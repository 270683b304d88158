/**
 * Turns what storage holds into templates, pure: upgrades each one (readStoredEntry with the steps in
 * migrations.ts), checks it (check.ts), and keeps aside, with the reason, every entry that cannot be
 * read. Nothing is ever silently dropped: a person sees what was put aside and why.
 *
 * A template saved by a newer version of the extension is neither read nor kept aside: keeping it
 * aside would rewrite it (secrets removed, out of the list), and the newer version must find it as it
 * left it. It stays in the list as it is (`kept`) and is reported (`newer`) with what to do.
 */
import { t } from '../i18n';
import { readStoredEntry, type StoredProblem } from '../storage/stored-item';
import { checkTemplate } from './check';
import type { MigrationContext } from './migrations';
import type { Template } from './model';
import { type TemplateProblem, templateProblem } from './problems';
import { redactSecrets } from './secrets';
import { type TemplatesItem, templatesItem } from './templates-item';

/** A stored template that could not be read, kept (secrets removed) so it can be fixed or dismissed. */
export interface QuarantinedTemplate {
  /** Its name, when it had a readable one. */
  name?: string;
  /** One sentence for a person: what happened and what they can do. */
  reason: string;
  problems: TemplateProblem[];
  /** The stored value as it was, minus anything that looked like a secret. */
  value: unknown;
  keptAt: string;
  /**
   * Set when a newer version of the extension saved it (the version it was saved at): it is left
   * where it is, unchanged, so it cannot be dismissed; updating the extension is what makes it usable.
   */
  newerVersion?: number;
}

export interface StoredList {
  templates: Template[];
  keptAside: QuarantinedTemplate[];
  /** Entries saved by a newer version: written back as they are, after `templates`. */
  kept: unknown[];
  /** What is said about each of `kept` (never stored: made again at every read). */
  newer: QuarantinedTemplate[];
  /** Not blocking: a deprecated field moved or dropped, an id replaced. */
  warnings: TemplateProblem[];
  /** What is stored differs from `templates` and should be written back. */
  changed: boolean;
}

function nameOf(value: unknown): string | undefined {
  const name = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 100) : undefined;
}

/** What is said about a template saved by a newer version (`version`) than this one (`current`). */
export function newerTemplateReport(
  value: unknown,
  version: number,
  current: number,
  keptAt: string,
): QuarantinedTemplate {
  const clean = redactSecrets(value);
  const name = nameOf(clean);
  const reason = name
    ? t('settings_template_newer', [name, String(version), String(current)])
    : t('settings_template_newer_unnamed', [String(version), String(current)]);
  return {
    ...(name ? { name } : {}),
    reason,
    problems: [templateProblem('', 'newer_version', reason)],
    value: clean,
    keptAt,
    newerVersion: version,
  };
}

/** The problem a person reads for an entry whose steps could not bring it up. */
function upgradeProblem(problem: StoredProblem, current: number): TemplateProblem {
  const version = 'version' in problem && problem.kind !== 'newer' ? problem.version + 1 : current;
  const reason = problem.reason.replace(/\.$/, '');
  return templateProblem('', 'migration_failed', t('settings_upgrade_failed', [String(version), reason]));
}

/**
 * `raw` is the record's list, `recordVersion` the version the record was stored at (before its own
 * steps): a template without a version of its own is at that one.
 */
export function readStoredList(
  raw: unknown,
  recordVersion: number,
  ctx: MigrationContext,
  item: TemplatesItem = templatesItem,
): StoredList {
  const keptAt = ctx.now.toISOString();
  const current = item.version ?? recordVersion;
  const aside = (value: unknown, problems: TemplateProblem[]): QuarantinedTemplate => {
    const clean = redactSecrets(value);
    const name = nameOf(clean);
    const said = problems.map((p) => p.message).join(' ');
    const reason = name
      ? t('settings_kept_aside_named', [name, said])
      : t('settings_kept_aside_unnamed', said);
    return { ...(name ? { name } : {}), reason, problems, value: clean, keptAt };
  };
  const out: StoredList = { templates: [], keptAside: [], kept: [], newer: [], warnings: [], changed: false };
  if (!Array.isArray(raw)) {
    const problem = templateProblem('', 'invalid_shape', t('settings_stored_not_list'));
    return { ...out, keptAside: [aside(raw, [problem])], changed: true };
  }
  const ids = new Set<string>();
  for (const entry of raw) {
    const up = readStoredEntry(item, entry, recordVersion, ctx);
    if (up && 'problem' in up) {
      const { problem } = up;
      if (problem.kind === 'newer') {
        out.kept.push(entry);
        out.newer.push(newerTemplateReport(entry, problem.version, current, keptAt));
        continue;
      }
      // Not an object: the check says best what is wrong with its shape.
      const checked = problem.kind === 'not-an-object' ? checkTemplate(entry, 'incoming') : undefined;
      const problems = checked && !checked.ok ? checked.problems : [upgradeProblem(problem, current)];
      out.keptAside.push(aside(entry, problems));
      continue;
    }
    const upgraded = up?.value;
    const checked = checkTemplate(upgraded, 'incoming');
    if (!checked.ok) {
      out.keptAside.push(aside(entry, checked.problems));
      continue;
    }
    let template = checked.template;
    if (ids.has(template.id)) {
      template = { ...template, id: ctx.newId() };
      out.warnings.push(templateProblem('id', 'id_replaced', t('settings_id_shared', template.name)));
    }
    ids.add(template.id);
    out.warnings.push(...checked.warnings);
    if (upgraded !== entry || checked.warnings.length > 0 || template !== checked.template)
      out.changed = true;
    out.templates.push(template);
  }
  if (out.keptAside.length > 0) out.changed = true;
  return out;
}
