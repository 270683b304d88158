import type { RefObject } from 'preact';
import { useMemo } from 'preact/hooks';

/**
 * How a list's rows fit the window: the least height one of its rows can have, the least height its
 * window can have once shown, and where the list starts when it is drawn with the rest of the page
 * (not on the page yet to be measured; at most its real place, so that no row that fits is left
 * out). The popup's window grows with what it shows, up to the browser's limit, so while it is drawn
 * first its own height says nothing about what will be seen.
 */
export type RowFit = { rowHeight: number; leastWindowHeight?: number; listTop?: number };

/**
 * How many rows of a list starting at `list` can be in the window. Read when the rows arrive: the
 * browser lays out what is on the page by then (which the coming frame would lay out anyway), and
 * the rows added after only need their own layout.
 */
function rowsThatFit(
  list: Element | null,
  { rowHeight, leastWindowHeight = 0, listTop = 0 }: RowFit,
): number {
  const top = list ? Math.max(0, list.getBoundingClientRect().top) : listTop;
  const height = Math.max(window.innerHeight, leastWindowHeight);
  return Math.ceil(Math.max(0, height - top) / rowHeight) + 1;
}

/**
 * The rows to draw: at first those that can be in the window, then, once `expand` is true, all of
 * them. Each row is elements to make, style and lay out, and most of a long list is below the
 * window. Drawn with the first screen, or in the frame after it, they slowed the first screen: that
 * frame is still being rastered and presented then, on the same processors. The pages expand a few
 * frames after the first screen is drawn (entrypoints/options/App.tsx, entrypoints/popup/App.tsx),
 * long before anyone could scroll to them (`npm run bench` checks that the whole list follows within
 * a second).
 */
export function useRowsInView<T>(
  rows: readonly T[] | null,
  list: RefObject<Element>,
  expand: boolean,
  fit: RowFit,
): readonly T[] {
  const { rowHeight, leastWindowHeight, listTop } = fit;
  const count = useMemo(
    () => (rows && !expand ? rowsThatFit(list.current, { rowHeight, leastWindowHeight, listTop }) : 0),
    [rows, list, expand, rowHeight, leastWindowHeight, listTop],
  );
  if (!rows) return [];
  return expand || rows.length <= count ? rows : rows.slice(0, count);
}
