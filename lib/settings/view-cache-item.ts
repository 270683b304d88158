/** The kept settings view's declaration (view-cache.ts, which reads it without zod, explains it). */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { settingsViewSchema } from '../messaging/views';
import { defineStoredItem } from '../storage/stored-item';
import { type KeptView, SETTINGS_VIEW, SETTINGS_VIEW_VERSION } from './view-cache';

export const keptSettingsViewItem = defineStoredItem<KeptView>({
  name: 'settings view',
  where: { area: 'session', key: SETTINGS_VIEW },
  version: SETTINGS_VIEW_VERSION,
  schema: lazySchema(() =>
    z.object({
      version: z.literal(SETTINGS_VIEW_VERSION),
      view: settingsViewSchema,
      policy: z.string(),
      until: z.optional(z.number()),
    }),
  ),
  // Kept for one browser session at most: a view from another version is computed again, not moved.
  migrations: [],
});
