/**
 * The order of both template lists (the popup's and the settings page's): most recently used
 * first; those never used after them, by name as people read it: numbers by value ("Shop 2" before
 * "Shop 10"), case and accents aside, in the browser's language.
 */
type Listed = { name: string; lastUsedAt?: string };

// Made on first use: the popup's first screen sorts once, and building a collator is not free.
let collator: Intl.Collator | undefined;
const byName = (a: Listed, b: Listed): number => {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator.compare(a.name, b.name);
};

export function byLastUse(a: Listed, b: Listed): number {
  if (a.lastUsedAt && b.lastUsedAt)
    return Date.parse(b.lastUsedAt) - Date.parse(a.lastUsedAt) || byName(a, b);
  if (a.lastUsedAt) return -1;
  if (b.lastUsedAt) return 1;
  return byName(a, b);
}
