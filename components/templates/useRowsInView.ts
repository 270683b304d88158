import type { RefObject } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';

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
 * The rows to draw: at first those that can be in the window, then, right after the frame that
 * shows them, all of them. Each row is some twenty elements to make, style and lay out before that
 * frame, and most of a long list is below the window: drawn one frame later, those are there before
 * anyone could scroll to them, and the rows in view are shown sooner (`npm run bench`).
 */
export function useRowsInView<T>(rows: readonly T[] | null, list: RefObject<Element>): readonly T[] {
  const fit = useMemo(() => (rows ? rowsThatFit(list.current) : 0), [rows, list]);
  const [all, setAll] = useState(false);
  const waiting = !all && rows !== null && rows.length > fit;
  // An effect runs once the next frame has begun (Preact: an animation frame, then a task): the
  // frame that draws the first rows.
  useEffect(() => {
    if (waiting) setAll(true);
  }, [waiting]);
  if (!rows) return [];
  return waiting ? rows.slice(0, fit) : rows;
}
