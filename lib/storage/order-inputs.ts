/**
 * Everything that decides an order (the templates, their list and what was kept aside; the region
 * and the other preferences) lives in the private store, never in storage.local (local-move.ts). The
 * background runs this at every start: the first start after the update moves what an older version
 * left in storage.local, and any later start removes a copy a cut-short move left behind. Pages that
 * read before it are covered too: each item's first read moves it the same way.
 */
import { movePreferencesOutOfLocal } from '../settings/preferences';
import { moveTemplatesOutOfLocal } from '../templates/storage';

export async function moveOrderInputsOutOfLocal(
  warn: (message: string) => void = console.warn,
): Promise<void> {
  const moves = { templates: moveTemplatesOutOfLocal, preferences: movePreferencesOutOfLocal };
  await Promise.all(
    Object.entries(moves).map(([name, move]) =>
      // Only the item's name is logged, never what it holds.
      move().catch(() =>
        warn(`The ${name} could not be moved out of storage.local; the next start tries again.`),
      ),
    ),
  );
}
