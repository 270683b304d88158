/**
 * What a person does with templates, as pure functions on the list (storage wrappers: saved.ts).
 * Each returns the new list or the problems, in words; none changes its input.
 *
 * Names are unique (ignoring case and accents): the popup lists templates by name, and two with the
 * same name could not be told apart there (import clashes rely on it too).
 */
import { t } from '../i18n';
import { checkTemplate } from './check';
import { MAX_NAME_LENGTH, sameName, type Template, type TemplateDraft } from './model';
import { type TemplateProblem, templateProblem } from './problems';

export type OperationResult =
  | { ok: true; list: Template[]; template: Template; warnings: TemplateProblem[] }
  | { ok: false; problems: TemplateProblem[] };

export interface Clock {
  now: Date;
  newId?: () => string;
}

const freshId = (clock: Clock) => (clock.newId ?? (() => crypto.randomUUID()))();
const notFound = (id: string): OperationResult => ({
  ok: false,
  problems: [templateProblem('id', 'not_found', t('settings_template_not_found', id))],
});

function nameTaken(list: readonly Template[], name: string, exceptId?: string): TemplateProblem | undefined {
  const other = list.find((t) => t.id !== exceptId && sameName(t.name, name));
  return other ? templateProblem('name', 'name_taken', t('settings_name_taken', other.name)) : undefined;
}

/** Checks a template as made here (mode new) and puts it in place of `index` (or at the end). */
function place(list: readonly Template[], candidate: unknown, index: number): OperationResult {
  const checked = checkTemplate(candidate, 'new');
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const clash = nameTaken(list, checked.template.name, checked.template.id);
  if (clash) return { ok: false, problems: [clash] };
  const next = [...list];
  if (index < 0) next.push(checked.template);
  else next.splice(index, 1, checked.template);
  return { ok: true, list: next, template: checked.template, warnings: checked.warnings };
}

export function createTemplate(
  list: readonly Template[],
  draft: TemplateDraft,
  clock: Clock,
): OperationResult {
  const at = clock.now.toISOString();
  return place(list, { ...draft, id: freshId(clock), createdAt: at, updatedAt: at, useCount: 0 }, -1);
}

/** Changes what a person edits; identity, creation and use stay. */
export function editTemplate(
  list: readonly Template[],
  id: string,
  changes: Partial<TemplateDraft>,
  clock: Clock,
): OperationResult {
  const index = list.findIndex((t) => t.id === id);
  const old = list[index];
  if (!old) return notFound(id);
  return place(list, { ...old, ...changes, updatedAt: clock.now.toISOString() }, index);
}

export function renameTemplate(
  list: readonly Template[],
  id: string,
  name: string,
  clock: Clock,
): OperationResult {
  return editTemplate(list, id, { name }, clock);
}

/** "Name", "Name (2)", "Name (3)"…: the first that no template has yet. */
export function uniqueName(list: readonly Template[], wanted: string): string {
  const base = wanted.trim();
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${base.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!list.some((t) => sameName(t.name, name))) return name;
  }
}

/** "Copy of …" with a fresh id, placed just after the original, never used yet. */
export function duplicateTemplate(list: readonly Template[], id: string, clock: Clock): OperationResult {
  const index = list.findIndex((t) => t.id === id);
  const old = list[index];
  if (!old) return notFound(id);
  const at = clock.now.toISOString();
  const { lastUsedAt: _unused, ...rest } = old;
  const copy: Template = {
    ...structuredClone(rest),
    id: freshId(clock),
    name: uniqueName(list, t('settings_copy_of', old.name)),
    createdAt: at,
    updatedAt: at,
    useCount: 0,
  };
  const next = [...list];
  next.splice(index + 1, 0, copy);
  return { ok: true, list: next, template: copy, warnings: [] };
}

/** Counts a use: the popup lists the most recently used first. Not an edit: updatedAt stays. */
export function markUsed(list: readonly Template[], id: string, now: Date): Template[] {
  return list.map((t) =>
    t.id === id ? { ...t, lastUsedAt: now.toISOString(), useCount: t.useCount + 1 } : t,
  );
}
