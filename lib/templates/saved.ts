/**
 * The operations on the stored list: each reads, applies the pure operation (operations.ts, undo.ts,
 * import-*.ts) and saves, one at a time (storage.ts). The clock is a parameter for tests.
 *
 * A record saved by a newer version of the extension is never written (storage.ts): the operations
 * that report problems report that one (`newer_version`, saying to update the extension); the others
 * throw it, except counting a use, which is bookkeeping after the order has gone.
 *
 * Undo lives in this page's memory: it serves the undo bar of the page that deleted, for 30 seconds
 * or until the next delete. Closing the page ends it, as a person would expect of "Undo".
 */
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { readPolicy } from '../policy/read';
import { personalTemplatesAllowed } from '../policy/templates';
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
import { newerProblem, type TemplateStore, TemplatesNewerError, templateStore } from './storage';
import {
  type DeletedTemplate,
  deleteTemplate,
  type RestoreResult,
  restoreDeleted,
  UNDO_WINDOW_MS,
} from './undo';

type Change = (list: Template[]) => OperationResult;

/** A save refused because a newer version saved the record, as the problem a person reads. */
async function orNewer<T>(saving: Promise<T>): Promise<T | { ok: false; problems: TemplateProblem[] }> {
  try {
    return await saving;
  } catch (err) {
    if (err instanceof TemplatesNewerError) return { ok: false, problems: [newerProblem(err)] };
    throw err;
  }
}

/**
 * The organization's policy may allow no personal templates (lib/policy): then nothing personal is
 * made, imported or changed, and this is the refusal, in words. Deleting stays possible.
 */
async function personalRefusal(): Promise<{ ok: false; problems: TemplateProblem[] } | undefined> {
  if (personalTemplatesAllowed(await readPolicy())) return undefined;
  return {
    ok: false,
    problems: [templateProblem('', 'managed_by_policy', t('settings_policy_no_personal'))],
  };
}

async function save(change: Change, store: TemplateStore): Promise<OperationResult> {
  const refused = await personalRefusal();
  if (refused) return refused;
  return orNewer(
    store.update<OperationResult>((list) => {
      const result = change(list);
      return result.ok ? { list: result.list, result } : { result };
    }),
  );
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

/** An organization template (read-only) copied into the person's own, which they may then change. */
export const saveOrganizationCopy = (template: Template, now = new Date(), store = templateStore()) =>
  save((list) => {
    const result = duplicateTemplate([...list, template], template.id, { now });
    // The copy only: the organization's template itself is never stored.
    return result.ok ? { ...result, list: result.list.filter((t) => t.id !== template.id) } : result;
  }, store);

/**
 * Counts one use of a template (called when its order is handed to the outbox). Not counted, and not
 * an error, when a newer version saved the record: the order has gone, and the count is not worth
 * overwriting that version's templates.
 */
export async function recordTemplateUse(
  id: string,
  now = new Date(),
  store = templateStore(),
): Promise<void> {
  await orNewer(store.update((list) => ({ list: markUsed(list, id, now), result: undefined })));
}

let lastDeleted: DeletedTemplate | undefined;

export type RemoveResult = { ok: true; undoToken: string } | { ok: false; problems: TemplateProblem[] };

/** Deletes a template; the token undoes it (undoDelete) for 30 s or until the next delete. */
export async function removeTemplate(
  id: string,
  now = new Date(),
  store = templateStore(),
): Promise<RemoveResult> {
  return orNewer(
    store.update<RemoveResult>((list) => {
      const result = deleteTemplate(list, id, now, crypto.randomUUID());
      if (!result.ok) return { result: { ok: false, problems: result.problems } };
      lastDeleted = result.deleted;
      return { list: result.list, result: { ok: true, undoToken: result.deleted.token } };
    }),
  );
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
  return orNewer(
    store.update<RestoreResult>((list) => {
      const result = restoreDeleted(list, deleted, now);
      if (!result.ok) return { result };
      lastDeleted = undefined;
      return { list: result.list, result };
    }),
  );
}

/**
 * Checks an import file against the stored list; nothing is saved. Refused at once when a newer
 * version saved the record: the import could not be saved.
 */
export async function planTemplateImport(text: string, store = templateStore()): Promise<ImportPlan> {
  const refused = await personalRefusal();
  if (refused) return refused;
  const read = await store.read();
  if (read.newerRecord !== undefined)
    return { ok: false, problems: [newerProblem(new TemplatesNewerError(read.newerRecord))] };
  return planImport(read.templates, text);
}

/** Saves a checked import with the person's answers to its clashes (throws TemplatesNewerError: above). */
export const saveImport = (
  plan: Extract<ImportPlan, { ok: true }>,
  decisions: Readonly<Record<string, ClashDecision>>,
  store = templateStore(),
): Promise<Template[]> =>
  personalRefusal().then((refused) => {
    // The policy changed between the plan and the answer: nothing is saved, and the page says why.
    if (refused) throw new Error(refused.problems.map((p) => p.message).join(' '));
    return store.update((list) => {
      const next = applyImport(list, plan, decisions);
      return { list: next, result: next };
    });
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
