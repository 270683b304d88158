/**
 * The rules of getSettings, the pages' first question, written out for the background's front,
 * which answers it before the rest of the background has loaded (lib/background/front.ts):
 * protocol.ts would bring every message's schema, and zod, into the worker's first script.
 * first-question.test.ts keeps them equal to the protocol's entry.
 */
import type { MessageRules } from './receive';

export const getSettingsRules: MessageRules = {
  from: 'extension-page',
  // The protocol's payload for getSettings is z.void(): nothing at all.
  data: { safeParse: (data) => (data === undefined ? { success: true, data } : { success: false }) },
};
