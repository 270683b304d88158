/**
 * The policy for showing a list (the popup's templates, the settings page's rows), which must not
 * wait seconds after a browser start for `storage.managed` (seen.ts says why it may). Nothing that
 * decides an order reads it: the background's checks wait for the browser's own answer (read.ts).
 */
import { announcePolicyChange, readManagedRaw, samePolicy } from './managed';
import { readPolicySeen } from './seen';

/**
 * How long a list waits for the browser's answer before it shows the policy last seen. Once the
 * browser is ready it answers in a few milliseconds (3 to 17 ms measured), so a ready browser never
 * gets the copy.
 */
export const DISPLAY_WAIT_MS = 150;

/**
 * The browser's answer when it comes within `waitMs`; otherwise the policy last seen, and when the
 * browser's answer then differs from it, this page's onPolicyChange listeners are told, so the list
 * is read again. With no copy kept (the first start), it waits for the browser as before.
 */
export async function readManagedForDisplay(waitMs = DISPLAY_WAIT_MS): Promise<Record<string, unknown>> {
  const live = readManagedRaw();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
  });
  const first = await Promise.race([live, late]);
  clearTimeout(timer);
  if (first !== undefined) return first;
  const seen = await readPolicySeen();
  if (seen === undefined) return live;
  void live.then((raw) => {
    if (!samePolicy(raw, seen)) announcePolicyChange();
  });
  return seen;
}
