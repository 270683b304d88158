/**
 * A page's first screen is drawn once what it shows has been read, so that it is made, laid out
 * and painted in one frame, as the settings page does (lib/settings/first-reads.ts). Drawn before,
 * the popup's list came a frame after its heading and search field: its rows were painted 1.2 ms
 * later on average (120 paired openings, both builds side by side in one browser: 68.0 against
 * 66.8 ms), and the popup's window, sized to its content, grew under the reader's eyes when they came.
 *
 * A read slower than `withinMs` (the first after an update moves the templates, or a policy that
 * loads the full reader) does not leave the page blank: it is drawn without it, and the read fills
 * it in when it comes.
 */
export const FIRST_SCREEN_WITHIN_MS = 100;

/** `{ value }` when `read` is in within `withinMs`; undefined when it is slower or failed. */
export async function readInTime<T>(
  read: Promise<T>,
  withinMs = FIRST_SCREEN_WITHIN_MS,
): Promise<{ value: T } | undefined> {
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
