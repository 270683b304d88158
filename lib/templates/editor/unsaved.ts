/**
 * Whether leaving the editor would lose work: the draft compared with where it started, both as
 * they would be saved. Spaces typed around a name, an empty entry added to a list, or a field set
 * and then left out again change nothing that would be stored, so they do not count.
 */

import type { TemplateDraft } from '../model';
import { cleanFields } from './draft';

function asSaved(draft: TemplateDraft) {
  return {
    name: draft.name.trim(),
    description: draft.description?.trim() ?? '',
    product: draft.product,
    fields: cleanFields(draft.fields),
  };
}

/** The same JSON whatever the order of object keys (fields are keyed by path, in any order). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

export function hasUnsavedChanges(start: TemplateDraft, draft: TemplateDraft): boolean {
  return JSON.stringify(canonical(asSaved(start))) !== JSON.stringify(canonical(asSaved(draft)));
}
