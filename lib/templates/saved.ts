/**
 * The operations on the stored list: each reads, applies the pure operation (operations.ts, undo.ts,
 * import-*.ts) and saves, one at a time (storage.ts). The clock is a parameter for tests.
 *
 * Undo lives in this page's memory: it serves the undo bar of the page that deleted, for 30 seconds
 * or until the next delete. Closing the page ends it, as a person would expect of "Undo".
 */
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { applyImport, type ClashDecision } from './import-apply';
import { exportJson, type ImportPlan, planImport } from './import-export';
import type { Template, TemplateDraft } from './model';
import {
  createTemplate,
  duplicateTemplate,
  editTemplate,
  markUsed,
  type OperationResult,
  renameTemplate,
} from './operations';
import { type TemplateProblem, templateProblem } from './problems';
import { type TemplateStore, templateStore } from './storage';
import {
  type DeletedTemplate,
  deleteTemplate,
  type RestoreResult,
  restoreDeleted,
  UNDO_WINDOW_MS,
} from './undo';

type Change = (list: Template[]) => OperationResult;

function save(change: Change, store: TemplateStore): Promise<OperationResult> {
  return store.update<OperationResult>((list) => {
    const result = change(list);
    return result.ok ? { list: result.list, result } : { result };
  });
}

export const saveNewTemplate = (draft: TemplateDraft, now = new Date(), store = templateStore()) =>
  save((list) => createTemplate(list, draft, { now }), store);

export const saveTemplateEdit = (
  id: string,
  changes: Partial<TemplateDraft>,
  now = new Date(),
  store = templateStore(),
) => save((list) => editTemplate(list, id, changes, { now }), store);

export const saveRename = (id: string, name: string, now = new Date(), store = templateStore()) =>
  save((list) => renameTemplate(list, id, name, { now }), store);

export const saveDuplicate = (id: string, now = new Date(), store = templateStore()) =>
  save((list) => duplicateTemplate(list, id, { now }), store);

/** Counts one use of a template (called when its order is handed to the outbox). */
export const recordTemplateUse = (id: string, now = new Date(), store = templateStore()): Promise<void> =>
  store.update((list) => ({ list: markUsed(list, id, now), result: undefined }));

let lastDeleted: DeletedTemplate | undefined;

export type RemoveResult = { ok: true; undoToken: string } | { ok: false; problems: TemplateProblem[] };

/** Deletes a template; the token undoes it (undoDelete) for 30 s or until the next delete. */
export async function removeTemplate(
  id: string,
  now = new Date(),
  store = templateStore(),
): Promise<RemoveResult> {
  return store.update<RemoveResult>((list) => {
    const result = deleteTemplate(list, id, now, crypto.randomUUID());
    if (!result.ok) return { result: { ok: false, problems: result.problems } };
    lastDeleted = result.deleted;
    return { list: result.list, result: { ok: true, undoToken: result.deleted.token } };
  });
}

export async function undoDelete(
  token: string,
  now = new Date(),
  store = templateStore(),
): Promise<RestoreResult> {
  const deleted = lastDeleted;
  if (!deleted || deleted.token !== token)
    return {
      ok: false,
      problems: [
        templateProblem('', 'not_found', t('settings_undo_only_last', formatNumber(UNDO_WINDOW_MS / 1000))),
      ],
    };
  return store.update<RestoreResult>((list) => {
    const result = restoreDeleted(list, deleted, now);
    if (!result.ok) return { result };
    lastDeleted = undefined;
    return { list: result.list, result };
  });
}

/** Checks an import file against the stored list; nothing is saved. */
export async function planTemplateImport(text: string, store = templateStore()): Promise<ImportPlan> {
  return planImport((await store.read()).templates, text);
}

/** Saves a checked import with the person's answers to its clashes. */
export const saveImport = (
  plan: Extract<ImportPlan, { ok: true }>,
  decisions: Readonly<Record<string, ClashDecision>>,
  store = templateStore(),
): Promise<Template[]> =>
  store.update((list) => {
    const next = applyImport(list, plan, decisions);
    return { list: next, result: next };
  });

/** The export file's text for the given templates (all when no ids are given). */
export async function exportStoredTemplates(
  ids?: readonly string[],
  now = new Date(),
  store = templateStore(),
) {
  const { templates } = await store.read();
  return exportJson(ids ? templates.filter((t) => ids.includes(t.id)) : templates, now);
}
