/**
 * Limits on values that come from outside: an order body a person pasted or a template built, a
 * template read from a file or from storage. One iterative walk (an explicit stack, no recursion)
 * checks them before anything recursive sees the value: zod, JSON.stringify and the secrets scan all
 * recurse, so a value nested thousands of levels deep would overflow the stack, and a huge one would
 * keep the popup busy. A value that passes is small enough for every other check here to be quick.
 */
import { type MessageKey, t } from '../i18n';
import { formatNumber } from '../i18n/format';

/** Far beyond any real body (see ORDER_BODY_DEPTH), far below what a recursive walk survives. */
export const MAX_DEPTH = 32;
/**
 * How deep a real order body goes: `organization.contacts[0].email` is four levels (fields.test.ts
 * checks this against the field catalogue). Quoted in the refusal so a person sees how far off it is.
 */
export const ORDER_BODY_DEPTH = 4;
/** Entries of one list or keys of one object; the longest real list (dns_names) is a few hundred names. */
export const MAX_ENTRIES = 1000;
/** The longest text a field holds is a CSR, a few KB; 64 KB is the CSR box's own limit (lib/csr/pem.ts). */
export const MAX_TEXT_LENGTH = 64 * 1024;
/** Keys are field names and field paths, a few dozen characters. */
export const MAX_KEY_LENGTH = 256;
/** Values in all, so the walk itself stops early on a value that is wide at every level. */
export const MAX_VALUES = 20_000;

export type LimitKind = 'too_deep' | 'too_many_entries' | 'too_long' | 'key_too_long' | 'too_many_values';

export interface LimitBreach {
  kind: LimitKind;
  /** Where it is, as path parts (long keys shortened, at most MAX_DEPTH of them). */
  parts: PropertyKey[];
  /** The size found: characters, entries, or the limit passed for depth and value count. */
  size: number;
}

interface Pending {
  value: unknown;
  parts: PropertyKey[];
}

/** A key as it may appear in a path shown to a person: a huge key is cut, not echoed whole. */
function shown(key: string): string {
  return key.length > 60 ? `${key.slice(0, 57)}...` : key;
}

/**
 * The first limit `root` breaks, or undefined when it is within all of them. Cycles cannot loop: they
 * are "nested too deep". Only own enumerable string keys count (what JSON and zod see). A list's
 * length is read before its entries, so a list of a million entries is refused without visiting them.
 */
export function findLimitBreach(root: unknown): LimitBreach | undefined {
  const stack: Pending[] = [{ value: root, parts: [] }];
  let seen = 0;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, parts } = item;
    seen += 1;
    if (seen > MAX_VALUES) return { kind: 'too_many_values', parts: [], size: MAX_VALUES };
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_LENGTH) return { kind: 'too_long', parts, size: value.length };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const keys: (string | number)[] = Array.isArray(value) ? [] : Object.keys(value);
    const size = Array.isArray(value) ? value.length : keys.length;
    if (size === 0) continue;
    if (parts.length >= MAX_DEPTH) return { kind: 'too_deep', parts, size: MAX_DEPTH };
    if (size > MAX_ENTRIES) return { kind: 'too_many_entries', parts, size };
    const record = value as Record<string | number, unknown>;
    // Pushed last to first, so the first entry is looked at first and reported first.
    for (let i = size - 1; i >= 0; i--) {
      const key = Array.isArray(value) ? i : (keys[i] as string);
      if (typeof key === 'string' && key.length > MAX_KEY_LENGTH)
        return { kind: 'key_too_long', parts: [...parts, shown(key)], size: key.length };
      stack.push({ value: record[key], parts: [...parts, key] });
    }
  }
  return undefined;
}

/**
 * Names of Object.prototype's members (`constructor`, `toString`, `__proto__`, ...). No field of an
 * order or a template is called so; as keys they only ever come from a hostile or broken file, and
 * looked up carelessly they find the prototype's member instead of nothing.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Where `root` has a key named like an Object.prototype member (own keys only), in visiting order.
 * Iterative, and it stops at the same depth and value count as findLimitBreach.
 */
export function findReservedKeys(root: unknown): PropertyKey[][] {
  const out: PropertyKey[][] = [];
  const stack: Pending[] = [{ value: root, parts: [] }];
  let seen = 0;
  for (let item = stack.pop(); item !== undefined && seen < MAX_VALUES; item = stack.pop()) {
    seen += 1;
    const { value, parts } = item;
    if (typeof value !== 'object' || value === null || parts.length >= MAX_DEPTH) continue;
    const children = Object.entries(value).map(([key, child]): Pending => {
      const at = [...parts, Array.isArray(value) ? Number(key) : key];
      if (RESERVED_KEYS.has(key)) out.push(at);
      return { value: child, parts: at };
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Pending);
  }
  return out;
}

/** What a refusal says the real thing looks like, e.g. an order body or a template. */
export interface LimitWording {
  /** "an order body", "a template" */
  thing: MessageKey;
  /** How deep that thing really goes, and an example path that deep. */
  depth: number;
  deepest: string;
}

export const ORDER_BODY_WORDING: LimitWording = {
  thing: 'common_limit_thing_order',
  depth: ORDER_BODY_DEPTH,
  deepest: 'organization.contacts[0].email',
};

/** The sentence (without the path, which the caller puts first) for a breach. */
export function limitText(breach: LimitBreach, wording: LimitWording): string {
  const thing = t(wording.thing);
  const size = formatNumber(breach.size);
  switch (breach.kind) {
    case 'too_deep':
      return t('common_limit_too_deep', [
        formatNumber(MAX_DEPTH),
        thing,
        formatNumber(wording.depth),
        wording.deepest,
      ]);
    case 'too_many_entries':
      return t('common_limit_too_many_entries', [size, thing, formatNumber(MAX_ENTRIES)]);
    case 'too_long':
      return t('common_limit_too_long', [size, thing, formatNumber(MAX_TEXT_LENGTH)]);
    case 'key_too_long':
      return t('common_limit_key_too_long', [size, thing]);
    case 'too_many_values':
      return t('common_limit_too_many_values', [formatNumber(MAX_VALUES), thing]);
  }
}
