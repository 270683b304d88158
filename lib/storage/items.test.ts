import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION } from '../templates/model';
import { templatesItem } from '../templates/templates-item';
import { STORED_ITEMS } from './items';
import { type StoredWhere, stepProblems } from './stored-item';

const root = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** What one call reads or writes: an exact name or every name under a prefix. */
type Place = { area: StoredWhere['area']; exact?: string; prefix?: string; file: string; call: string };

/**
 * Arguments that are a key handed over, not a name: the records a caller listed under a prefix it
 * names itself (set aside by key), the legacy key records removed in a loop over their names, and
 * the local-move helper's record, which its callers name (checked below through `record:`).
 */
const PASSED_ON: Record<string, string[]> = {
  'lib/outbox/store.ts': ['key'],
  'lib/renewal/bulk-store.ts': ['key'],
  'lib/settings/api-key.ts': ['name'],
  'lib/storage/local-move.ts': ['move.record'],
};

/**
 * Reads of a whole area (`get(null)`) that keep only the names under one prefix: counted as a
 * listing of that prefix. The closed-tab sweep lists the page orders this way, as a tab's id is
 * known only from its entry's name.
 */
const WHOLE_AREA_LISTINGS: Record<string, string> = {
  'lib/renewal/page-orders.ts': 'page-orders:',
};

const CALLS: { area: Place['area']; pattern: RegExp; listing: (call: string) => boolean }[] = [
  {
    area: 'private',
    pattern: /\b((?:read|write|update|delete|list)Private\w*)(?:<[^(]*?>)?\(\s*([^,)]*)/g,
    listing: (call) => call.startsWith('list'),
  },
  {
    area: 'private',
    pattern: /\b(moveFromLocal)\(\{\s*record:\s*([^,}]*)/g,
    listing: () => false,
  },
  {
    area: 'api-key-db',
    pattern: /\bkeyStore\.(read|write|update|remove|list)\(\s*([^,)]*)/g,
    listing: (call) => call === 'list',
  },
  {
    area: 'session',
    pattern: /\bstorage\.session\.(get|set|remove)\(\s*(\{[^}]*\}|[^,)]*)/g,
    listing: () => false,
  },
];

const files = ['lib', 'entrypoints', 'components']
  .flatMap(sources)
  .filter((f) => f !== 'lib/storage/private-store.ts');
const texts = new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')]));

/** Every `const NAME = 'text'` in the sources, by file, to resolve names used as keys. */
const constants = new Map<string, Map<string, string>>();
for (const [file, text] of texts) {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/\bconst (\w+) = '([^']*)'/g)) found.set(m[1] ?? '', m[2] ?? '');
  // `const key = (id) => `prefix${id}``: the key function's prefix.
  for (const m of text.matchAll(/\bconst (\w+) = \([^)]*\) => `([^`$]*)(\$\{(\w+)\})?/g)) {
    const prefix = m[2] || (m[4] ? found.get(m[4]) : undefined);
    if (prefix !== undefined) found.set(`${m[1]}()`, prefix);
  }
  constants.set(file, found);
}

function constantValue(name: string, file: string): string | undefined {
  const local = constants.get(file)?.get(name);
  if (local !== undefined) return local;
  const everywhere = new Set([...constants.values()].flatMap((found) => found.get(name) ?? []));
  return everywhere.size === 1 ? [...everywhere][0] : undefined;
}

/** The place an argument names; undefined when the test cannot tell (then it fails). */
function resolve(
  arg: string,
  file: string,
  listing: boolean,
): { exact?: string; prefix?: string } | undefined {
  const text = arg.trim();
  const literal = /^'([^']*)'$/.exec(text);
  if (literal) return listing ? { prefix: literal[1] } : { exact: literal[1] };
  const template = /^`([^`$]+)\$\{/.exec(text);
  if (template) return { prefix: template[1] };
  const call = /^(\w+)\(/.exec(text);
  if (call) {
    const prefix = constantValue(`${call[1]}()`, file);
    return prefix === undefined ? undefined : { prefix };
  }
  const joined = /^(\w+)\s*\+/.exec(text);
  if (joined) {
    const prefix = constantValue(joined[1] ?? '', file);
    return prefix === undefined ? undefined : { prefix };
  }
  const value = /^\w+$/.test(text) ? constantValue(text, file) : undefined;
  if (value === undefined) return undefined;
  return listing ? { prefix: value } : { exact: value };
}

const places: Place[] = [];
const unresolved: string[] = [];
for (const [file, text] of texts) {
  for (const { area, pattern, listing } of CALLS) {
    for (const m of text.matchAll(pattern)) {
      const call = m[1] ?? '';
      const whole = (m[2] ?? '').trim();
      // storage.session.set({ [KEY]: value }) names its keys inside the object.
      const args = whole.startsWith('{')
        ? [...whole.matchAll(/\[([^\]]+)\]\s*:/g)].map((k) => k[1] ?? '')
        : [whole];
      for (const arg of args) {
        if (PASSED_ON[file]?.includes(arg.trim())) continue;
        const listed = WHOLE_AREA_LISTINGS[file];
        if (arg.trim() === 'null' && listed !== undefined) {
          places.push({ area, prefix: listed, file, call });
          continue;
        }
        const place = resolve(arg, file, listing(call));
        if (place) places.push({ area, ...place, file, call });
        else unresolved.push(`${file}: ${call}(${arg})`);
      }
    }
  }
}

function covers(where: StoredWhere, place: Place): boolean {
  if (where.area !== place.area) return false;
  const name = 'record' in where ? where.record : 'key' in where ? where.key : undefined;
  const prefix = 'prefix' in where ? where.prefix : undefined;
  if (place.exact !== undefined)
    return place.exact === name || (prefix !== undefined && place.exact.startsWith(prefix));
  return prefix !== undefined && place.prefix?.startsWith(prefix) === true;
}

const label = (where: StoredWhere) =>
  `${where.area} ${'record' in where ? where.record : 'key' in where ? where.key : `${where.prefix}*`}`;

describe('the list of stored items', () => {
  it('finds the places the code stores things (the search itself works)', () => {
    expect(places).toContainEqual(expect.objectContaining({ area: 'private', exact: 'order-draft' }));
    expect(places).toContainEqual(expect.objectContaining({ area: 'private', prefix: 'outbox:' }));
    expect(places).toContainEqual(expect.objectContaining({ area: 'api-key-db', exact: 'current' }));
    expect(places).toContainEqual(expect.objectContaining({ area: 'session', prefix: 'page-orders:' }));
    expect(places).toContainEqual(expect.objectContaining({ area: 'session', exact: 'apiKeyUnlocked' }));
  });

  it('can tell what every store call names', () => {
    expect(unresolved).toEqual([]);
  });

  it('lists every record, prefix and session key the code reads or writes', () => {
    const missing = places
      .filter((place) => !STORED_ITEMS.some((item) => covers(item.where, place)))
      .map((p) => `${p.file}: ${p.call} ${p.area} ${p.exact ?? `${p.prefix}*`}`);
    expect(missing).toEqual([]);
  });

  it('lists nothing the code no longer uses', () => {
    const unused = STORED_ITEMS.filter((item) => !places.some((place) => covers(item.where, place)));
    expect(unused.map((item) => item.name)).toEqual([]);
  });

  it('gives no two items the same name or place, and no prefix holds another item', () => {
    const names = STORED_ITEMS.map((item) => item.name);
    expect(new Set(names).size).toBe(names.length);
    const labels = STORED_ITEMS.map((item) => label(item.where));
    expect(new Set(labels).size).toBe(labels.length);
    for (const item of STORED_ITEMS) {
      const { where } = item;
      if (!('prefix' in where)) continue;
      const inside = STORED_ITEMS.filter((other) => {
        if (other === item || other.where.area !== where.area) return false;
        const name =
          'record' in other.where
            ? other.where.record
            : 'key' in other.where
              ? other.where.key
              : other.where.prefix;
        return name.startsWith(where.prefix);
      });
      expect(
        inside.map((other) => other.name),
        item.name,
      ).toEqual([]);
    }
  });

  it('has steps that go one version at a time up to each item’s version', () => {
    expect(STORED_ITEMS.flatMap(stepProblems)).toEqual([]);
  });

  it('has a template step for every version from the prototype’s (0) up to the templates’ version', () => {
    const steps = (templatesItem.entries?.migrations ?? []).map((s) => [s.from, s.to]);
    expect(steps.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual(
      Array.from({ length: TEMPLATE_VERSION }, (_, i) => [i, i + 1]),
    );
  });
});
