/**
 * Turns what storage holds into templates, pure: upgrades each one (migrations.ts), checks it
 * (check.ts), and keeps aside, with the reason, every entry that cannot be read. Nothing is ever
 * silently dropped: a person sees what was put aside and why.
 */
import { t } from '../i18n';
import { checkTemplate } from './check';
import {
  isFailedUpgrade,
  isV0,
  type MigrationContext,
  type MigrationTable,
  TEMPLATE_MIGRATIONS,
  upgradeTemplate,
} from './migrations';
import type { Template } from './model';
import { type TemplateProblem, templateProblem } from './problems';
import { redactSecrets } from './secrets';

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
}

export interface StoredList {
  templates: Template[];
  keptAside: QuarantinedTemplate[];
  /** Not blocking: a deprecated field moved or dropped, an id replaced. */
  warnings: TemplateProblem[];
  /** What is stored differs from `templates` and should be written back. */
  changed: boolean;
}

export function readStoredList(
  raw: unknown,
  version: number,
  ctx: MigrationContext,
  table: MigrationTable = TEMPLATE_MIGRATIONS,
): StoredList {
  const keptAt = ctx.now.toISOString();
  const aside = (value: unknown, problems: TemplateProblem[]): QuarantinedTemplate => {
    const clean = redactSecrets(value);
    const name = nameOf(clean);
    const said = problems.map((p) => p.message).join(' ');
    const reason = name
      ? t('settings_kept_aside_named', [name, said])
      : t('settings_kept_aside_unnamed', said);
    return { ...(name ? { name } : {}), reason, problems, value: clean, keptAt };
  };
  if (!Array.isArray(raw)) {
    const problem = templateProblem('', 'invalid_shape', t('settings_stored_not_list'));
    return { templates: [], keptAside: [aside(raw, [problem])], warnings: [], changed: true };
  }
  const out: StoredList = { templates: [], keptAside: [], warnings: [], changed: false };
  const ids = new Set<string>();
  for (const entry of raw) {
    if (isFailedUpgrade(entry)) {
      const { version: v, reason } = entry.failedUpgrade;
      const p = templateProblem('', 'migration_failed', t('settings_upgrade_failed', [String(v), reason]));
      out.keptAside.push(aside(entry.original, [p]));
      continue;
    }
    const from = isV0(entry) ? 0 : version;
    const up = upgradeTemplate(entry, from, version, ctx, table);
    if (!up.ok) {
      const p = templateProblem(
        '',
        'migration_failed',
        t('settings_upgrade_failed', [String(up.version), up.reason]),
      );
      out.keptAside.push(aside(entry, [p]));
      continue;
    }
    const checked = checkTemplate(up.value, 'incoming');
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
    if (from < version || checked.warnings.length > 0 || template !== checked.template) out.changed = true;
    out.templates.push(template);
  }
  if (out.keptAside.length > 0) out.changed = true;
  return out;
}

function nameOf(value: unknown): string | undefined {
  const name = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 100) : undefined;
}
