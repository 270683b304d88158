/**
 * Folding the long editor: a group or part of it starts folded when nothing in it is set and
 * nothing is wrong, so a new template shows what most orders use and a count of the rest. A value
 * or a problem is never hidden: either one makes it start open.
 */
import type { DraftFields } from './draft';

export interface FoldCount {
  /** How many fields it holds. */
  fields: number;
  /** How many of them the template sets (any source but "leave out"). */
  set: number;
  /** How many of them show a problem. */
  problems: number;
}

export function countFold(
  paths: readonly string[],
  fields: Readonly<DraftFields>,
  problemsAt: (path: string) => readonly unknown[],
): FoldCount {
  return {
    fields: paths.length,
    set: paths.filter((p) => fields[p] !== undefined).length,
    problems: paths.filter((p) => problemsAt(p).length > 0).length,
  };
}

/** Open at first when it holds a value or a problem; folded when there is nothing to see. */
export const startsOpen = (count: FoldCount): boolean => count.set > 0 || count.problems > 0;
