/**
 * Delete with undo: deleting keeps the template, its place and the time, so "Undo" can put it back
 * where it was for a short while (UNDO_WINDOW_MS) or until the next delete, whichever comes first.
 */
import { t } from '../i18n';
import type { Template } from './model';
import { type TemplateProblem, templateProblem } from './problems';

/** Long enough to notice a wrong click in the undo bar, short enough that undo means "just now". */
export const UNDO_WINDOW_MS = 30_000;

export interface DeletedTemplate {
  /** What "Undo" hands back (undoDelete): only the latest deletion's token works. */
  token: string;
  template: Template;
  index: number;
  deletedAt: number;
}

export type DeleteResult =
  | { ok: true; list: Template[]; deleted: DeletedTemplate }
  | { ok: false; problems: TemplateProblem[] };
export type RestoreResult =
  | { ok: true; list: Template[]; template: Template }
  | { ok: false; problems: TemplateProblem[] };

export function deleteTemplate(
  list: readonly Template[],
  id: string,
  now: Date,
  token: string,
): DeleteResult {
  const index = list.findIndex((t) => t.id === id);
  const template = list[index];
  if (!template)
    return {
      ok: false,
      problems: [templateProblem('id', 'not_found', t('settings_template_not_found_deleted', id))],
    };
  return {
    ok: true,
    list: list.filter((t) => t.id !== id),
    deleted: { token, template, index, deletedAt: now.getTime() },
  };
}

/** Puts a deleted template back at its place (or the end, if the list got shorter meanwhile). */
export function restoreDeleted(
  list: readonly Template[],
  deleted: DeletedTemplate,
  now: Date,
): RestoreResult {
  if (now.getTime() - deleted.deletedAt > UNDO_WINDOW_MS)
    return {
      ok: false,
      problems: [templateProblem('', 'not_found', t('settings_undo_too_late', deleted.template.name))],
    };
  if (list.some((t) => t.id === deleted.template.id))
    return { ok: true, list: [...list], template: deleted.template };
  const next = [...list];
  next.splice(Math.min(deleted.index, next.length), 0, deleted.template);
  return { ok: true, list: next, template: deleted.template };
}
