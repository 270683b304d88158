/**
 * What the settings page's template list needs to act, a chunk of its own: the full reader (schema,
 * migrations, quarantine), the actions on templates and the parts shown with them, all of which bring
 * zod and the order rules. The list itself (TemplatesSection) is on the first screen and draws its
 * rows from the light read until this has loaded (useTemplates.ts).
 */
export {
  exportJson,
  exportStoredTemplates,
  readQuarantine,
  readTemplates,
  removeTemplate,
  saveDuplicate,
  saveOrganizationCopy,
  searchTemplates,
  sortByLastUse,
  undoDelete,
} from '@/lib/templates';
export { ImportControl } from './ImportControl';
export { QuarantineReport } from './QuarantineReport';
export { RenameForm } from './RenameForm';
export { UndoBar } from './UndoBar';
