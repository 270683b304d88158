/**
 * Order templates: the model (sources: fixed, asked, renewal, CSR), building an order body from one,
 * storage with migrations and a quarantine, the operations a person performs, import and export.
 * The popup can import build.ts alone; storage is touched only when a stored function is called.
 */

export { coerceAnswer, isEmptyAnswer } from './answers';
export {
  type AskedField,
  askedFields,
  type BuildSources,
  type BuiltOrder,
  buildOrderBody,
  type CsrFacts,
  defaultLabel,
  type MissingField,
} from './build';
export { type CheckMode, checkTemplate, type TemplateCheck } from './check';
// The options page's template editor: its fields, groups, checks and validity helper (pure).
export {
  type ChoicesState,
  choicesFor,
  contactPeople,
  customFieldChoices,
  valueWords,
} from './editor/choices';
export {
  bodyFromFixed,
  changeSource,
  cleanFields,
  type DraftFields,
  newTemplateFields,
  type SourceChoice,
} from './editor/draft';
export { alwaysRequired, EDITABLE_FIELDS, fieldLabel, SOURCE_WORDS, sourcesFor } from './editor/fields';
export { EDITOR_GROUPS, type EditorGroup } from './editor/groups';
export { checkDraft, type DraftCheck, type FieldProblem, nameProblem } from './editor/problems';
export { type ValidityPlan, validityPlan } from './editor/validity';
export { applyImport, type ClashDecision } from './import-apply';
export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedTemplate,
  exportJson,
  exportTemplates,
  type ImportClash,
  type ImportOptions,
  type ImportPlan,
  importFileSizeProblem,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_TEMPLATES,
  planImport,
  type TemplatesExport,
} from './import-export';
export {
  isV0,
  type MigrationContext,
  TEMPLATE_STEPS,
  type TemplateStep,
} from './migrations';
export {
  type AskedValue,
  CSR_PATHS,
  type FieldSource,
  type FieldValue,
  fieldValueSchema,
  isCardPath,
  MAX_NAME_LENGTH,
  sameName,
  TEMPLATE_VERSION,
  type Template,
  type TemplateDraft,
  templateSchema,
} from './model';
export {
  type Clock,
  createTemplate,
  duplicateTemplate,
  editTemplate,
  markUsed,
  type OperationResult,
  renameTemplate,
  uniqueName,
} from './operations';
export type { TemplateProblem, TemplateProblemCode } from './problems';
export {
  exportStoredTemplates,
  planTemplateImport,
  type RemoveResult,
  recordTemplateUse,
  removeTemplate,
  saveDuplicate,
  saveImport,
  saveNewTemplate,
  saveOrganizationCopy,
  saveRename,
  saveTemplateEdit,
  undoDelete,
} from './saved';
export { searchTemplates, sortByLastUse } from './search';
export { findSecrets, looksLikeCardNumber, passesLuhn } from './secrets';
export {
  createTemplateStore,
  dismissQuarantined,
  type QuarantinedTemplate,
  readQuarantine,
  readTemplates,
  type StoreOptions,
  type TemplateStore,
  TemplatesNewerError,
  type TemplatesRead,
  templateStore,
} from './storage';
export { readStoredList, type StoredList } from './stored-list';
export { defineTemplatesItem, templatesItem } from './templates-item';
export {
  type DeletedTemplate,
  type DeleteResult,
  deleteTemplate,
  type RestoreResult,
  restoreDeleted,
  UNDO_WINDOW_MS,
} from './undo';
