/**
 * How the browser turns one entry of `_locales/<lang>/messages.json` into text, for the places that
 * read the catalogue file itself instead of asking `i18n.getMessage`: the unit tests' fake browser
 * and the end-to-end check that every visible string comes from the catalogue.
 */

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Readonly<Record<string, { content: string; example?: string }>>;
}

export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

/**
 * Chrome and Firefox first replace each named placeholder (`$NAME$`, any case) by its `content`,
 * then each `$1`…`$9` by that substitution (nothing when it is missing), and `$$` by one `$`.
 */
export function renderMessage(entry: CatalogueEntry, substitutions: readonly string[] = []): string {
  return substitute(expandPlaceholders(entry), substitutions);
}

/** The message with each named placeholder replaced by its content (`$1`…), `$$` kept. */
export function expandPlaceholders(entry: CatalogueEntry): string {
  const named = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  return entry.message.replace(/\$\$|\$([a-z0-9_@]+)\$/gi, (all, name?: string) =>
    name === undefined ? all : (named.get(name.toLowerCase()) ?? all),
  );
}

/** An expanded message with `$1`…`$9` filled (nothing for a missing one) and `$$` made one `$`. */
export function substitute(expanded: string, substitutions: readonly string[]): string {
  return expanded.replace(/\$\$|\$([1-9])/g, (_all, n?: string) =>
    n === undefined ? '$' : (substitutions[Number(n) - 1] ?? ''),
  );
}

/** Private-use characters that stand for the substitutions while a message is cut into its literal parts. */
const MARK = 0xe000;

/**
 * The literal text between the substitutions of a message, in order: "Connected as $NAME$." gives
 * ["Connected as ", "."]. A substitution used twice cuts the text twice.
 */
export function literalParts(entry: CatalogueEntry): string[] {
  const marks = Array.from({ length: 9 }, (_, i) => String.fromCharCode(MARK + i));
  return renderMessage(entry, marks).split(/[\ue000-\ue008]/);
}
