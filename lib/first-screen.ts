/**
 * The popup's first screen is drawn once its list has been read, so that the heading, the search
 * field and the rows are made, laid out and painted in one frame. Drawn before, the list came a
 * frame after the rest: its rows were painted 1.2 ms later on average (120 paired openings, both
 * builds side by side in one browser: 68.0 against 66.8 ms), and the popup's window, sized to its
 * content, grew under the reader's eyes when they came. The settings page is drawn at once and shows
 * its two answers together (lib/settings/first-reads.ts): there the early layout of its frame helps,
 * and drawn only once both answers were in it opened later (92.8 against 82.9 ms, 100 openings).
 *
 * A read slower than this (the first after an update moves the templates, or a policy that
 * loads the full reader) does not leave the page blank: it is drawn without it, and the read fills
 * it in when it comes.
 */
export const FIRST_SCREEN_WITHIN_MS = 100;

type Scope = Record<string, unknown>;

/** What the page's module leaves in the property once it has asked itself. */
const ASKED_BY_THE_PAGE = 'asked by the page';

/**
 * A page's first reads can start before its module graph has been fetched and run: a small classic
 * script of its own, listed first in the page, asks them as soon as it arrives and leaves what it
 * asked (promises) in one property of the page's global object, `name`; the page's module takes it.
 * Whichever runs first asks, so nothing is read twice, and without the script the page asks itself.
 *
 * The early script: asks now and leaves it, unless the page's module has asked already.
 */
export function askEarly(name: string, ask: () => object, scope = globalThis as unknown as Scope): void {
  if (scope[name] !== undefined) return;
  scope[name] = ask();
}

/** The page's module: what the early script left under `name`, or asked now. Taken at most once. */
export function takeEarly<T extends object>(
  name: string,
  ask: () => T,
  scope = globalThis as unknown as Scope,
): T {
  const handed = scope[name];
  scope[name] = ASKED_BY_THE_PAGE;
  return typeof handed === 'object' && handed !== null ? (handed as T) : ask();
}
