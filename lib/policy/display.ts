/**
 * The policy for showing a list (the popup's templates, the settings page's rows) and the settings
 * view (the region), which must not wait seconds after a browser start for `storage.managed` (seen.ts
 * says why it may). Nothing that decides an order reads it: the background's checks wait for the
 * browser's own answer (read.ts).
 */
import { readInTime } from '../in-time';
import { announcePolicyChange, readManagedRaw, samePolicy } from './managed';
import { readPolicySeen } from './seen';

/**
 * How long a list waits for the browser's answer before it shows the policy last seen. Once the
 * browser is ready it answers in a few milliseconds (0.8 to 2.2 ms from a page, 3 to 17 ms while
 * the bench's pages load), so a ready browser almost never gets the copy, and when it does the copy
 * is its own last answer. Each millisecond of it is paid by the first opening after a browser start.
 */
export const DISPLAY_WAIT_MS = 50;

/** The policy to show, and whether it is the copy last seen rather than the browser's answer. */
export type PolicyShown = { raw: Record<string, unknown>; lastSeen: boolean };

/**
 * The browser's answer when it comes within `waitMs`; otherwise the policy last seen, and when the
 * browser's answer then differs from it, this context's onPolicyChange listeners are told, so what
 * was shown is read again. With no copy kept (the first start), it waits for the browser as before.
 */
export async function readPolicyShown(waitMs = DISPLAY_WAIT_MS): Promise<PolicyShown> {
  const live = readManagedRaw();
  const first = await readInTime(live, waitMs);
  if (first !== undefined) return { raw: first.value, lastSeen: false };
  const seen = await readPolicySeen();
  if (seen === undefined) return { raw: await live, lastSeen: false };
  void live.then((raw) => {
    if (!samePolicy(raw, seen)) announcePolicyChange();
  });
  return { raw: seen, lastSeen: true };
}

/** The policy a list is shown with (readPolicyShown). */
export async function readManagedForDisplay(waitMs = DISPLAY_WAIT_MS): Promise<Record<string, unknown>> {
  return (await readPolicyShown(waitMs)).raw;
}
