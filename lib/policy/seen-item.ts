/** The kept policy's declaration (seen.ts, which reads it without zod, explains it). */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { defineStoredItem } from '../storage/stored-item';
import { POLICY_SEEN_RECORD, POLICY_SEEN_VERSION, type PolicySeen } from './seen';

export const policySeenItem = defineStoredItem<PolicySeen>({
  name: 'policy last seen',
  where: { area: 'private', record: POLICY_SEEN_RECORD },
  version: POLICY_SEEN_VERSION,
  schema: lazySchema(() =>
    z.object({
      version: z.literal(POLICY_SEEN_VERSION),
      raw: z.record(z.string(), z.unknown()),
      seenAt: z.string(),
    }),
  ),
  // The first version. A copy this build cannot read is not moved: it is replaced by the browser's
  // next answer, and until then the lists wait for that answer as if none were kept.
  migrations: [],
});
