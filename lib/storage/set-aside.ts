/**
 * A record that could not be read, moved under an `…-aside:` key with the reason instead of being
 * dropped or guessed at (a guess could resend a paid order); the settings page shows them and the
 * history export includes them. Kept as written, so they have no version and no steps.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';

export const setAsideSchema = lazySchema(() =>
  z.object({ key: z.string(), reason: z.string(), at: z.string(), raw: z.unknown() }),
);
