/**
 * The catalogue and the source agree: every message key the code names is in the English catalogue,
 * and every message of the catalogue is named somewhere (no dead messages for translators to
 * translate). Keys are always written out whole in the source, so a search finds them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '@/public/_locales/en/messages.json';
import type { Catalogue } from './catalogue';

const ROOT = join(__dirname, '../..');
const catalogue: Catalogue = english;
const PREFIXES = ['common', 'popup', 'settings', 'editor', 'history', 'renewal', 'alerts', 'validation'];
const KEY = new RegExp(`^(?:${PREFIXES.join('|')})_[a-z0-9_]+$`);

/** Identifiers of the order model that look like message keys but are not messages. */
const NOT_MESSAGES = new Set([
  'renewal_of_order_id', // an order field
  'renewal_reference_missing', // a validation problem code
  'common_name_differs', // a CSR comparison code
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = [
  ...['components', 'entrypoints', 'lib'].flatMap((dir) => sourceFiles(join(ROOT, dir))),
  join(ROOT, 'wxt.config.ts'),
];
const sources = files.map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

const literal = new RegExp(`(['"\`])((?:${PREFIXES.join('|')})_[a-z0-9_]+)\\1`, 'g');
const used = new Map<string, string>();
for (const { path, text } of sources) {
  for (const match of text.matchAll(literal)) if (match[2]) used.set(match[2], path);
  for (const match of text.matchAll(/__MSG_(\w+)__/g)) if (match[1]) used.set(match[1], path);
}

describe('the message catalogue', () => {
  it('has every key the source names', () => {
    const missing = [...used].filter(([key]) => !catalogue[key] && !NOT_MESSAGES.has(key));
    expect(missing.map(([key, path]) => `${key} (${path})`)).toEqual([]);
  });

  it('has no message the source never names', () => {
    expect(Object.keys(catalogue).filter((key) => !used.has(key))).toEqual([]);
  });

  it('is only ever named whole: no key is pieced together', () => {
    const pieced = new RegExp(`[\`'"](?:${PREFIXES.join('|')})_[a-z0-9_]*(?:\\$\\{|['"]\\s*\\+)`);
    expect(sources.filter(({ text }) => pieced.test(text)).map(({ path }) => path)).toEqual([]);
  });

  it('names keys by view, and describes every message and placeholder for translators', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      expect(key, key).toMatch(KEY);
      expect(entry.description?.length ?? 0, `${key} has no description`).toBeGreaterThan(10);
      const named = [...entry.message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => m[1]?.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {});
      expect([...new Set(named)].sort(), `${key}: placeholders used and declared`).toEqual(declared.sort());
      const contents = Object.values(entry.placeholders ?? {}).map((p) => p.content);
      expect(contents.sort(), `${key}: $1…$n in turn`).toEqual(declared.map((_, i) => `$${i + 1}`));
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.example, key).toBeTruthy();
    }
  });

  it('gives every plural message both its forms, the count first', () => {
    for (const key of Object.keys(catalogue)) {
      const form = /_(one|other)$/.exec(key)?.[1];
      if (!form) continue;
      const pair = key.replace(/_(one|other)$/, form === 'one' ? '_other' : '_one');
      expect(catalogue[pair], `${key} needs ${pair}`).toBeDefined();
      const first = Object.entries(catalogue[key]?.placeholders ?? {}).find(([, p]) => p.content === '$1');
      if (first) expect(first[0], `${key}: the count is $1`).toBe('count');
    }
  });
});
