import type { RefObject } from 'preact';
import { useMemo } from 'preact/hooks';

/**
 * The least height a row of the template list can have: its name, its facts and its buttons make
 * three lines (87 px at the page's font size). With it, how many rows can be in the window at most.
 */
const MIN_ROW_HEIGHT = 64;

/**
 * How many rows of a list starting at `list` can be in the window. Read when the rows arrive: the
 * browser lays out what is on the page by then (which the coming frame would lay out anyway), and
 * the rows added after only need their own layout.
 */
function rowsThatFit(list: Element | null): number {
  const top = list ? Math.max(0, list.getBoundingClientRect().top) : 0;
  return Math.ceil(Math.max(0, window.innerHeight - top) / MIN_ROW_HEIGHT) + 1;
}

/**
 * The rows to draw: at first those that can be in the window, then, once `expand` is true, all of
 * them. Each row is some twenty elements to make, style and lay out, and most of a long list is
 * below the window. Drawn with the first screen, or in the frame after it, they slowed the first
 * screen: that frame is still being rastered and presented then, on the same processors. The
 * settings page expands when it loads the full list, a few frames after the first screen is drawn
 * (entrypoints/options/App.tsx), long before anyone could scroll to them (`npm run bench` checks
 * that the whole list follows within a second).
 */
export function useRowsInView<T>(
  rows: readonly T[] | null,
  list: RefObject<Element>,
  expand: boolean,
): readonly T[] {
  const fit = useMemo(() => (rows && !expand ? rowsThatFit(list.current) : 0), [rows, list, expand]);
  if (!rows) return [];
  return expand || rows.length <= fit ? rows : rows.slice(0, fit);
}
