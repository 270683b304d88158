/**
 * How stored templates are brought up to the current shape: numbered steps (lib/storage/stored-item.ts
 * EntryStep) that work on ONE template, so a template that cannot be upgraded is kept aside alone
 * (stored-list.ts) instead of failing the list. templates-item.ts declares them as the `templates`
 * record's entries.
 *
 * A template carries no version of its own: it is at the version of the record it was read from. v0 is
 * the prototype's shape, `{ name, product, fields: { path: value } }`, saved before anything had a
 * version (WXT storage reads a missing version as 1), so v0 is recognised by its shape (no `id`, raw
 * values), not by a version marker.
 */
import type { EntryStep } from '../storage/stored-item';

export interface MigrationContext {
  now: Date;
  newId: () => string;
}

export type TemplateStep = EntryStep<MigrationContext>;

/** v0 → v1: every value was fixed; identity and bookkeeping are new. */
function v0ToV1(old: Record<string, unknown>, ctx: MigrationContext): Record<string, unknown> {
  if (!isV0(old)) throw new Error('it is not a v0 template ({ name, product, fields })');
  const fields: Record<string, unknown> = {};
  // Card data never belonged in a template: it becomes asked, and the value is not carried over.
  for (const [path, value] of Object.entries(old.fields))
    fields[path] = path.startsWith('credit_card.') ? { source: 'asked' } : { source: 'fixed', value };
  const at = ctx.now.toISOString();
  return {
    id: ctx.newId(),
    name: old.name,
    product: old.product,
    fields,
    createdAt: at,
    updatedAt: at,
    useCount: 0,
  };
}

/** Every step, one version at a time up to TEMPLATE_VERSION (lib/storage/items.test.ts checks it). */
export const TEMPLATE_STEPS: readonly TemplateStep[] = [{ from: 0, to: 1, step: v0ToV1 }];

export function isV0(
  raw: unknown,
): raw is { name: unknown; product: unknown; fields: Record<string, unknown> } {
  if (raw === null || typeof raw !== 'object' || 'id' in raw) return false;
  const fields = (raw as { fields?: unknown }).fields;
  return fields !== null && typeof fields === 'object' && !Array.isArray(fields);
}

/** The version a template shows by its shape: 0 for the prototype's, otherwise its record's. */
export const templateVersionOf = (entry: Record<string, unknown>): number | undefined =>
  isV0(entry) ? 0 : undefined;
