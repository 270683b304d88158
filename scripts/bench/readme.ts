/** The bench's table in README.md: written between two marker comments, the rest left as it is. */

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/**
 * `readme` with what lies between the markers replaced by `block` (the machine line and the table).
 * Throws when a marker is missing, repeated or out of order: the figures would otherwise land in the
 * wrong place, or silently nowhere, and README would keep showing figures nobody measured.
 */
export function withBenchTable(readme: string, block: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < 0) {
    throw new Error(
      `README.md has no ${start < 0 ? README_START : README_END} marker for the bench's table.`,
    );
  }
  if (readme.indexOf(README_START, start + 1) >= 0 || readme.indexOf(README_END, end + 1) >= 0) {
    throw new Error(`README.md has more than one ${README_START} or ${README_END} marker.`);
  }
  if (end < start) throw new Error(`README.md has ${README_END} before ${README_START}.`);
  const before = readme.slice(0, start + README_START.length);
  const after = readme.slice(end);
  return `${before}\n${block.trim()}\n${after}`;
}
