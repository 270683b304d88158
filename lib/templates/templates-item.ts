/**
 * The `templates` record, declared for lib/storage/items.ts: the list, its version and the templates
 * kept aside. storage.ts reads it. The record has been at version 1 since it was first written; the
 * steps that bring one template up (v0 → v1 by its shape) live in migrations.ts and run per template,
 * so a template that cannot be upgraded is kept aside alone instead of failing the whole list.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem } from '../storage/stored-item';
import { TEMPLATE_VERSION } from './model';
import { TEMPLATES_RECORD } from './summaries';

export const templatesItem = defineStoredItem({
  name: 'templates',
  where: { area: 'private', record: TEMPLATES_RECORD },
  version: TEMPLATE_VERSION,
  // Each template is checked alone (stored-list.ts), so one damaged template does not hide the others.
  schema: lazySchema(() =>
    z.object({
      version: z.literal(TEMPLATE_VERSION),
      templates: z.array(z.unknown()),
      keptAside: z.array(z.unknown()),
    }),
  ),
  migrations: [],
});
