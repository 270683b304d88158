/**
 * Waiting for a read at most so long: what a page shows first (lib/first-screen.ts), the policy a list
 * is shown with (lib/policy/display.ts), and the settings page's two answers shown together
 * (lib/settings/first-reads.ts) each wait this way, then go on without it.
 *
 * `{ value }` when `read` is in within `withinMs`; undefined when it is slower or failed.
 */
export async function readInTime<T>(read: Promise<T>, withinMs: number): Promise<{ value: T } | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), withinMs);
  });
  try {
    return await Promise.race([read.then((value) => ({ value })), late]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
