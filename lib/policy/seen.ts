/**
 * The policy as the browser last gave it, kept in the private store. Right after the browser
 * starts, `storage.managed` answers only once the browser's policy service is ready: about 3 s on a
 * just-started Chromium in this project's tests, 3 to 8 s in other extensions' reports. The popup's
 * and the settings page's template lists, and the region the settings view shows, follow this copy
 * meanwhile (display.ts, `readPolicyShown`); what decides an order or an API call always waits for
 * the browser's own answer.
 *
 * The background keeps the copy: at each start, once the browser answers, and at each policy
 * change. No zod here: the popup's first screen reads it (seen-item.ts declares its schema).
 */
import { readPrivate, writePrivate } from '../storage/private-store';
import { readManagedRaw, samePolicy } from './managed';

export const POLICY_SEEN_RECORD = 'policy-seen';
export const POLICY_SEEN_VERSION = 1;

export type PolicySeen = {
  version: typeof POLICY_SEEN_VERSION;
  raw: Record<string, unknown>;
  seenAt: string;
};

const isRaw = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The kept copy's value, or undefined when none is kept or it cannot be read. */
export function policySeenFrom(record: unknown): Record<string, unknown> | undefined {
  if (!isRaw(record) || record.version !== POLICY_SEEN_VERSION || typeof record.seenAt !== 'string')
    return undefined;
  return isRaw(record.raw) ? record.raw : undefined;
}

/** The policy last seen, or undefined (none kept yet, or the store cannot be read). */
export async function readPolicySeen(): Promise<Record<string, unknown> | undefined> {
  try {
    return policySeenFrom(await readPrivate(POLICY_SEEN_RECORD));
  } catch {
    return undefined;
  }
}

/** Keeps `raw` as the policy last seen, unless the kept copy already says the same. */
export async function keepPolicySeen(raw: Record<string, unknown>, now = new Date()): Promise<void> {
  const kept = await readPolicySeen();
  if (kept !== undefined && samePolicy(kept, raw)) return;
  const record: PolicySeen = { version: POLICY_SEEN_VERSION, raw, seenAt: now.toISOString() };
  await writePrivate(POLICY_SEEN_RECORD, record);
}

/**
 * Asks the browser for its policy and keeps the answer: the background's work at each start and
 * each policy change. A copy that cannot be kept is no loss beyond the wait it would have spared.
 */
export async function keepBrowserPolicy(): Promise<void> {
  try {
    await keepPolicySeen(await readManagedRaw());
  } catch {
    // The lists then wait for the browser, as with no copy kept.
  }
}
