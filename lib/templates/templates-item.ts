/**
 * The `templates` record, declared for lib/storage/items.ts: the list, its version and the templates
 * kept aside. storage.ts reads it with readStored, then each template with readStoredEntry.
 *
 * The record's steps change the record itself (none so far: it has been at version 1 since it was
 * first written); the entries' steps (migrations.ts) bring one template up and run per template, so a
 * template that cannot be upgraded is kept aside alone instead of failing the whole list. Both count
 * in the same versions: a record at version N holds templates at version N.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem, type MigrationStep, type StoredItem } from '../storage/stored-item';
import { type MigrationContext, TEMPLATE_STEPS, type TemplateStep, templateVersionOf } from './migrations';
import { TEMPLATES_RECORD } from './summaries';
import { TEMPLATE_VERSION } from './version';

/** The record as its schema checks it: each template is checked alone (stored-list.ts). */
export interface StoredTemplatesShape {
  version: number;
  /** Not checked as a list here: a record whose list is not one keeps its kept-aside entries. */
  templates: unknown;
  keptAside: unknown[];
}

export type TemplatesItem = StoredItem<StoredTemplatesShape, MigrationContext>;

/**
 * The declaration at a version with its steps; the app's is `templatesItem`, tests make later ones to
 * try a future version's steps before it exists.
 */
/*#__NO_SIDE_EFFECTS__*/
export function defineTemplatesItem(
  version: number,
  steps: readonly TemplateStep[],
  recordSteps: readonly MigrationStep[] = [],
): TemplatesItem {
  return defineStoredItem<StoredTemplatesShape, MigrationContext>({
    name: 'templates',
    where: { area: 'private', record: TEMPLATES_RECORD },
    version,
    schema: lazySchema(() =>
      z.object({
        version: z.literal(version),
        templates: z.unknown(),
        keptAside: z.array(z.unknown()),
      }),
    ),
    migrations: recordSteps,
    entries: { versionOf: templateVersionOf, migrations: steps },
  });
}

export const templatesItem = defineTemplatesItem(TEMPLATE_VERSION, TEMPLATE_STEPS);
