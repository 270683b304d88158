/**
 * Every string a person reads comes from `public/_locales/<lang>/messages.json` through the
 * browser's `i18n.getMessage`, which picks the user's language and falls back to English. The
 * native API is used (as in native-browser.ts): getMessage is synchronous in both browsers, and the
 * popup's first frame cannot afford the polyfill. Only the type of the English catalogue is
 * imported, so a key it lacks fails the typecheck and no page carries the file's text twice.
 */
import type english from '../../public/_locales/en/messages.json';
import { nativeBrowser } from '../native-browser';

export type MessageKey = keyof typeof english;

// WXT types getMessage once per key after `wxt prepare` has read the catalogue, which a union of
// keys cannot call; MessageKey already checks the key.
type I18n = { getMessage(name: string, substitutions?: string[]): string; getUILanguage(): string };
const i18n = () => nativeBrowser().i18n as unknown as I18n;

/**
 * What a message the catalogue lacks at run time shows: its key, bracketed, never an empty string.
 * The typecheck and lib/i18n/usage.test.ts keep every key in the catalogue, so only a broken build
 * gets here; then one odd label is better than a blank page, and the browser-walking catalogue test
 * (no text outside the catalogue) fails on it.
 */
export function missingMessage(key: string): string {
  return `[${key}]`;
}

/**
 * Messages asked without substitutions, as the browser gave them: the same for the page's life (the
 * browser picks the language once), and a list asks for the same few labels in every row, each a
 * call into the extension API.
 */
const plain = new Map<string, string>();

/**
 * The message in the user's language. Substitutions fill its placeholders in order; they are data
 * (names, ids) or text already formatted for the locale (format.ts), never raw numbers.
 */
export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
  if (substitutions === undefined) {
    const known = plain.get(key);
    if (known !== undefined) return known;
  }
  const list =
    substitutions === undefined
      ? undefined
      : typeof substitutions === 'string'
        ? [substitutions]
        : [...substitutions];
  const text = i18n().getMessage(key, list);
  if (text) {
    if (substitutions === undefined) plain.set(key, text);
    return text;
  }
  console.error(`The message "${key}" is not in the extension's catalogue.`);
  return missingMessage(key);
}

let locale: string | undefined;

const made = new Map<string, unknown>();

/**
 * One Intl formatter per kind, locale and options, made once: making one costs far more than using
 * it, and validation words every problem of a pasted body.
 */
export function intl<O, F>(make: new (locale: string, options?: O) => F, locale: string, options?: O): F {
  const key = `${make.name}|${locale}|${JSON.stringify(options ?? {})}`;
  let formatter = made.get(key) as F | undefined;
  if (!formatter) {
    formatter = new make(locale, options);
    made.set(key, formatter);
  }
  return formatter;
}

/** The browser's UI language ("en-US"), what Intl formats dates and numbers for. */
export function uiLocale(): string {
  locale ??= i18n().getUILanguage() || 'en';
  return locale;
}

/**
 * A count in words: `one` or `other` by the locale's plural rules, with the count, formatted, as
 * the first substitution and `more` after it. Languages with more plural forms read `other`.
 */
export function tn(count: number, one: MessageKey, other: MessageKey, more: readonly string[] = []): string {
  const form = intl(Intl.PluralRules, uiLocale()).select(count) === 'one' ? one : other;
  return t(form, [intl(Intl.NumberFormat, uiLocale()).format(count), ...more]);
}

/** Where a substitution that is not text (an element) sits in a message: its index among the arguments. */
export type MessagePart = string | number;

/**
 * A message whose substitutions may be elements (a `<code>`, a `<strong>`): the strings are
 * substituted as usual, each `null` is kept as its index between the literal parts, for a view
 * to put its element there. Words stay in the order the translation gives them.
 */
export function messageParts(key: MessageKey, args: readonly (string | null)[]): MessagePart[] {
  const marked = args.map((a, i) => a ?? String.fromCharCode(0xe000 + i));
  return t(key, marked)
    .split(/([\ue000-\ue008])/)
    .filter((part) => part !== '')
    .map((part) => (/^[\ue000-\ue008]$/.test(part) ? part.charCodeAt(0) - 0xe000 : part));
}
